package fr.mediance.app.core.sync;

import static fr.mediance.app.core.testing.TestCores.PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

import fr.mediance.app.core.CoreContext;
import fr.mediance.app.core.resident.Resident;
import fr.mediance.app.core.resident.ResidentForm;
import fr.mediance.app.core.testing.TestCores;
import fr.mediance.protocol.CodeDto;
import fr.mediance.protocol.EntityType;
import fr.mediance.protocol.ResidentDto;
import fr.mediance.protocol.Role;
import fr.mediance.testing.FakeOfficeServer;
import fr.mediance.testing.MutableClock;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SyncEngineTest {
    @TempDir
    Path dir;

    final FakeOfficeServer server = new FakeOfficeServer();
    final MutableClock clock = new MutableClock(TestCores.T0);

    {
        server.addUser("u-co", "coord", PASSWORD, Role.COORDINATOR);
        server.addUser("u-c1", "conseil1", PASSWORD, Role.COUNSELLOR);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    CoreContext coordinator() {
        return TestCores.signedIn(dir, clock, server, "coord");
    }

    static ResidentForm form(String lastName, String phone) {
        return new ResidentForm(
                "Mme",
                lastName,
                "Fatima",
                null,
                phone,
                "12 rue des Lilas",
                "13015",
                "Marseille",
                "Interphone en panne",
                null,
                null);
    }

    static Resident create(CoreContext core, String lastName) {
        return core.residents().create(form(lastName, "06 12 34 56 78")).value();
    }

    static SyncReport sync(CoreContext core) {
        return core.sync().syncNow().join();
    }

    @Test
    void pushedChangesAreAcknowledgedRemovedAndVersioned() {
        try (CoreContext core = coordinator()) {
            Resident a = create(core, "Benali");
            Resident b = create(core, "Martin");
            assertThat(core.sync().status().pendingOperations()).isEqualTo(2);

            SyncReport report = sync(core);

            assertThat(report.result()).isEqualTo(SyncReport.Result.OK);
            assertThat(report.pushed()).isEqualTo(2);
            assertThat(core.sync().pendingItems()).isEmpty();
            Resident stored = core.residents().find(a.id()).orElseThrow();
            assertThat(stored.version()).isEqualTo(server.version(EntityType.RESIDENT, a.id()));
            assertThat(stored.pendingSync()).isFalse();
            assertThat(server.entity(EntityType.RESIDENT, b.id()))
                    .isInstanceOfSatisfying(
                            ResidentDto.class, r -> assertThat(r.lastName()).isEqualTo("Martin"));
            SyncStatus status = core.sync().status();
            assertThat(status.upToDate()).isTrue();
            assertThat(status.lastSuccessAt()).isEqualTo(clock.instant());
            assertThat(status.lastError()).isNull();
            assertThat(status.online()).isTrue();
        }
    }

    @Test
    void operationsAreSentInTheOrderTheyWereMade() {
        try (CoreContext core = coordinator()) {
            Resident a = create(core, "Benali");
            core.residents().update(a.id(), form("Benali", "07 00 00 00 00"));
            create(core, "Martin");
            List<String> order =
                    core.sync().pendingItems().stream().map(OutboxItem::opId).toList();
            assertThat(order).hasSize(3);

            sync(core);

            assertThat(server.received).containsExactlyElementsOf(order);
            assertThat(((ResidentDto) server.entity(EntityType.RESIDENT, a.id())).phone())
                    .isEqualTo("07 00 00 00 00");
        }
    }

    @Test
    void theQueueSurvivesARestart() {
        List<String> order;
        try (CoreContext core = coordinator()) {
            create(core, "Benali");
            create(core, "Martin");
            order = core.sync().pendingItems().stream().map(OutboxItem::opId).toList();
        }
        try (CoreContext core = TestCores.open(dir, clock)) {
            core.unlock(TestCores.PIN);
            assertThat(core.sync().pendingItems()).extracting(OutboxItem::opId).containsExactlyElementsOf(order);
            assertThat(sync(core).pushed()).isEqualTo(2);
            assertThat(server.received).containsExactlyElementsOf(order);
        }
    }

    @Test
    void aRefusedChangeIsQuarantinedWithItsReasonAndDoesNotBlockTheOthers() {
        try (CoreContext core = coordinator()) {
            Resident refused = create(core, "Refus");
            Resident fine = create(core, "Martin");
            server.reject(refused.id(), "Vous ne suivez pas cette personne : modification refusée.");

            SyncReport report = sync(core);

            assertThat(report.result()).isEqualTo(SyncReport.Result.OK);
            assertThat(report.pushed()).isEqualTo(1);
            assertThat(report.rejected()).isEqualTo(1);
            assertThat(server.entity(EntityType.RESIDENT, fine.id())).isNotNull();
            assertThat(core.sync().quarantinedItems()).singleElement().satisfies(item -> {
                assertThat(item.entityId()).isEqualTo(refused.id());
                assertThat(item.state()).isEqualTo(OutboxItem.State.QUARANTINED);
                assertThat(item.reasonCode()).isEqualTo("forbidden");
                assertThat(item.reasonMessage()).isEqualTo("Vous ne suivez pas cette personne : modification refusée.");
                assertThat(item.summary()).isEqualTo("Résident – Fatima Refus");
            });
            assertThat(core.sync().status().needsAttention()).isEqualTo(1);
            assertThat(core.residents().find(refused.id())).isPresent(); // the local record is kept

            // the next sync does not send it again, and new changes still go
            Resident later = create(core, "Durand");
            sync(core);
            assertThat(server.received.stream()
                            .filter(id -> id.equals(
                                    core.sync().quarantinedItems().get(0).opId())))
                    .hasSize(1);
            assertThat(server.entity(EntityType.RESIDENT, later.id())).isNotNull();
        }
    }

    @Test
    void aQuarantinedChangeCanBeSentAgainAsANewOperation() {
        try (CoreContext core = coordinator()) {
            Resident refused = create(core, "Refus");
            server.reject(refused.id(), "Refusé.");
            sync(core);
            String oldOpId = core.sync().quarantinedItems().get(0).opId();

            server.accept(refused.id());
            core.sync().retry(oldOpId);
            assertThat(core.sync().quarantinedItems()).isEmpty();
            assertThat(core.sync().pendingItems())
                    .singleElement()
                    .satisfies(i -> assertThat(i.opId()).isNotEqualTo(oldOpId));

            assertThat(sync(core).pushed()).isEqualTo(1);
            assertThat(server.entity(EntityType.RESIDENT, refused.id())).isNotNull();
            assertThat(core.sync().status().needsAttention()).isZero();
        }
    }

    @Test
    void aLostAnswerIsRetriedWithTheSameOperationAndAppliedOnce() {
        try (CoreContext core = coordinator()) {
            Resident a = create(core, "Benali");
            String opId = core.sync().pendingItems().get(0).opId();
            server.dropNextPushResponses(1);

            SyncReport lost = sync(core);

            assertThat(lost.result()).isEqualTo(SyncReport.Result.OFFLINE);
            assertThat(server.timesApplied(opId)).isEqualTo(1); // the server did apply it
            assertThat(core.sync().pendingItems()).extracting(OutboxItem::opId).containsExactly(opId);
            assertThat(core.residents().find(a.id()).orElseThrow().version()).isNull();

            SyncReport again = sync(core);

            assertThat(again.result()).isEqualTo(SyncReport.Result.OK);
            assertThat(server.timesReceived(opId)).isEqualTo(2);
            assertThat(server.timesApplied(opId)).isEqualTo(1);
            assertThat(core.sync().pendingItems()).isEmpty();
            assertThat(core.residents().find(a.id()).orElseThrow().version())
                    .isEqualTo(server.version(EntityType.RESIDENT, a.id()));
        }
    }

    @Test
    void theFeedIsPulledPageByPageAndResumesFromTheLastAppliedPage() {
        for (int i = 1; i <= 5; i++) {
            server.addCode("domain", "d" + i, "Domaine " + i, i);
        }
        try (CoreContext core = TestCores.builder(dir, clock).pullPageSize(2).build()) {
            core.login(server.url(), "coord", PASSWORD);
            core.choosePin(TestCores.PIN);
            server.failChangesAfter(2);

            SyncReport first = sync(core);

            assertThat(first.result()).isEqualTo(SyncReport.Result.FAILED);
            assertThat(first.pulled()).isEqualTo(4);
            assertThat(core.reference().codes("domain"))
                    .extracting(c -> c.code())
                    .containsExactly("d1", "d2", "d3", "d4");

            server.failChangesAfter(-1);
            int pagesBefore = server.changePages.get();
            SyncReport second = sync(core);

            assertThat(second.result()).isEqualTo(SyncReport.Result.OK);
            assertThat(second.pulled()).isEqualTo(1); // only what was missing
            assertThat(server.changePages.get() - pagesBefore).isEqualTo(1);
            assertThat(core.reference().codes("domain")).hasSize(5);
            assertThat(core.reference().label("domain", "d5")).isEqualTo("Domaine 5");
        }
    }

    @Test
    void tombstonesRemoveRecords() {
        server.addCode("domain", "old", "Ancien", 1);
        try (CoreContext core = coordinator()) {
            sync(core);
            assertThat(core.reference().codes("domain")).hasSize(1);
            server.serverDelete(EntityType.CODE, "domain:old");
            sync(core);
            assertThat(core.reference().codes("domain")).isEmpty();
        }
    }

    @Test
    void aPullNeverOverwritesARecordWithALocalChangeWaiting() {
        try (CoreContext core = coordinator()) {
            Resident mine = create(core, "Benali");
            server.reject(mine.id(), "Refusé pour l'instant.");
            sync(core); // quarantined: the local change still waits
            ResidentDto theirs = new ResidentDto(
                    mine.id(),
                    "s1",
                    null,
                    "Mme",
                    "Benali",
                    "Fatima",
                    null,
                    "09 99 99 99 99",
                    "12 rue des Lilas",
                    "13015",
                    "Marseille",
                    null,
                    null,
                    null);
            server.serverWrite(theirs);

            SyncReport report = sync(core);

            assertThat(report.pulled()).isEqualTo(1);
            assertThat(core.residents().find(mine.id()).orElseThrow().phone()).isEqualTo("06 12 34 56 78");

            // once the local change is acknowledged, the server's newer state flows again
            server.accept(mine.id());
            core.sync().retry(core.sync().quarantinedItems().get(0).opId());
            sync(core);
            assertThat(core.residents().find(mine.id()).orElseThrow().phone()).isEqualTo("06 12 34 56 78");
            server.serverWrite(new ResidentDto(
                    mine.id(),
                    "s1",
                    null,
                    "Mme",
                    "Benali",
                    "Fatima",
                    null,
                    "01 01 01 01 01",
                    "12 rue des Lilas",
                    "13015",
                    "Marseille",
                    null,
                    null,
                    null));
            sync(core);
            Resident after = core.residents().find(mine.id()).orElseThrow();
            assertThat(after.phone()).isEqualTo("01 01 01 01 01");
            assertThat(after.version()).isEqualTo(server.version(EntityType.RESIDENT, mine.id()));
        }
    }

    @Test
    void discardingARefusedChangeRestoresTheStateTheServerSentMeanwhile() {
        try (CoreContext core = coordinator()) {
            Resident mine = create(core, "Benali");
            sync(core);
            core.residents().update(mine.id(), form("Benali", "07 77 77 77 77"));
            server.reject(mine.id(), "Refusé.");
            sync(core); // the edit is quarantined
            server.serverWrite(new ResidentDto(
                    mine.id(),
                    "s1",
                    null,
                    "Mme",
                    "Benali",
                    "Fatima",
                    null,
                    "09 99 99 99 99",
                    "12 rue des Lilas",
                    "13015",
                    "Marseille",
                    null,
                    null,
                    null));
            sync(core); // set aside: the local edit still waits
            assertThat(core.residents().find(mine.id()).orElseThrow().phone()).isEqualTo("07 77 77 77 77");

            core.sync().discard(core.sync().quarantinedItems().get(0).opId());

            Resident after = core.residents().find(mine.id()).orElseThrow();
            assertThat(after.phone()).isEqualTo("09 99 99 99 99");
            assertThat(after.version()).isEqualTo(server.version(EntityType.RESIDENT, mine.id()));
            assertThat(after.pendingSync()).isFalse();
            assertThat(core.sync().status().needsAttention()).isZero();
        }
    }

    @Test
    void aPendingChangeCannotBeDiscarded() {
        try (CoreContext core = coordinator()) {
            create(core, "Benali");
            core.sync().discard(core.sync().pendingItems().get(0).opId());
            assertThat(core.sync().pendingItems()).hasSize(1);
        }
    }

    @Test
    void aStatusChangeMadeOnAnOldCopyOfTheAppointmentIsRebasedOnTheServersVersion() {
        java.time.Instant nine = java.time.Instant.parse("2026-11-27T08:00:00Z");
        server.serverWrite(new ResidentDto(
                "res-1",
                "s1",
                null,
                "Mme",
                "Benali",
                "Fatima",
                null,
                null,
                "1 rue",
                "13001",
                "Marseille",
                null,
                null,
                "u-c1"));
        server.serverWrite(new fr.mediance.protocol.AppointmentDto(
                "apt-1",
                "s1",
                "res-1",
                "u-c1",
                "home_visit",
                nine,
                nine.plusSeconds(3600),
                "confirmed",
                null,
                null,
                null));
        try (CoreContext tablet = TestCores.signedIn(dir, clock, server, "conseil1")) {
            sync(tablet);
            tablet.agenda().setStatus("apt-1", "no_show", "Absente");
            // meanwhile the coordinator moves the appointment by an hour
            server.serverWrite(new fr.mediance.protocol.AppointmentDto(
                    "apt-1",
                    "s1",
                    "res-1",
                    "u-c1",
                    "home_visit",
                    nine.plusSeconds(3600),
                    nine.plusSeconds(7200),
                    "confirmed",
                    null,
                    "Décalé",
                    null));

            SyncReport report = sync(tablet);

            assertThat(report.result()).isEqualTo(SyncReport.Result.OK);
            assertThat(report.rejected()).isZero();
            assertThat(tablet.sync().quarantinedItems()).isEmpty();
            assertThat(tablet.sync().pendingItems()).isEmpty();
            fr.mediance.protocol.AppointmentDto atOffice =
                    (fr.mediance.protocol.AppointmentDto) server.entity(EntityType.APPOINTMENT, "apt-1");
            assertThat(atOffice.status()).isEqualTo("no_show");
            assertThat(atOffice.statusReason()).isEqualTo("Absente");
            assertThat(atOffice.start()).isEqualTo(nine.plusSeconds(3600));
            assertThat(atOffice.notes()).isEqualTo("Décalé");
            assertThat(tablet.agenda().find("apt-1").orElseThrow()).satisfies(a -> {
                assertThat(a.start()).isEqualTo(nine.plusSeconds(3600));
                assertThat(a.status()).isEqualTo("no_show");
                assertThat(a.pendingSync()).isFalse();
            });
        }
    }

    @Test
    void anExpiredAccessTokenIsRefreshedDuringASync() {
        try (CoreContext core = coordinator()) {
            create(core, "Benali");
            server.expireAccessTokens();

            SyncReport report = sync(core);

            assertThat(report.result()).isEqualTo(SyncReport.Result.OK);
            assertThat(report.pushed()).isEqualTo(1);
            assertThat(server.refreshes.get()).isEqualTo(1);
        }
    }

    @Test
    void anEndedSessionStopsTheSyncKeepsTheChangesAndAsksForThePassword() {
        try (CoreContext core = coordinator()) {
            create(core, "Benali");
            server.endSessions();

            SyncReport report = sync(core);

            assertThat(report.result()).isEqualTo(SyncReport.Result.SESSION_EXPIRED);
            assertThat(report.message()).startsWith("Votre session a expiré");
            assertThat(core.sync().status().sessionExpired()).isTrue();
            assertThat(core.sync().pendingItems()).hasSize(1);

            assertThat(core.session().reauthenticate(PASSWORD.toCharArray()).isOk())
                    .isTrue();
            assertThat(sync(core).result()).isEqualTo(SyncReport.Result.OK);
            assertThat(core.sync().status().sessionExpired()).isFalse();
            assertThat(core.sync().pendingItems()).isEmpty();
        }
    }

    @Test
    void withoutNetworkTheSyncSaysOfflineKeepsEverythingAndPlansARetry() {
        try (CoreContext core = coordinator()) {
            Resident a = create(core, "Benali");
            server.goOffline();

            SyncReport report = sync(core);

            assertThat(report.result()).isEqualTo(SyncReport.Result.OFFLINE);
            SyncStatus s = core.sync().status();
            assertThat(s.online()).isFalse();
            assertThat(s.lastError()).startsWith("Hors ligne");
            assertThat(s.pendingOperations()).isEqualTo(1);
            assertThat(s.nextAttemptAt())
                    .isAfter(clock.instant())
                    .isBeforeOrEqualTo(clock.instant().plusSeconds(10));
            assertThat(core.network().isOnline()).isFalse();

            server.comeBack();
            clock.advance(Duration.ofMinutes(1));
            assertThat(sync(core).result()).isEqualTo(SyncReport.Result.OK);
            assertThat(server.entity(EntityType.RESIDENT, a.id())).isNotNull();
            s = core.sync().status();
            assertThat(s.online()).isTrue();
            assertThat(s.lastError()).isNull();
            assertThat(s.nextAttemptAt()).isNull();
        }
    }

    @Test
    void aServerErrorIsReportedInFrenchAndRetriedLater() {
        try (CoreContext core = coordinator()) {
            create(core, "Benali");
            server.fail(fr.mediance.protocol.ApiPaths.SYNC_PUSH, 500);
            SyncReport report = sync(core);
            assertThat(report.result()).isEqualTo(SyncReport.Result.FAILED);
            assertThat(report.message()).startsWith("La synchronisation a échoué : Le serveur a rencontré un problème");
            assertThat(core.sync().pendingItems()).hasSize(1);
            server.fail(fr.mediance.protocol.ApiPaths.SYNC_PUSH, 0);
            assertThat(sync(core).ok()).isTrue();
        }
    }

    @Test
    void theStructuresAccountsAreCachedBySync() {
        try (CoreContext core = coordinator()) {
            SyncReport r = sync(core);
            assertThat(r.result()).isEqualTo(SyncReport.Result.OK);
            assertThat(core.reference().users(null)).hasSize(2);
            assertThat(core.reference().users(Role.COUNSELLOR))
                    .extracting(u -> u.username())
                    .containsExactly("conseil1");
            assertThat(core.reference().user("u-co")).isPresent();
        }
    }

    @Test
    void dataListenersHearWhichEntitiesChanged() {
        server.serverWrite(new CodeDto("domain", "energie", "Énergie", null, 1, true));
        try (CoreContext core = coordinator()) {
            List<Set<EntityType>> heard = new ArrayList<>();
            Runnable remove = core.sync().addDataListener(heard::add);
            sync(core);
            assertThat(heard).containsExactly(Set.of(EntityType.CODE));
            remove.run();
            server.serverWrite(new CodeDto("domain", "eau", "Eau", null, 2, true));
            sync(core);
            assertThat(heard).hasSize(1);
        }
    }

    @Test
    void theStatusPropertyFollowsLocalChangesAndSyncs() {
        try (CoreContext core = coordinator()) {
            List<SyncStatus> seen = new ArrayList<>();
            core.sync().statusProperty().addListener((obs, was, now) -> seen.add(now));
            create(core, "Benali");
            assertThat(core.sync().statusProperty().get().pendingOperations()).isEqualTo(1);
            sync(core);
            assertThat(seen).anySatisfy(s -> assertThat(s.syncing()).isTrue());
            assertThat(core.sync().statusProperty().get().syncing()).isFalse();
            assertThat(core.sync().statusProperty().get().pendingOperations()).isZero();
        }
    }

    /** An executor that runs tasks only when told. */
    static final class QueueExecutor implements Executor {
        final ArrayDeque<Runnable> tasks = new ArrayDeque<>();

        @Override
        public void execute(Runnable command) {
            tasks.add(command);
        }

        void runAll() {
            while (!tasks.isEmpty()) {
                tasks.poll().run();
            }
        }
    }

    @Test
    void aSyncAskedForDuringASyncRunsOnceMoreAfterIt() {
        QueueExecutor background = new QueueExecutor();
        try (CoreContext core =
                TestCores.builder(dir, clock).background(background).build()) {
            core.login(server.url(), "coord", PASSWORD);
            core.choosePin(TestCores.PIN);
            background.runAll(); // what the unlock queued (the retention purge)
            create(core, "Benali");
            CompletableFuture<SyncReport> first = core.sync().syncNow();
            CompletableFuture<SyncReport> second = core.sync().syncNow();
            CompletableFuture<SyncReport> third = core.sync().syncNow();
            assertThat(second).isSameAs(third).isNotSameAs(first);
            assertThat(background.tasks).hasSize(1); // one sync at a time

            background.runAll();

            assertThat(first.join().pushed()).isEqualTo(1);
            assertThat(second.join().ok()).isTrue();
            assertThat(server.pushes.get()).isEqualTo(1);
            assertThat(server.changePages.get()).isEqualTo(2);
        }
    }

    @Test
    void aLockedCoreDoesNotSync() {
        try (CoreContext core = coordinator()) {
            core.session().lock();
            assertThat(sync(core).result()).isEqualTo(SyncReport.Result.NOT_READY);
        }
    }
}
