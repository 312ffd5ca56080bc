package fr.mediance.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The shared planning rules of an appointment: overlap, reasons, and who changes which field. */
class AppointmentPlanningTest {
    static final Instant NINE = Instant.parse("2027-03-10T08:00:00Z");
    static final List<String> FIELDS = List.of(
            "residentId",
            "counsellorId",
            "type",
            "start",
            "end",
            "status",
            "address",
            "notes",
            "statusReason",
            "checklist",
            "safetyNotes",
            "locked",
            "requestId");

    static AppointmentDto at(String id, String counsellor, int fromMinutes, int toMinutes, String status) {
        return new AppointmentDto(
                id,
                "s1",
                "r1",
                counsellor,
                "home_visit",
                NINE.plusSeconds(60L * fromMinutes),
                NINE.plusSeconds(60L * toMinutes),
                status,
                null,
                null,
                null);
    }

    static AppointmentDto planned(String plannedBy, boolean locked) {
        AppointmentDto a = at("a", "c1", 0, 60, "confirmed").withPlannedBy(plannedBy);
        return new AppointmentDto(
                a.id(),
                a.structureId(),
                a.residentId(),
                a.counsellorId(),
                a.type(),
                a.start(),
                a.end(),
                a.status(),
                a.address(),
                a.notes(),
                a.statusReason(),
                a.checklist(),
                a.safetyNotes(),
                locked,
                null,
                plannedBy);
    }

    @Test
    void intervalsAreHalfOpenAndOnlyActiveAppointmentsOfOneCounsellorOverlap() {
        AppointmentDto a = at("a", "c1", 0, 60, "confirmed");
        assertThat(AppointmentPlanning.overlap(a, at("b", "c1", 30, 90, "proposed")))
                .isTrue();
        assertThat(AppointmentPlanning.overlap(a, at("b", "c1", 60, 90, "confirmed")))
                .isFalse();
        assertThat(AppointmentPlanning.overlap(a, at("b", "c1", -30, 0, "confirmed")))
                .isFalse();
        assertThat(AppointmentPlanning.overlap(a, at("b", "c1", 10, 20, "done")))
                .isTrue();
        assertThat(AppointmentPlanning.overlap(a, at("b", "c2", 30, 90, "confirmed")))
                .isFalse();
        assertThat(AppointmentPlanning.overlap(a, at("a", "c1", 30, 90, "confirmed")))
                .isFalse();
        for (String inactive : List.of("cancelled_by_resident", "cancelled_by_structure", "no_show")) {
            assertThat(AppointmentPlanning.overlap(a, at("b", "c1", 30, 90, inactive)))
                    .isFalse();
        }
    }

    @Test
    void everyCancellationNeedsAReason() {
        assertThat(AppointmentPlanning.missesReason("cancelled_by_structure", " "))
                .isTrue();
        assertThat(AppointmentPlanning.missesReason("cancelled_by_resident", null))
                .isTrue();
        assertThat(AppointmentPlanning.missesReason("cancelled_by_resident", "Hospitalisée"))
                .isFalse();
        assertThat(AppointmentPlanning.missesReason("confirmed", null)).isFalse();
    }

    /** Each role × field × whose and locked: the fields a counsellor may change. */
    @Test
    void whoChangesWhichField() {
        List<String> seen = new ArrayList<>();
        for (Role role : Role.values()) {
            for (boolean herOwn : List.of(true, false)) {
                for (boolean locked : List.of(false, true)) {
                    AppointmentDto a = planned(herOwn ? "c1" : "k1", locked);
                    for (String f : FIELDS) {
                        boolean may = AppointmentPlanning.refusalOfChange(role, "c1", a, f) == null;
                        boolean expected = switch (role) {
                            case COORDINATOR, ADMIN -> true;
                            case OFFICE -> false;
                            case COUNSELLOR ->
                                List.of("status", "statusReason").contains(f)
                                        || (herOwn && !locked && !f.equals("locked") && !f.equals("counsellorId"));
                        };
                        if (may != expected) {
                            seen.add(role + " " + herOwn + " " + locked + " " + f);
                        }
                    }
                }
            }
        }
        assertThat(seen).isEmpty();
        assertThat(AppointmentPlanning.refusalOfChange(Role.COUNSELLOR, "c2", planned("c1", false), "status"))
                .isEqualTo("Ce rendez-vous n'est pas le vôtre : modification refusée.");
        assertThat(AppointmentPlanning.refusalOfChange(Role.COUNSELLOR, "c1", planned("c1", true), "start"))
                .startsWith("Ce rendez-vous est verrouillé par la coordination");
    }

    @Test
    void aCounsellorPlansForHerselfOnlyAndNeverLocks() {
        assertThat(AppointmentPlanning.refusalOfCreation(Role.COUNSELLOR, "c1", "c1", false))
                .isNull();
        assertThat(AppointmentPlanning.refusalOfCreation(Role.COUNSELLOR, "c1", "c2", false))
                .isNotNull();
        assertThat(AppointmentPlanning.refusalOfCreation(Role.COUNSELLOR, "c1", "c1", true))
                .isNotNull();
        assertThat(AppointmentPlanning.refusalOfCreation(Role.COORDINATOR, "k1", "c2", true))
                .isNull();
        assertThat(AppointmentPlanning.refusalOfCreation(Role.OFFICE, "o1", "c2", false))
                .isNotNull();
    }

    @Test
    void aLockedAppointmentIsNotMovedUntilUnlocked() {
        assertThat(AppointmentPlanning.refusalOfMove(planned("u-k1", true)))
                .isEqualTo(AppointmentPlanning.LOCKED_NOT_MOVED);
        assertThat(AppointmentPlanning.refusalOfMove(planned("u-k1", false))).isNull();
    }

    @Test
    void anAppointmentThatHoldsNoTimeAnyMoreIsNotMoved() {
        List<String> refused = new ArrayList<>();
        for (String status : List.of("proposed", "confirmed", "done", "no_show", "cancelled_by_resident")) {
            if (AppointmentPlanning.refusalOfMove(at("a", "c1", 0, 60, status)) != null) {
                refused.add(status);
            }
        }
        assertThat(refused).containsExactly("done", "no_show", "cancelled_by_resident");
    }
}
