package fr.mediance.app.core.reference;

import static org.assertj.core.api.Assertions.assertThat;

import fr.mediance.app.core.reference.CodeListsViewModel.ListChoice;
import fr.mediance.app.core.reference.CodeListsViewModel.Row;
import fr.mediance.app.core.session.AccountInfo;
import fr.mediance.app.core.store.BlobFiles;
import fr.mediance.app.core.store.Crypto;
import fr.mediance.app.core.store.Database;
import fr.mediance.app.core.store.Records;
import fr.mediance.app.core.store.StoreHolder;
import fr.mediance.app.core.sync.Outbox;
import fr.mediance.app.core.testing.TestCores;
import fr.mediance.protocol.CodeDto;
import fr.mediance.protocol.ListNames;
import fr.mediance.protocol.OperationDto;
import fr.mediance.protocol.Role;
import fr.mediance.protocol.json.MedianceJson;
import fr.mediance.testing.MutableClock;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CodeListsViewModelTest {
    static final ResourceBundle TEXTS = ResourceBundle.getBundle("fr.mediance.app.core.messages", Locale.FRENCH);

    @TempDir
    Path dir;

    final MutableClock clock = new MutableClock(TestCores.T0);
    final StoreHolder store = new StoreHolder();
    final Outbox outbox = new Outbox(clock);
    final AtomicReference<Role> role = new AtomicReference<>(Role.OFFICE);
    final List<String> messages = new ArrayList<>();
    CodeListsViewModel vm;
    SqliteReferenceService service;

    @BeforeEach
    void setUp() {
        byte[] key = Crypto.randomBytes(32);
        store.open(Database.open(dir.resolve("r.db"), key), new BlobFiles(dir.resolve("blobs"), key));
        store.db().inTransaction(tx -> {
            Records.upsert(
                    tx, new CodeDto(ListNames.DOMAIN, "energie", "Énergie", null, 10, true), 4L, clock.instant(), null);
            Records.upsert(tx, new CodeDto(ListNames.DOMAIN, "eau", "Eau", null, 20, true), 4L, clock.instant(), null);
            Records.upsert(
                    tx, new CodeDto(ListNames.DOMAIN, "minitel", "Minitel", null, 5, false), 4L, clock.instant(), null);
            Records.upsert(
                    tx,
                    new CodeDto(ListNames.ACTION_TYPE, "fsl_request", "Demande FSL", null, 10, true),
                    4L,
                    clock.instant(),
                    null);
            Records.upsert(
                    tx,
                    new CodeDto(ListNames.MANDATE_DURATION, "six_mois", "6 mois", null, 30, true, "P6M"),
                    4L,
                    clock.instant(),
                    null);
        });
        service = new SqliteReferenceService(
                store,
                java.util.Optional::empty,
                clock,
                outbox,
                () -> new AccountInfo("u1", "accueil", "Nadia Accueil", role.get(), "s1", "http://server", "d1"));
        vm = new CodeListsViewModel(service, TEXTS, Runnable::run, Runnable::run);
        vm.setOnMessage(messages::add);
    }

    @AfterEach
    void tearDown() {
        store.close();
    }

    ListChoice list(String name) {
        return vm.lists().stream()
                .filter(l -> l.name().equals(name))
                .findFirst()
                .orElseThrow();
    }

    List<OperationDto> outbox() {
        return store.db()
                .read(tx -> tx.query(
                        "SELECT payload FROM outbox ORDER BY seq",
                        r -> MedianceJson.gson().fromJson(r.string("payload"), OperationDto.class)));
    }

    @Test
    void everyListHasAFrenchNameAndTheyAreInAlphabeticalOrder() throws IllegalAccessException {
        List<String> names = new ArrayList<>();
        for (Field f : ListNames.class.getFields()) {
            if (Modifier.isStatic(f.getModifiers())
                    && f.getType() == String.class
                    && !ListNames.PARTNER.equals(f.get(null))) {
                names.add((String) f.get(null)); // partners are edited in the partner directory
            }
        }
        assertThat(vm.lists()).extracting(ListChoice::name).containsExactlyInAnyOrderElementsOf(names);
        assertThat(list(ListNames.MANDATE_DURATION).label()).isEqualTo("Durées de mandat");
        assertThat(list(ListNames.ECO_GESTURE).label()).isEqualTo("Écogestes");
        List<String> labels = vm.lists().stream().map(ListChoice::label).toList();
        int ecogestes = labels.indexOf("Écogestes");
        assertThat(labels.get(ecogestes - 1).compareToIgnoreCase("Domaines")).isGreaterThanOrEqualTo(0);
        assertThat(labels.get(ecogestes + 1)).startsWith("É").as("accented names sort with their letter");
    }

    @Test
    void aListShowsEveryEntryActiveOrNotByOrder() {
        assertThat(vm.emptyTextProperty().get()).isEmpty();
        vm.select(list(ListNames.DOMAIN));
        assertThat(vm.rows()).extracting(Row::code).containsExactly("minitel", "energie", "eau");
        assertThat(vm.rows().get(0).activeText()).isEqualTo("Non");
        assertThat(vm.rows().get(1).label()).isEqualTo("Énergie");
        vm.select(list(ListNames.CONSENT_SCOPE));
        assertThat(vm.rows()).isEmpty();
        assertThat(vm.emptyTextProperty().get()).isEqualTo("Cette liste est vide : ajoutez sa première entrée.");
    }

    @Test
    void aNewEntryIsSavedLocallyAndQueuedForTheServerAfterTheLastOne() {
        vm.select(list(ListNames.DOMAIN));
        vm.add();
        assertThat(vm.creatingProperty().get()).isTrue();
        assertThat(vm.sortOrderProperty().get()).isEqualTo("30");
        vm.codeProperty().set("mobilite");
        vm.labelProperty().set("  Mobilité  ");

        assertThat(vm.save().join()).isTrue();

        assertThat(vm.editingProperty().get()).isFalse();
        assertThat(vm.rows()).extracting(Row::code).containsExactly("minitel", "energie", "eau", "mobilite");
        assertThat(messages)
                .containsExactly("« Mobilité » est enregistrée ; elle part au serveur à la prochaine synchronisation.");
        List<OperationDto> ops = outbox();
        assertThat(ops).hasSize(1);
        assertThat(ops.get(0).entityId()).isEqualTo("domain:mobilite");
        assertThat(ops.get(0).baseVersion()).isNull();
        assertThat(ops.get(0).data())
                .isEqualTo(new CodeDto(ListNames.DOMAIN, "mobilite", "Mobilité", null, 30, true, null));
    }

    @Test
    void aBadCodeIsRefusedBesideTheFieldAndNothingTypedIsLost() {
        vm.select(list(ListNames.DOMAIN));
        vm.add();
        vm.codeProperty().set("Énergie verte");
        vm.labelProperty().set("Énergie verte");
        vm.valueProperty().set("x".repeat(65));

        assertThat(vm.save().join()).isFalse();

        assertThat(vm.errors().get("code")).startsWith("Le code s'écrit en minuscules, chiffres, « _ » ou « - »");
        assertThat(vm.errors().get("value")).isNotBlank();
        assertThat(vm.codeProperty().get()).isEqualTo("Énergie verte");
        assertThat(vm.labelProperty().get()).isEqualTo("Énergie verte");
        assertThat(vm.editingProperty().get()).isTrue();
        assertThat(outbox()).isEmpty();

        vm.codeProperty().set("eau"); // taken in this list
        assertThat(vm.save().join()).isFalse();
        assertThat(vm.errors()).containsEntry("code", "Ce code existe déjà dans cette liste : choisissez-en un autre.");

        vm.codeProperty().set("energie_verte");
        vm.labelProperty().set(" ");
        vm.valueProperty().set("");
        assertThat(vm.save().join()).isFalse();
        assertThat(vm.errors()).containsOnlyKeys("label");
        assertThat(outbox()).isEmpty();
    }

    @Test
    void anOrderWithLettersIsRefusedBeforeAnythingIsSaved() {
        vm.select(list(ListNames.DOMAIN));
        vm.add();
        vm.codeProperty().set("budget");
        vm.labelProperty().set("Budget");
        vm.sortOrderProperty().set("1O");
        assertThat(vm.save().join()).isFalse();
        assertThat(vm.errors()).containsEntry("sortOrder", "L'ordre est un nombre entier (par exemple 10).");
        assertThat(vm.sortOrderProperty().get()).isEqualTo("1O");
        assertThat(outbox()).isEmpty();
    }

    @Test
    void aMandateDurationIsAnIsoPeriodAndARuleDelayANumberOfDays() {
        vm.select(list(ListNames.MANDATE_DURATION));
        vm.edit(vm.rows().get(0));
        assertThat(vm.valueHintProperty().get()).startsWith("Durée au format ISO");
        vm.valueProperty().set("6 mois");
        assertThat(vm.save().join()).isFalse();
        assertThat(vm.errors())
                .containsEntry(
                        "value",
                        "Indiquez une durée au format ISO : P1D (1 jour), P1M (1 mois), P6M (6 mois), P1Y (1 an).");
        vm.valueProperty().set("P0D");
        assertThat(vm.save().join()).isFalse();
        vm.valueProperty().set("P1Y");
        assertThat(vm.save().join()).isTrue();

        vm.select(list(ListNames.TASK_RULE));
        vm.add();
        assertThat(vm.valueHintProperty().get()).isEqualTo("Délai en jours (de 1 à 3650).");
        vm.codeProperty().set("fsl_check");
        vm.labelProperty().set("Vérifier la décision FSL");
        vm.parentProperty().set("fsl_request");
        vm.valueProperty().set("soixante");
        assertThat(vm.save().join()).isFalse();
        assertThat(vm.errors()).containsEntry("value", "Indiquez un nombre de jours entre 1 et 3650.");
        vm.valueProperty().set("60");
        assertThat(vm.save().join()).isTrue();

        assertThat(outbox()).extracting(op -> ((CodeDto) op.data()).value()).containsExactly("P1Y", "60");
    }

    @Test
    void editingKeepsTheCodeAndSendsTheChangeOnTheServersVersion() {
        vm.select(list(ListNames.DOMAIN));
        vm.edit(vm.rows().get(0)); // minitel, inactive
        assertThat(vm.creatingProperty().get()).isFalse();
        assertThat(vm.formTitleProperty().get()).isEqualTo("Modifier « Minitel »");
        vm.labelProperty().set("Minitel (ancien)");
        vm.activeProperty().set(true);
        vm.sortOrderProperty().set("90");
        assertThat(vm.save().join()).isTrue();

        assertThat(vm.rows()).extracting(Row::code).containsExactly("energie", "eau", "minitel");
        OperationDto op = outbox().get(0);
        assertThat(op.baseVersion()).isEqualTo(4L);
        assertThat(op.data())
                .isEqualTo(new CodeDto(ListNames.DOMAIN, "minitel", "Minitel (ancien)", null, 90, true, null));

        vm.edit(vm.rows().get(0)); // saved without a change: nothing more to send
        assertThat(vm.save().join()).isTrue();
        assertThat(outbox()).hasSize(1);
    }

    @Test
    void aCounsellorCannotChangeAList() {
        role.set(Role.COUNSELLOR);
        vm.select(list(ListNames.DOMAIN));
        vm.edit(vm.rows().get(1));
        vm.labelProperty().set("Électricité et gaz");
        assertThat(vm.save().join()).isFalse();
        assertThat(vm.formErrorProperty().get())
                .isEqualTo(
                        "Seuls le secrétariat, la coordination et l'administration modifient les listes de référence.");
        assertThat(vm.labelProperty().get()).isEqualTo("Électricité et gaz");
        assertThat(outbox()).isEmpty();
    }

    @Test
    void entriesTheOfficeWouldRefuseAreRefusedOfflineBesideTheField() {
        assertThat(service.saveEntry(new CodeDto(ListNames.MOTIF, "energie_impaye", "Impayé", null, 1, true), true)
                        .fieldErrors())
                .containsExactly(java.util.Map.entry(
                        "parent", "Choisissez le domaine de ce motif (le code d'un domaine existant)."));
        assertThat(service.saveEntry(new CodeDto(ListNames.MOTIF, "eau_fuite", "Fuite", "gaz", 1, true), true)
                        .fieldErrors())
                .containsOnlyKeys("parent");
        assertThat(service.saveEntry(new CodeDto(ListNames.TASK_RULE, "relance", "Relancer", null, 1, true, "15"), true)
                        .fieldErrors())
                .containsOnlyKeys("parent");
        assertThat(service.saveEntry(
                                new CodeDto(
                                        ListNames.SETTING, "retention_default", "Conservation", null, 1, true, null),
                                true)
                        .fieldErrors())
                .containsOnlyKeys("value");
        assertThat(outbox()).isEmpty();

        assertThat(service.saveEntry(new CodeDto(ListNames.MOTIF, "eau_fuite", "Fuite", "eau", 1, true), true)
                        .isOk())
                .isTrue();
    }
}
