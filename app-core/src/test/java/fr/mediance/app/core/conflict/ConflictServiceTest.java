package fr.mediance.app.core.conflict;

import static org.assertj.core.api.Assertions.assertThat;

import fr.mediance.app.core.CoreContext;
import fr.mediance.app.core.Outcome;
import fr.mediance.app.core.resident.Resident;
import fr.mediance.app.core.resident.ResidentForm;
import fr.mediance.app.core.sync.Delivery;
import fr.mediance.app.core.testing.TestCores;
import fr.mediance.app.core.testing.Visits;
import fr.mediance.protocol.ConflictDto;
import fr.mediance.protocol.EntityType;
import fr.mediance.protocol.OpStatus;
import fr.mediance.protocol.OperationDto;
import fr.mediance.protocol.ResidentDto;
import fr.mediance.testing.FakeOfficeServer;
import fr.mediance.testing.MutableClock;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two people change the same field offline: both values are kept, the office resolves, everyone gets it. */
class ConflictServiceTest {
    @TempDir
    Path dir;

    final FakeOfficeServer server = new FakeOfficeServer();
    final MutableClock clock = new MutableClock(Visits.NINE_PARIS);
    CoreContext counsellor;
    CoreContext coordinator;
    CoreContext office;

    @BeforeEach
    void setUp() {
        Visits.seed(server, 0);
        counsellor = TestCores.signedIn(dir.resolve("c1"), clock, server, "conseil1");
        coordinator = TestCores.signedIn(dir.resolve("co"), clock, server, "coord");
        office = TestCores.signedIn(dir.resolve("b"), clock, server, "bureau");
        for (CoreContext c : new CoreContext[] {counsellor, coordinator, office}) {
            assertThat(c.sync().syncNow().join().ok()).isTrue();
        }
    }

    @AfterEach
    void tearDown() {
        counsellor.close();
        coordinator.close();
        office.close();
        server.close();
    }

    static void changePhone(CoreContext core, String phone) {
        Resident r = core.residents().find("res-1").orElseThrow();
        ResidentForm f = ResidentForm.of(r);
        assertThat(core.residents()
                        .update(
                                r,
                                new ResidentForm(
                                        f.civility(),
                                        f.lastName(),
                                        f.firstName(),
                                        f.birthDate(),
                                        phone,
                                        f.street(),
                                        f.postcode(),
                                        f.city(),
                                        f.accessNotes(),
                                        f.mobilityReason(),
                                        f.referentId()))
                        .isOk())
                .isTrue();
    }

    static String phone(CoreContext core) {
        return core.residents().find("res-1").orElseThrow().phone();
    }

    /** Both change the phone offline; the counsellor syncs first, the coordinator second. */
    void concurrentPhoneChanges() {
        changePhone(counsellor, "06 11 11 11 11");
        changePhone(coordinator, "07 22 22 22 22");
        assertThat(counsellor.sync().syncNow().join().ok()).isTrue();
        assertThat(coordinator.sync().syncNow().join().ok()).isTrue();
    }

    @Test
    void concurrentChangesOfOneFieldMakeOneConflictKeepingBothValues() {
        concurrentPhoneChanges();

        OperationDto second = server.operations.get(server.operations.size() - 1);
        assertThat(server.result(second.opId()).status()).isEqualTo(OpStatus.CONFLICT);
        assertThat(server.conflicts()).singleElement().satisfies(c -> {
            assertThat(c.serverValue()).isEqualTo("06 11 11 11 11");
            assertThat(c.clientValue()).isEqualTo("07 22 22 22 22");
        });
        assertThat(office.sync().syncNow().join().ok()).isTrue();

        assertThat(office.conflicts().openConflicts()).singleElement().satisfies(c -> {
            assertThat(c.entity()).isEqualTo(EntityType.RESIDENT);
            assertThat(c.recordLabel()).isEqualTo("Fatima Benali");
            assertThat(c.field()).isEqualTo("phone");
            assertThat(c.fieldLabel()).isEqualTo("Téléphone");
            assertThat(c.baseValue()).isEqualTo("06 12 34 56 78");
            assertThat(c.serverValue()).isEqualTo("06 11 11 11 11");
            assertThat(c.serverAuthorName()).isEqualTo("conseil1 (counsellor)");
            assertThat(c.clientValue()).isEqualTo("07 22 22 22 22");
            assertThat(c.clientAuthorName()).isEqualTo("coord (coordinator)");
            assertThat(c.resolved()).isFalse();
        });
        assertThat(phone(office)).isEqualTo("07 22 22 22 22"); // the later arrival is in the record
        assertThat(office.conflicts().canResolve()).isTrue();
    }

