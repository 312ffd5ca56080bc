package fr.mediance.server;

import static org.assertj.core.api.Assertions.assertThat;

import fr.mediance.protocol.ApiPaths;
import fr.mediance.protocol.AppointmentDto;
import fr.mediance.protocol.Casework;
import fr.mediance.protocol.ChangesResponse;
import fr.mediance.protocol.ConsentDto;
import fr.mediance.protocol.CounsellorScheduleDto;
import fr.mediance.protocol.CounsellorSchedulesResponse;
import fr.mediance.protocol.EntityType;
import fr.mediance.protocol.HomeVisits;
import fr.mediance.protocol.MandateDto;
import fr.mediance.protocol.PlanningSettingsDto;
import fr.mediance.protocol.PrivateNoteDto;
import fr.mediance.protocol.RequestDto;
import fr.mediance.protocol.ResidentDto;
import fr.mediance.protocol.TaskDto;
import fr.mediance.protocol.UsersResponse;
import fr.mediance.protocol.VisitReportDto;
import fr.mediance.protocol.WeekProposalDto;
import fr.mediance.protocol.WeekProposalRequest;
import fr.mediance.server.code.CodeLists;
import fr.mediance.server.demo.DemoSeeder;
import fr.mediance.testing.MutableClock;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoSeedingTest {
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    @TempDir
    Path dir;

    private TestServer start(ServerConfig config) {
        return new TestServer(TestDatabase.sqlite(dir), dir, new MutableClock(TestServer.START), config);
    }

    private static void stop(TestServer s) {
        s.close();
        s.db.close();
    }

    @Test
    void theDemoIsCreatedOnceAcrossRestarts() {
        TestServer first = start(new ServerConfig(0, true, null, null));
        assertThat(first.app.generatedDemoPassword()).get().asString().hasSizeGreaterThanOrEqualTo(20);
        String[] counts = {
            first.sql("SELECT COUNT(*) FROM users"),
            first.sql("SELECT COUNT(*) FROM residents"),
            first.sql("SELECT COUNT(*) FROM appointments"),
            first.sql("SELECT COUNT(*) FROM change_log"),
            first.sql("SELECT COUNT(*) FROM structures")
        };
        String password = first.app.generatedDemoPassword().orElseThrow();
        stop(first);

        TestServer second = start(new ServerConfig(0, true, null, null));
        try {
            assertThat(second.app.generatedDemoPassword()).isEmpty();
            assertThat(new String[] {
                        second.sql("SELECT COUNT(*) FROM users"),
                        second.sql("SELECT COUNT(*) FROM residents"),
                        second.sql("SELECT COUNT(*) FROM appointments"),
                        second.sql("SELECT COUNT(*) FROM change_log"),
                        second.sql("SELECT COUNT(*) FROM structures")
                    })
                    .containsExactly(counts)
                    .containsExactly(
                            "5", // coord, conseil1, conseil2, bureau and the demo's admin
                            "8",
                            "11",
                            String.valueOf(CodeLists.seed().size()
                                    + fr.mediance.server.partner.PartnerDirectory.national()
                                            .size()
                                    + fr.mediance.server.partner.PartnerDirectory.bouchesDuRhone()
                                            .size()
                                    + 37
                                    + fr.mediance.server.demo.DemoSeeder.WAITING_REQUESTS),
                            "1");
            assertThat(second.login("coord", password, "t").status()).isEqualTo(200);
        } finally {
            stop(second);
        }
    }

    @Test
    void aBiggerTeamGivesEachCounsellorTheirOwnResidentsAndWeek() {
        TestServer s = start(new ServerConfig(0, true, TestServer.PASSWORD, null, 5));
        try {
            assertThat(s.sql("SELECT COUNT(*) FROM users WHERE role = 'counsellor'"))
                    .isEqualTo("5");
            assertThat(s.sql("SELECT COUNT(*) FROM residents")).isEqualTo(String.valueOf(8 + 3 * 8));
            ChangesResponse feed = s.get(ApiPaths.SYNC_CHANGES + "?limit=1000", s.token("conseil5"))
                    .as(ChangesResponse.class);
            var residents = feed.changes().stream()
                    .filter(c -> c.entity() == EntityType.RESIDENT)
                    .map(c -> (ResidentDto) c.data())
                    .toList();
            assertThat(residents)
                    .hasSize(8)
                    .allSatisfy(r -> assertThat(r.referentId()).isEqualTo("demo-conseil5"));
            LocalDate today = LocalDate.ofInstant(TestServer.START, PARIS);
            var appointments = feed.changes().stream()
                    .filter(c -> c.entity() == EntityType.APPOINTMENT)
                    .map(c -> (AppointmentDto) c.data())
                    .toList();
            assertThat(appointments).allSatisfy(a -> {
                assertThat(a.counsellorId()).isEqualTo("demo-conseil5");
                assertThat(a.start().atZone(PARIS).toLocalTime()).isAfterOrEqualTo(LocalTime.of(9, 0));
                assertThat(a.end().atZone(PARIS).toLocalTime()).isBeforeOrEqualTo(LocalTime.of(17, 30));
            });
            assertThat(appointments)
                    .filteredOn(a -> LocalDate.ofInstant(a.start(), PARIS).equals(today))
                    .hasSize(6);
            assertThat(appointments).hasSize(6 + 3 * 2);
            // conseil1 keeps the default demo's week, and sees nothing of the new colleagues' residents
            ChangesResponse first = s.get(ApiPaths.SYNC_CHANGES + "?limit=1000", s.token("conseil1"))
                    .as(ChangesResponse.class);
            assertThat(first.changes())
                    .filteredOn(c -> c.entity() == EntityType.APPOINTMENT)
                    .extracting(c -> ((AppointmentDto) c.data()).counsellorId())
                    .contains("demo-conseil1")
                    .doesNotContain("demo-conseil3", "demo-conseil4", "demo-conseil5");
            assertThat(first.changes())
                    .filteredOn(c -> c.entity() == EntityType.RESIDENT)
                    .extracting(c -> ((ResidentDto) c.data()).referentId())
                    .doesNotContain("demo-conseil3", "demo-conseil4", "demo-conseil5");
            assertThat(s.login("conseil3", TestServer.PASSWORD, "t3").status()).isEqualTo(200);
            UsersResponse users = s.get(ApiPaths.USERS, s.token("coord")).as(UsersResponse.class);
            assertThat(users.users()).extracting(u -> u.username()).contains("conseil3", "conseil4", "conseil5");
        } finally {
            stop(s);
        }
    }

    @Test
    void demoAppointmentsAreThisWeekInOfficeHours() {
        TestServer s = start(new ServerConfig(0, true, TestServer.PASSWORD, null));
        try {
            ChangesResponse feed = s.get(ApiPaths.SYNC_CHANGES + "?limit=1000", s.token("coord"))
                    .as(ChangesResponse.class);
            LocalDate today = LocalDate.ofInstant(TestServer.START, PARIS);
            var appointments = feed.changes().stream()
                    .filter(c -> c.entity() == EntityType.APPOINTMENT)
                    .map(c -> (AppointmentDto) c.data())
                    .toList();
            assertThat(appointments).hasSize(11);
            assertThat(appointments)
                    .filteredOn(a -> LocalDate.ofInstant(a.start(), PARIS).equals(today))
                    .hasSize(4);
            assertThat(appointments).allSatisfy(a -> {
                LocalTime start = a.start().atZone(PARIS).toLocalTime();
                LocalTime end = a.end().atZone(PARIS).toLocalTime();
                assertThat(start).isAfterOrEqualTo(LocalTime.of(9, 0));
                assertThat(end).isBeforeOrEqualTo(LocalTime.of(17, 0));
                assertThat(LocalDate.ofInstant(a.start(), PARIS)).isBetween(today.minusDays(4), today.plusDays(7));
            });
            assertThat(appointments)
                    .filteredOn(a -> a.start().isBefore(TestServer.START))
                    .extracting(AppointmentDto::status)
                    .containsOnly("done", "no_show");
            assertThat(appointments)
                    .extracting(AppointmentDto::status)
                    .contains("confirmed", "proposed", "done", "no_show");
            assertThat(appointments).extracting(AppointmentDto::type).contains("desk", "phone");
            assertThat(appointments)
                    .filteredOn(a -> a.type().equals("home_visit"))
                    .hasSizeGreaterThan(6);
            assertThat(appointments)
                    .flatExtracting(AppointmentDto::checklist)
                    .contains("Récupérer l'avis d'imposition 2025");
        } finally {
            stop(s);
        }
    }

    @Test
    void theRoundsHaveAnOfficeOnTheMapTheTeamsHoursAndRequestsWaitingForAVisit() {
        TestServer s = start(new ServerConfig(0, true, TestServer.PASSWORD, null));
        try {
            String coord = s.token("coord");
            PlanningSettingsDto settings =
                    s.get(ApiPaths.PLANNING_SETTINGS, coord).as(PlanningSettingsDto.class);
            assertThat(settings.office()).isEqualTo(DemoSeeder.OFFICE);
            assertThat(settings.officeAddress()).contains("13002 Marseille");

            LocalDate nextMonday = LocalDate.of(2026, 11, 30);
            List<CounsellorScheduleDto> team = s.get(ApiPaths.PLANNING_SCHEDULES, coord)
                    .as(CounsellorSchedulesResponse.class)
                    .schedules();
            assertThat(team).hasSize(2).noneMatch(CounsellorScheduleDto::standard);
            assertThat(team).anyMatch(c -> c.days().size() < 5); // part time
            assertThat(team)
                    .anyMatch(c -> c.daysOff().stream()
                            .anyMatch(d -> !d.isBefore(nextMonday) && d.isBefore(nextMonday.plusDays(5))));

            ChangesResponse feed =
                    s.get(ApiPaths.SYNC_CHANGES + "?limit=1000", coord).as(ChangesResponse.class);
            List<RequestDto> requests = feed.changes().stream()
                    .filter(c -> c.entity() == EntityType.REQUEST)
                    .map(c -> (RequestDto) c.data())
                    .toList();
            List<ResidentDto> residents = feed.changes().stream()
                    .filter(c -> c.entity() == EntityType.RESIDENT)
                    .map(c -> (ResidentDto) c.data())
                    .toList();
            assertThat(requests).hasSize(DemoSeeder.WAITING_REQUESTS).allSatisfy(r -> {
                assertThat(r.status()).isEqualTo(Casework.REQUEST_NEW);
                assertThat(r.homeVisit()).isNotNull();
                assertThat(Casework.check(r, LocalDate.ofInstant(TestServer.START, PARIS)))
                        .isEmpty();
                assertThat(residents)
                        .filteredOn(p -> p.id().equals(r.residentId()))
                        .singleElement()
                        .satisfies(p -> assertThat(p.location()).isNotNull());
            });
            assertThat(requests).extracting(r -> r.homeVisit().kind()).containsAll(HomeVisits.KINDS);
            assertThat(requests).anyMatch(r -> r.urgencies().contains(Casework.URGENCY_POWER_CUT));
            assertThat(requests).anyMatch(r -> r.courtDate() != null);
            assertThat(requests).anyMatch(r -> !r.homeVisit().availability().isEmpty());

            WeekProposalDto week = s.post(
                            ApiPaths.PLANNING_PROPOSALS, coord, new WeekProposalRequest(nextMonday, List.of(), 2))
                    .as(WeekProposalDto.class);
            assertThat(week.plannedVisits()).isGreaterThanOrEqualTo(DemoSeeder.WAITING_REQUESTS - 2);
        } finally {
            stop(s);
        }
    }

    @Test
    void conseil1sWeekHasFilesConsentsAMandateAndFollowUps() {
        TestServer s = start(new ServerConfig(0, true, TestServer.PASSWORD, null));
        try {
            ChangesResponse feed = s.get(ApiPaths.SYNC_CHANGES + "?limit=1000", s.token("conseil1"))
                    .as(ChangesResponse.class);
            LocalDate today = LocalDate.ofInstant(TestServer.START, PARIS);
            List<TaskDto> tasks = data(feed, EntityType.TASK, TaskDto.class);
            assertThat(tasks)
                    .filteredOn(t -> t.status().equals(TaskDto.TODO))
                    .extracting(TaskDto::dueDate)
                    .containsExactlyInAnyOrder(today, today.minusDays(5), today.plusDays(10));
            assertThat(tasks)
                    .filteredOn(t -> t.status().equals(TaskDto.DONE))
                    .singleElement()
                    .satisfies(t -> assertThat(t.closedAt()).isNotNull());
            assertThat(tasks).extracting(TaskDto::ruleCode).contains("fsl_decision");

            MandateDto mandate =
                    data(feed, EntityType.MANDATE, MandateDto.class).get(0);
            assertThat(mandate.covers("energie", today, PARIS)).isTrue();
            assertThat(mandate.covers("eau", today, PARIS)).isTrue();
            assertThat(mandate.covers("logement", today, PARIS)).isFalse();
            assertThat(data(feed, EntityType.CONSENT, ConsentDto.class))
                    .filteredOn(c -> c.scope().equals("information_notice"))
                    .hasSize(5);

            List<ResidentDto> residents = data(feed, EntityType.RESIDENT, ResidentDto.class);
            assertThat(residents)
                    .filteredOn(ResidentDto::underProtection)
                    .singleElement()
                    .satisfies(r -> assertThat(r.legalRepresentative()).contains("UDAF"));
            assertThat(residents).filteredOn(r -> !r.household().isEmpty()).hasSizeGreaterThanOrEqualTo(4);
            assertThat(residents).filteredOn(r -> r.synthesis() != null).hasSizeGreaterThanOrEqualTo(4);
            assertThat(data(feed, EntityType.VISIT_REPORT, VisitReportDto.class))
                    .flatExtracting(VisitReportDto::actions)
                    .anySatisfy(a -> {
                        assertThat(a.onBehalf()).isTrue();
                        assertThat(a.mandateId()).isEqualTo(mandate.id());
                    });
            assertThat(data(feed, EntityType.PRIVATE_NOTE, PrivateNoteDto.class))
                    .hasSize(1);

            ChangesResponse coordFeed = s.get(ApiPaths.SYNC_CHANGES + "?limit=1000", s.token("coord"))
                    .as(ChangesResponse.class);
            assertThat(data(coordFeed, EntityType.PRIVATE_NOTE, PrivateNoteDto.class))
                    .isEmpty();
        } finally {
            stop(s);
        }
    }

    private static <T> List<T> data(ChangesResponse feed, EntityType type, Class<T> kind) {
        return feed.changes().stream()
                .filter(c -> c.entity() == type)
                .map(c -> kind.cast(c.data()))
                .toList();
    }

    @Test
    void withoutDemoThereAreCodesButNoAccounts() {
        TestServer s = start(new ServerConfig(0, false, null, null));
        try {
            assertThat(s.count("SELECT COUNT(*) FROM users")).isZero();
            assertThat(s.count("SELECT COUNT(*) FROM codes WHERE list_name = 'domain'"))
                    .isEqualTo(14);
            assertThat(s.sql("SELECT data FROM codes WHERE id = 'domain:energie'"))
                    .contains("Énergie");
            assertThat(s.count("SELECT COUNT(*) FROM codes WHERE list_name = 'medium'"))
                    .isEqualTo(9);
            assertThat(s.count("SELECT COUNT(*) FROM codes WHERE list_name = 'appointment_status'"))
                    .isEqualTo(6);
            assertThat(s.count("SELECT COUNT(*) FROM codes WHERE list_name = 'mobility_reason'"))
                    .isEqualTo(6);
            assertThat(s.count("SELECT COUNT(*) FROM codes"))
                    .isEqualTo(CodeLists.seed().size());
            assertThat(s.login("coord", TestServer.PASSWORD, "t").status()).isEqualTo(401);
        } finally {
            stop(s);
        }
    }

    @Test
    void anAdminIsCreatedFromItsPassword() {
        TestServer s = start(new ServerConfig(0, false, null, "Admin-Mot-De-Passe-42"));
        try {
            TestServer.Response first = s.login("admin", "Admin-Mot-De-Passe-42", "poste");
            assertThat(first.problem().code()).isEqualTo(fr.mediance.protocol.Accounts.TOTP_ENROLMENT_REQUIRED);
            fr.mediance.protocol.TotpEnrolmentDto enrolment = s.post(
                            ApiPaths.TOTP_ENROL,
                            null,
                            new fr.mediance.protocol.LoginRequest("admin", "Admin-Mot-De-Passe-42", "poste"))
                    .as(fr.mediance.protocol.TotpEnrolmentDto.class);
            String token = s.post(
                            ApiPaths.LOGIN,
                            null,
                            new fr.mediance.protocol.LoginRequest(
                                    "admin",
                                    "Admin-Mot-De-Passe-42",
                                    "poste",
                                    fr.mediance.protocol.Totp.code(enrolment.secret(), s.clock.instant()),
                                    null,
                                    null))
                    .as(fr.mediance.protocol.LoginResponse.class)
                    .accessToken();
            UsersResponse users = s.get(ApiPaths.USERS, token).as(UsersResponse.class);
            assertThat(users.users())
                    .singleElement()
                    .satisfies(u -> assertThat(u.role().code()).isEqualTo("admin"));
        } finally {
            stop(s);
        }
    }
}
