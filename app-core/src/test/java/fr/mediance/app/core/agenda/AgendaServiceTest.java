package fr.mediance.app.core.agenda;

import static org.assertj.core.api.Assertions.assertThat;

import fr.mediance.app.core.CoreContext;
import fr.mediance.app.core.Outcome;
import fr.mediance.app.core.resident.Resident;
import fr.mediance.app.core.resident.ResidentForm;
import fr.mediance.app.core.testing.TestCores;
import fr.mediance.protocol.AppointmentDto;
import fr.mediance.protocol.EntityType;
import fr.mediance.protocol.Role;
import fr.mediance.testing.FakeOfficeServer;
import fr.mediance.testing.MutableClock;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AgendaServiceTest {
    @TempDir
    Path dir;

    final FakeOfficeServer server = new FakeOfficeServer();
    final MutableClock clock = new MutableClock(TestCores.T0);
    CoreContext core;
    Resident resident;

    @BeforeEach
    void setUp() {
        server.addUser("u-co", "coord", TestCores.PASSWORD, Role.COORDINATOR);
        server.addUser("u-c1", "conseil1", TestCores.PASSWORD, Role.COUNSELLOR);
        core = TestCores.signedIn(dir, clock, server, "coord");
        core.sync().syncNow().join();
        resident = core.residents()
                .create(new ResidentForm(
                        "Mme",
                        "Benali",
                        "Fatima",
                        null,
                        null,
                        "12 rue des Lilas",
                        "13015",
                        "Marseille",
                        null,
                        null,
                        "u-c1"))
                .value();
    }

    @AfterEach
    void tearDown() {
        core.close();
        server.close();
    }

    AppointmentForm form(LocalDate day, LocalTime time) {
        return new AppointmentForm(resident.id(), "u-c1", null, day, time, Duration.ofMinutes(90), null, "FSL");
    }

    @Test
    void planningAHomeVisitUsesParisTimeAndTheResidentsAddress() {
        AgendaItem a = core.agenda()
                .plan(form(LocalDate.of(2026, 7, 1), LocalTime.of(9, 30)))
                .value();
        assertThat(a.start()).isEqualTo(Instant.parse("2026-07-01T07:30:00Z")); // summer time
        assertThat(a.end()).isEqualTo(Instant.parse("2026-07-01T09:00:00Z"));
        assertThat(a.type()).isEqualTo("home_visit");
        assertThat(a.status()).isEqualTo("confirmed");
        assertThat(a.address()).isEqualTo("12 rue des Lilas, 13015 Marseille");
        assertThat(a.counsellorName()).isEqualTo("conseil1 (counsellor)");
        assertThat(a.pendingSync()).isTrue();

        core.sync().syncNow().join();
        assertThat(server.entity(EntityType.APPOINTMENT, a.appointmentId()))
                .isInstanceOfSatisfying(
                        AppointmentDto.class, d -> assertThat(d.residentId()).isEqualTo(resident.id()));
        assertThat(core.agenda().find(a.appointmentId()).orElseThrow().pendingSync())
                .isFalse();
    }

    @Test
    void anIncompleteFormIsRefusedPerField() {
        Outcome<AgendaItem> r = core.agenda()
                .plan(new AppointmentForm(null, " ", "pigeon", null, null, Duration.ofMinutes(1), null, null));
        assertThat(r.fieldErrors()).containsOnlyKeys("residentId", "counsellorId", "date", "startTime", "duration");
        assertThat(core.agenda().planned(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31)))
                .isEmpty();
    }

    @Test
    void daysAndWeeksAreParisDays() {
        core.agenda().plan(form(LocalDate.of(2026, 11, 30), LocalTime.of(0, 30))); // Monday 00:30 Paris = Sunday UTC
        core.agenda().plan(form(LocalDate.of(2026, 12, 6), LocalTime.of(23, 30))); // Sunday night
        core.agenda().plan(form(LocalDate.of(2026, 12, 7), LocalTime.of(8, 0))); // next Monday
        assertThat(core.agenda().planned(LocalDate.of(2026, 11, 30), LocalDate.of(2026, 11, 30)))
                .hasSize(1);
        assertThat(core.agenda().planned(LocalDate.of(2026, 11, 29), LocalDate.of(2026, 11, 29)))
                .isEmpty();
        assertThat(core.agenda().planned(LocalDate.of(2026, 11, 30), LocalDate.of(2026, 12, 6)))
                .hasSize(2);
    }

    @Test
    void theCounsellorSeesOnlyTheirOwnAppointments() {
        core.agenda().plan(form(LocalDate.of(2026, 11, 27), LocalTime.of(10, 0)));
        core.sync().syncNow().join();
        try (CoreContext tablet = TestCores.signedIn(dir.resolve("tablet"), clock, server, "conseil1")) {
            tablet.sync().syncNow().join();
            assertThat(tablet.agenda().myDay(LocalDate.of(2026, 11, 27)))
                    .singleElement()
                    .satisfies(a -> assertThat(a.residentName()).isEqualTo("Fatima Benali"));
        }
        assertThat(core.agenda().myDay(LocalDate.of(2026, 11, 27))).isEmpty(); // the coordinator has none
    }

    @Test
    void aStatusChangeIsSavedAndQueued() {
        AgendaItem a = core.agenda()
                .plan(form(LocalDate.of(2026, 11, 27), LocalTime.of(10, 0)))
                .value();
        core.sync().syncNow().join();
        AgendaItem absent = core.agenda()
                .setStatus(a.appointmentId(), AppointmentStatus.NO_SHOW, "Absente")
                .value();
        assertThat(absent.status()).isEqualTo("no_show");
        assertThat(absent.statusReason()).isEqualTo("Absente");
        assertThat(absent.pendingSync()).isTrue();
        assertThat(core.agenda().setStatus(a.appointmentId(), "lunch", null).fieldErrors())
                .containsKey("status");
        assertThat(core.agenda().setStatus("nope", "done", null).message())
                .isEqualTo("Ce rendez-vous n'existe pas sur cet appareil.");
    }

    @Test
    void aTenMinuteAppointmentIsRefusedOfflineAsTheOfficeWould() {
        Outcome<AgendaItem> r = core.agenda()
                .plan(new AppointmentForm(
                        resident.id(),
                        "u-c1",
                        null,
                        LocalDate.of(2026, 12, 1),
                        LocalTime.of(9, 0),
                        Duration.ofMinutes(10),
                        null,
                        null));
        assertThat(r.fieldErrors())
                .containsExactly(
                        java.util.Map.entry("duration", "La durée doit être comprise entre 15 et 480 minutes."));
        assertThat(core.agenda()
                        .plan(new AppointmentForm(
                                resident.id(),
                                "u-c1",
                                null,
                                LocalDate.of(2026, 12, 1),
                                LocalTime.of(9, 0),
                                Duration.ofMinutes(15),
                                null,
                                null))
                        .isOk())
                .isTrue();
    }

    @Test
    void anAppointmentInAnImplausibleYearIsRefusedOffline() {
        Outcome<AgendaItem> r = core.agenda().plan(form(LocalDate.of(2206, 12, 1), LocalTime.of(9, 0)));
        assertThat(r.fieldErrors())
                .containsExactly(java.util.Map.entry(
                        "date", "Date peu plausible : l'année doit être comprise entre 2000 et 2100."));
        assertThat(core.sync().pendingItems()).hasSize(1); // only the resident created in setUp
    }
}