    @Test
    void aCounsellorSeesButCannotResolve() {
        concurrentPhoneChanges();
        assertThat(counsellor.sync().syncNow().join().ok()).isTrue();
        ConflictItem c = counsellor.conflicts().openConflicts().get(0);

        assertThat(counsellor.conflicts().canResolve()).isFalse();
        Outcome<ConflictItem> r = counsellor.conflicts().resolve(c.id(), c.serverValue());

        assertThat(r.isOk()).isFalse();
        assertThat(r.message())
                .isEqualTo("Seuls le bureau, la coordination et l'administration peuvent trancher un conflit.");
        assertThat(counsellor.sync().pendingItems()).isEmpty();
    }

    @Test
    void theOfficesResolutionTravelsAndReachesBothDevices() {
        concurrentPhoneChanges();
        assertThat(office.sync().syncNow().join().ok()).isTrue();
        ConflictItem c = office.conflicts().openConflicts().get(0);

        Outcome<ConflictItem> r = office.conflicts().resolve(c.id(), "06 11 11 11 11");

        assertThat(r.isOk()).isTrue();
        assertThat(office.conflicts().openConflicts()).isEmpty();
        assertThat(office.sync().pendingItems()).singleElement().satisfies(i -> {
            assertThat(i.entity()).isEqualTo(EntityType.CONFLICT);
            assertThat(i.summary()).isEqualTo("Conflit résolu – Téléphone – Fatima Benali");
        });
        assertThat(office.sync().deliveryOf(EntityType.CONFLICT, c.id()).delivery())
                .isEqualTo(Delivery.QUEUED);
        assertThat(office.conflicts().resolve(c.id(), "x").message()).isEqualTo("Ce conflit a déjà été tranché.");
        assertThat(office.sync().syncNow().join().ok()).isTrue();

        OperationDto op = server.operations.get(server.operations.size() - 1);
        assertThat(op.data()).isInstanceOfSatisfying(ConflictDto.class, d -> {
            assertThat(d.status()).isEqualTo(ConflictDto.RESOLVED);
            assertThat(d.resolvedValue()).isEqualTo("06 11 11 11 11");
            assertThat(d.resolvedBy()).isEqualTo("u-b");
        });
        assertThat(((ResidentDto) server.entity(EntityType.RESIDENT, "res-1")).phone())
                .isEqualTo("06 11 11 11 11");
        assertThat(office.sync().deliveryOf(EntityType.CONFLICT, c.id()).delivery())
                .isEqualTo(Delivery.RECEIVED);
        assertThat(counsellor.sync().syncNow().join().ok()).isTrue();
        assertThat(coordinator.sync().syncNow().join().ok()).isTrue();
        assertThat(phone(counsellor)).isEqualTo("06 11 11 11 11");
        assertThat(phone(coordinator)).isEqualTo("06 11 11 11 11");
        assertThat(phone(office)).isEqualTo("06 11 11 11 11");
        assertThat(coordinator.conflicts().find(c.id()).orElseThrow()).satisfies(x -> {
            assertThat(x.resolved()).isTrue();
            assertThat(x.resolvedValue()).isEqualTo("06 11 11 11 11");
        });
    }

    @Test
    void aBlankOrThirdValueIsRefusedAsOnTheServerAndATooLongOneToo() {
        concurrentPhoneChanges();
        assertThat(office.sync().syncNow().join().ok()).isTrue();
        ConflictItem c = office.conflicts().openConflicts().get(0);

        assertThat(office.conflicts().resolve(c.id(), "x".repeat(20_001)).fieldErrors())
                .containsKey("value");
        assertThat(office.conflicts().resolve("unknown", "x").message())
                .isEqualTo("Ce conflit n'existe pas sur cet appareil.");
        String refusal = "Retenez l'une des deux valeurs en conflit : pour en saisir une autre, modifiez la fiche "
                + "elle-même.";
        assertThat(office.conflicts().resolve(c.id(), "  ").message()).isEqualTo(refusal);
        assertThat(office.conflicts().resolve(c.id(), "08 00 00 00 00").message())
                .isEqualTo(refusal);
        assertThat(office.conflicts().openConflicts()).hasSize(1);
    }
}
