package fr.mediance.app.core.sync;

import static org.assertj.core.api.Assertions.assertThat;

import fr.mediance.app.core.CoreContext;
import fr.mediance.app.core.resident.ResidentForm;
import fr.mediance.app.core.sync.SyncStatusViewModel.ItemRow;
import fr.mediance.app.core.sync.SyncStatusViewModel.Kind;
import fr.mediance.app.core.testing.TestCores;
import fr.mediance.protocol.EntityType;
import fr.mediance.protocol.Role;
import fr.mediance.testing.FakeOfficeServer;
import fr.mediance.testing.MutableClock;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SyncStatusViewModelTest {

    static final ResourceBundle TEXTS = ResourceBundle.getBundle("fr.mediance.app.core.messages");

    /** On a real core and a fake office server: what the screen says around real syncs. */
    @Nested
    class OnRealServices {
        @TempDir
        Path dir;

        FakeOfficeServer server;
        MutableClock clock = new MutableClock(TestCores.T0);
        CoreContext core;
        SyncStatusViewModel vm;
        List<String> messages = new ArrayList<>();

        @BeforeEach
        void setUp() {
            server = new FakeOfficeServer();
            server.addUser("u-k1", "coord", TestCores.PASSWORD, Role.COORDINATOR);
            core = TestCores.signedIn(dir, clock, server, "coord");
            vm = new SyncStatusViewModel(core.sync(), clock, core.zone(), TEXTS, Runnable::run, Runnable::run);
            vm.setOnMessage(messages::add);
        }

        @AfterEach
        void tearDown() {
            vm.dispose();
            core.close();
            server.close();
        }

        void createResident() {
            assertThat(core.residents()
                            .create(new ResidentForm(
                                    null,
                                    "Benali",
                                    "Fatima",
                                    null,
                                    null,
                                    "12 rue des Lilas",
                                    "13015",
                                    "Marseille",
                                    null,
                                    null,
                                    null))
                            .isOk())
                    .isTrue();
        }

        @Test
        void before_any_sync_it_never_says_received() {
            assertThat(vm.lastSyncTextProperty().get()).isEqualTo("Jamais synchronisé");
            assertThat(vm.indicatorTextProperty().get()).isEqualTo("Rien à envoyer");
            // the server has not answered yet: offline until it does
            assertThat(vm.summaryTextProperty().get()).isEqualTo("Hors ligne — les données restent sur la tablette");
            assertThat(vm.countsTextProperty().get()).isEmpty();
            assertThat(vm.allReceivedProperty().get()).isFalse();
        }

        @Test
        void a_local_change_is_one_item_waiting() {
            assertThat(vm.synchronise().join().ok()).isTrue();
            createResident();
            vm.refresh();

            assertThat(vm.pendingCountProperty().get()).isEqualTo(1);
            assertThat(vm.indicatorTextProperty().get()).isEqualTo("1 en attente");
            assertThat(vm.summaryTextProperty().get()).isEqualTo("1 élément en attente");
            assertThat(vm.pendingItems()).singleElement().satisfies(r -> {
                assertThat(r.kind()).isEqualTo(Kind.RESIDENT);
                assertThat(r.stateText()).isEqualTo("En attente");
                assertThat(r.summary()).contains("Fatima Benali");
                assertThat(r.detail()).isEqualTo("Modifié le 27/11/2026 à 09:00");
            });
        }

        @Test
        void after_the_servers_receipt_everything_is_received_and_says_when() {
            createResident();
            vm.refresh();

            assertThat(vm.synchronise().join().ok()).isTrue();

            assertThat(vm.pendingCountProperty().get()).isZero();
            assertThat(vm.indicatorTextProperty().get()).isEqualTo("Tout est reçu");
            assertThat(vm.summaryTextProperty().get()).isEqualTo("Tout est reçu par le bureau à 09:00");
            assertThat(vm.receivedItems()).singleElement().satisfies(r -> {
                assertThat(r.stateText()).isEqualTo("Reçu par le bureau");
                assertThat(r.detail()).isEqualTo("à 09:00");
            });
            assertThat(vm.lastSyncTextProperty().get()).isEqualTo("Dernière synchronisation à l'instant");
            assertThat(vm.connectionTextProperty().get()).isEqualTo("En ligne");
            assertThat(messages).containsExactly("Synchronisation terminée.");

            clock.advance(Duration.ofMinutes(30));
            vm.refresh();
            assertThat(vm.lastSyncTextProperty().get()).isEqualTo("Dernière synchronisation aujourd'hui à 09:00");
            clock.set(Instant.parse("2026-11-29T08:00:00Z"));
            vm.refresh();
            assertThat(vm.lastSyncTextProperty().get()).isEqualTo("Dernière synchronisation le 27/11/2026 à 09:00");
            assertThat(vm.summaryTextProperty().get()).isEqualTo("Tout est reçu par le bureau le 27/11/2026 à 09:00");
        }

        @Test
        void offline_the_data_stays_on_the_tablet_and_the_change_stays_waiting() {
            createResident();
            server.goOffline();

            vm.synchronise().join();

            assertThat(vm.pendingCountProperty().get()).isEqualTo(1);
            assertThat(vm.onlineProperty().get()).isFalse();
            assertThat(vm.summaryTextProperty().get()).isEqualTo("Hors ligne — les données restent sur la tablette");
            assertThat(vm.countsTextProperty().get()).isEqualTo("1 élément en attente");
            assertThat(vm.indicatorTextProperty().get()).isEqualTo("1 en attente");
            assertThat(messages).hasSize(1);
            assertThat(messages.get(0)).isNotBlank().doesNotContain("Exception");
        }

        @Test
        void a_refused_change_needs_attention_with_the_reason_and_can_be_tried_again() {
            createResident();
            String id = core.residents().search("Benali", 1).get(0).id();
            server.reject(id, "Usager en double.");

            vm.synchronise().join();

            assertThat(vm.attentionCountProperty().get()).isEqualTo(1);
            assertThat(vm.indicatorTextProperty().get()).isEqualTo("1 à vérifier");
            assertThat(vm.summaryTextProperty().get())
                    .isEqualTo("1 élément à vérifier : il est conservé sur la tablette");
            ItemRow refused = vm.attentionItems().get(0);
            assertThat(refused.stateText()).isEqualTo("À vérifier");
            assertThat(refused.reason()).isEqualTo("Usager en double.");
            assertThat(refused.canRetry()).isTrue();

            server.accept(id);
            vm.retry(refused).join();
            core.sync().syncNow().join();
            vm.refresh();

            assertThat(vm.attentionItems()).isEmpty();
            assertThat(messages).contains("Remis dans la file d'envoi.");
            assertThat(vm.receivedItems()).extracting(ItemRow::stateText).containsExactly("Reçu par le bureau");
        }
    }

    /** On a scripted sync service: every state, the live progress of a photo, the counts. */
    @Nested
    class OnScriptedStates {
        MutableClock clock = new MutableClock(TestCores.T0);
        ScriptedSync sync = new ScriptedSync();
        SyncStatusViewModel vm;
        List<String> messages = new ArrayList<>();

        SyncStatusViewModel open() {
            vm = new SyncStatusViewModel(sync, clock, CoreContext.PARIS, TEXTS, Runnable::run, Runnable::run);
            vm.setOnMessage(messages::add);
            return vm;
        }

        PhotoTransfer photo(String id, Delivery d, long sent, String reason) {
            int percent = d == Delivery.RECEIVED ? 100 : (int) Math.min(99, sent * 100 / 400_000);
            return new PhotoTransfer(
                    id,
                    "v1",
                    "Photo de document – Fatima Benali",
                    "facture",
                    "sha-" + id,
                    400_000,
                    sent,
                    TestCores.T0,
                    new DeliveryStatus(d, percent, reason));
        }

        /** A visit terminated with two photos: its report, the appointment's status, two documents, two photos. */
        void visitWithTwoPhotos() {
            sync.op(1, EntityType.VISIT_REPORT, "v1", "Compte rendu – Fatima Benali");
            sync.op(2, EntityType.APPOINTMENT, "a1", "Rendez-vous du 27/11/2026 – Fatima Benali");
            sync.op(3, EntityType.DOCUMENT, "d1", "Photo de document – Fatima Benali");
            sync.op(4, EntityType.DOCUMENT, "d2", "Photo de document – Fatima Benali");
            sync.transfers.add(photo("d1", Delivery.QUEUED, 0, null));
            sync.transfers.add(photo("d2", Delivery.QUEUED, 0, null));
            sync.counts(4, 2, 0);
        }

        @Test
        void state_texts_agree_with_what_the_item_is() {
            open();
            assertThat(vm.stateText(Kind.PHOTO, DeliveryStatus.QUEUED)).isEqualTo("En attente");
            assertThat(vm.stateText(Kind.PHOTO, new DeliveryStatus(Delivery.SENDING, 42, null)))
                    .isEqualTo("Envoi 42 %");
            assertThat(vm.stateText(Kind.PHOTO, DeliveryStatus.RECEIVED)).isEqualTo("Reçue par le bureau");
            assertThat(vm.stateText(Kind.REPORT, DeliveryStatus.RECEIVED)).isEqualTo("Reçu par le bureau");
            assertThat(vm.stateText(Kind.RESIDENT, new DeliveryStatus(Delivery.SENDING, 0, null)))
                    .isEqualTo("Envoi en cours");
            assertThat(vm.stateText(Kind.REPORT, new DeliveryStatus(Delivery.SENDING, 30, null)))
                    .isEqualTo("Envoi 30 %");
            assertThat(vm.stateText(Kind.APPOINTMENT, new DeliveryStatus(Delivery.NEEDS_ATTENTION, 0, "Refusé")))
                    .isEqualTo("À vérifier");
            assertThat(vm.stateText(Kind.PHOTO, DeliveryStatus.LOCAL)).isEqualTo("Sur l'appareil");
        }

        @Test
        void a_photo_and_its_document_record_are_one_item_and_photos_are_counted() {
            visitWithTwoPhotos();
            open();

            assertThat(vm.summaryTextProperty().get()).isEqualTo("4 éléments en attente, dont 2 photos");
            assertThat(vm.indicatorTextProperty().get()).isEqualTo("4 en attente");
            assertThat(vm.pendingCountProperty().get()).isEqualTo(4);
            assertThat(vm.pendingPhotoCountProperty().get()).isEqualTo(2);
            assertThat(vm.pendingItems())
                    .extracting(ItemRow::kind)
                    .containsExactly(Kind.REPORT, Kind.APPOINTMENT, Kind.PHOTO, Kind.PHOTO);
            assertThat(vm.pendingItems())
                    .filteredOn(r -> r.kind() == Kind.PHOTO)
                    .allSatisfy(r -> {
                        assertThat(r.showsProgress()).isTrue();
                        assertThat(r.percent()).isZero();
                        assertThat(r.detail()).isEqualTo("391 Ko");
                    });
        }

        @Test
        void the_counts_read_naturally_in_french() {
            sync.transfers.add(photo("d1", Delivery.QUEUED, 0, null));
            sync.counts(0, 1, 0);
            open();
            assertThat(vm.summaryTextProperty().get()).isEqualTo("1 photo en attente");

            sync.transfers.add(photo("d2", Delivery.QUEUED, 0, null));
            vm.refresh();
            assertThat(vm.summaryTextProperty().get()).isEqualTo("2 photos en attente");

            sync.op(1, EntityType.VISIT_REPORT, "v1", "Compte rendu – Fatima Benali");
            vm.refresh();
            assertThat(vm.summaryTextProperty().get()).isEqualTo("3 éléments en attente, dont 2 photos");

            sync.transfers.remove(1);
            vm.refresh();
            assertThat(vm.summaryTextProperty().get()).isEqualTo("2 éléments en attente, dont 1 photo");

            sync.transfers.clear();
            sync.deliveries.put("d1", DeliveryStatus.RECEIVED);
            sync.deliveries.put("d2", DeliveryStatus.RECEIVED);
            vm.refresh();
            assertThat(vm.summaryTextProperty().get()).isEqualTo("1 élément en attente");
        }

        @Test
        void a_photo_being_sent_shows_its_progress_live_then_received() {
            visitWithTwoPhotos();
            open();
            int index = indexOf("photo:d1");

            sync.publish(photo("d1", Delivery.SENDING, 40_000, null));
            assertThat(vm.pendingItems().get(index)).satisfies(r -> {
                assertThat(r.stateText()).isEqualTo("Envoi 10 %");
                assertThat(r.percent()).isEqualTo(10);
                assertThat(r.showsProgress()).isTrue();
            });
            sync.publish(photo("d1", Delivery.SENDING, 168_000, null));
            assertThat(vm.pendingItems().get(index).stateText()).isEqualTo("Envoi 42 %");
            assertThat(vm.pendingItems()).hasSize(4);
            assertThat(vm.summaryTextProperty().get()).isEqualTo("4 éléments en attente, dont 2 photos");

            sync.publish(photo("d1", Delivery.RECEIVED, 400_000, null));
            assertThat(vm.pendingItems()).extracting(ItemRow::key).doesNotContain("photo:d1");
            assertThat(vm.receivedItems()).singleElement().satisfies(r -> {
                assertThat(r.stateText()).isEqualTo("Reçue par le bureau");
                assertThat(r.percent()).isEqualTo(100);
                assertThat(r.detail()).isEqualTo("à 09:00");
            });
            assertThat(vm.summaryTextProperty().get()).isEqualTo("3 éléments en attente, dont 1 photo");
        }

        @Test
        void a_report_stays_on_its_way_while_its_photos_travel_after_its_own_receipt() {
            visitWithTwoPhotos();
            open();
            // the server has the report and the status; the photos are being sent
            sync.pending.removeIf(o -> o.entity() != EntityType.DOCUMENT);
            sync.deliveries.put("v1", new DeliveryStatus(Delivery.SENDING, 50, null));
            sync.deliveries.put("a1", DeliveryStatus.RECEIVED);
            vm.refresh();

            assertThat(vm.pendingItems())
                    .filteredOn(r -> r.kind() == Kind.REPORT)
                    .singleElement()
                    .satisfies(r -> {
                        assertThat(r.stateText()).isEqualTo("Envoi 50 %");
                        assertThat(r.showsProgress()).isTrue();
                    });
            assertThat(vm.receivedItems()).extracting(ItemRow::kind).containsExactly(Kind.APPOINTMENT);
            assertThat(vm.allReceivedProperty().get()).isFalse();

            sync.pending.clear();
            sync.transfers.clear();
            sync.deliveries.put("v1", DeliveryStatus.RECEIVED);
            sync.counts(0, 0, 0);
            sync.success(TestCores.T0);
            vm.refresh();
            assertThat(vm.pendingItems()).isEmpty();
            assertThat(vm.receivedItems())
                    .extracting(ItemRow::kind)
                    .containsExactlyInAnyOrder(Kind.REPORT, Kind.PHOTO, Kind.PHOTO, Kind.APPOINTMENT);
            assertThat(vm.summaryTextProperty().get()).isEqualTo("Tout est reçu par le bureau à 09:00");
        }

        @Test
        void nothing_is_said_received_while_the_service_still_counts_something() {
            sync.success(TestCores.T0);
            sync.counts(0, 1, 0); // a photo the screen has not read yet
            open();
            assertThat(vm.allReceivedProperty().get()).isFalse();
            assertThat(vm.indicatorTextProperty().get()).isEqualTo("1 en attente");

            sync.counts(0, 0, 0);
            assertThat(vm.allReceivedProperty().get()).isTrue();
            assertThat(vm.indicatorTextProperty().get()).isEqualTo("Tout est reçu");
        }

        @Test
        void offline_the_headline_says_so_and_the_counts_follow() {
            visitWithTwoPhotos();
            open();
            sync.online(false);
            assertThat(vm.summaryTextProperty().get()).isEqualTo("Hors ligne — les données restent sur la tablette");
            assertThat(vm.countsTextProperty().get()).isEqualTo("4 éléments en attente, dont 2 photos");
        }

        @Test
        void a_photo_that_failed_needs_attention_and_retry_queues_it_again() {
            sync.transfers.add(
                    photo("d1", Delivery.NEEDS_ATTENTION, 262_144, "La photo a été refusée par le serveur."));
            sync.counts(0, 1, 0);
            open();

            ItemRow row = vm.attentionItems().get(0);
            assertThat(row.stateText()).isEqualTo("À vérifier");
            assertThat(row.reason()).isEqualTo("La photo a été refusée par le serveur.");
            assertThat(vm.indicatorTextProperty().get()).isEqualTo("1 à vérifier");

            vm.retry(row).join();
            assertThat(sync.retriedPhotos).containsExactly("d1");
            assertThat(sync.syncs).isEqualTo(1);
            assertThat(messages).containsExactly("Remis dans la file d'envoi.");
        }

        @Test
        void a_refused_document_record_is_retried_through_its_photo_line() {
            sync.op(3, EntityType.DOCUMENT, "d1", "Photo de document – Fatima Benali");
            sync.quarantine("op-3", "Type de document inconnu.");
            sync.transfers.add(photo("d1", Delivery.NEEDS_ATTENTION, 0, "Type de document inconnu."));
            sync.online(false);
            open();

            ItemRow row = vm.attentionItems().get(0);
            assertThat(vm.attentionItems()).hasSize(1);
            assertThat(row.opId()).isEqualTo("op-3");
            vm.retry(row).join();
            assertThat(sync.retried).containsExactly("op-3");
            assertThat(sync.retriedPhotos).containsExactly("d1");
            assertThat(sync.syncs).isZero(); // offline: it leaves with the next sync
        }

        @Test
        void what_needs_attention_comes_first_and_the_rest_is_said_received() {
            sync.op(1, EntityType.VISIT_REPORT, "v1", "Compte rendu – Fatima Benali");
            sync.quarantine("op-1", "Ce rendez-vous a été annulé.");
            sync.counts(0, 0, 1);
            sync.success(TestCores.T0);
            open();

            assertThat(vm.summaryTextProperty().get())
                    .isEqualTo("1 élément à vérifier : il est conservé sur la tablette");
            assertThat(vm.countsTextProperty().get())
                    .isEqualTo("Tout le reste est reçu par le bureau (dernier envoi à 09:00).");
            assertThat(vm.allReceivedProperty().get()).isFalse();
        }

        @Test
        void nothing_ever_sent_and_nothing_waiting_is_said_plainly() {
            open();
            assertThat(vm.summaryTextProperty().get()).isEqualTo("Rien à envoyer pour l'instant");
            assertThat(vm.indicatorTextProperty().get()).isEqualTo("Rien à envoyer");
        }

        @Test
        void offline_the_last_error_is_not_repeated_under_the_headline() {
            sync.status.set(sync.status.get().withResult(null, "Hors ligne : réessai automatique.", null, false));
            open();
            assertThat(vm.errorTextProperty().get()).isEqualTo("Dernière erreur : Hors ligne : réessai automatique.");
            sync.online(false);
            assertThat(vm.errorTextProperty().get()).isEmpty();
        }

        int indexOf(String key) {
            for (int i = 0; i < vm.pendingItems().size(); i++) {
                if (vm.pendingItems().get(i).key().equals(key)) {
                    return i;
                }
            }
            throw new AssertionError("no " + key);
        }
    }

    /** A sync service whose answers the test sets. */
    static final class ScriptedSync implements SyncService {
        final ReadOnlyObjectWrapper<SyncStatus> status =
                new ReadOnlyObjectWrapper<>(SyncStatus.initial().withOnline(true));
        final List<OutboxItem> pending = new ArrayList<>();
        final List<OutboxItem> quarantined = new ArrayList<>();
        final List<PhotoTransfer> transfers = new ArrayList<>();
        final Map<String, DeliveryStatus> deliveries = new HashMap<>();
        final List<Consumer<PhotoTransfer>> listeners = new ArrayList<>();
        final List<String> retried = new ArrayList<>();
        final List<String> retriedPhotos = new ArrayList<>();
        int syncs;

        void op(long seq, EntityType entity, String id, String summary) {
            pending.add(new OutboxItem(
                    seq, "op-" + seq, entity, id, summary, TestCores.T0, OutboxItem.State.PENDING, 0, null, null));
        }

        void quarantine(String opId, String reason) {
            OutboxItem o = pending.stream()
                    .filter(i -> i.opId().equals(opId))
                    .findFirst()
                    .orElseThrow();
            pending.remove(o);
            quarantined.add(new OutboxItem(
                    o.seq(),
                    o.opId(),
                    o.entity(),
                    o.entityId(),
                    o.summary(),
                    o.createdAt(),
                    OutboxItem.State.QUARANTINED,
                    3,
                    "rejected",
                    reason));
        }

        void counts(int ops, int photos, int attention) {
            status.set(status.get().withCounts(ops, photos, attention));
        }

        void online(boolean v) {
            status.set(status.get().withOnline(v));
        }

        void success(Instant at) {
            status.set(status.get().withResult(at, null, null, false));
        }

        void publish(PhotoTransfer t) {
            transfers.replaceAll(x -> x.documentId().equals(t.documentId()) ? t : x);
            if (t.status().received()) {
                transfers.removeIf(x -> x.documentId().equals(t.documentId()));
            }
            listeners.forEach(l -> l.accept(t));
        }

        @Override
        public ReadOnlyObjectProperty<SyncStatus> statusProperty() {
            return status.getReadOnlyProperty();
        }

        @Override
        public SyncStatus status() {
            return status.get();
        }

        @Override
        public CompletableFuture<SyncReport> syncNow() {
            syncs++;
            return new CompletableFuture<>();
        }

        @Override
        public List<OutboxItem> pendingItems() {
            return List.copyOf(pending);
        }

        @Override
        public List<OutboxItem> quarantinedItems() {
            return List.copyOf(quarantined);
        }

        @Override
        public void retry(String opId) {
            retried.add(opId);
        }

        @Override
        public void discard(String opId) {}

        @Override
        public Runnable addDataListener(Consumer<Set<EntityType>> listener) {
            return () -> {};
        }

        @Override
        public DeliveryStatus deliveryOf(EntityType entity, String id) {
            if (deliveries.containsKey(id)) {
                return deliveries.get(id);
            }
            for (OutboxItem q : quarantined) {
                if (q.entityId().equals(id)) {
                    return new DeliveryStatus(Delivery.NEEDS_ATTENTION, 0, q.reasonMessage());
                }
            }
            return pending.stream().anyMatch(p -> p.entityId().equals(id))
                    ? DeliveryStatus.QUEUED
                    : DeliveryStatus.RECEIVED;
        }

        @Override
        public List<PhotoTransfer> photoTransfers() {
            return List.copyOf(transfers);
        }

        @Override
        public List<PhotoTransfer> photoTransfers(String reportId) {
            return transfers.stream().filter(t -> t.reportId().equals(reportId)).toList();
        }

        @Override
        public Runnable addTransferListener(Consumer<PhotoTransfer> listener) {
            listeners.add(listener);
            return () -> listeners.remove(listener);
        }

        @Override
        public void retryPhoto(String documentId) {
            retriedPhotos.add(documentId);
        }
    }
}
