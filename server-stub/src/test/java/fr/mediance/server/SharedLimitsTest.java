package fr.mediance.server;

import static org.assertj.core.api.Assertions.assertThat;

import fr.mediance.protocol.AppointmentDto;
import fr.mediance.protocol.CodeDto;
import fr.mediance.protocol.EnergyCheckDto;
import fr.mediance.protocol.EntityType;
import fr.mediance.protocol.Limits;
import fr.mediance.protocol.OperationResultDto;
import fr.mediance.protocol.Permissions;
import fr.mediance.protocol.Role;
import fr.mediance.protocol.VisitReportDto;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The server refuses what the tablet refuses: the limits of {@link Limits} and the rules of {@link Permissions} that
 * the two sides share.
 */
class SharedLimitsTest extends SyncScenario {
    private static final Instant NINE = Instant.parse("2026-11-27T08:00:00Z");

    @Override
    TestServer demoServer(Path dir) {
        return TestServer.demoCopy(dir);
    }

    private static AppointmentDto lasting(long minutes) {
        return with(
                with(appointment(newId(), R1, "demo-conseil1", "proposed"), "start", NINE),
                "end",
                NINE.plusSeconds(minutes * 60));
    }

    private static VisitReportDto contactOf(Integer minutes) {
        return with(report(newId(), R1, "demo-conseil1", "Point sur les factures."), "durationMinutes", minutes);
    }

    @Test
    void anAppointmentLastsFromAQuarterOfAnHourToAWorkingDay() {
        OperationResultDto tooShort = pushOne(coord, op(lasting(Limits.MIN_APPOINTMENT_MINUTES - 1)));
        assertRejected(tooShort, "invalid_field");
        assertThat(tooShort.message())
                .isEqualTo("Un rendez-vous dure de 15 à 480 minutes : entre son début "
                        + "« start » et sa fin « end », 14 minutes.");
        assertRejected(pushOne(coord, op(lasting(Limits.MAX_APPOINTMENT_MINUTES + 1))), "invalid_field");
        assertSaved(pushOne(coord, op(lasting(Limits.MIN_APPOINTMENT_MINUTES))));
        assertSaved(pushOne(coord, op(lasting(Limits.MAX_APPOINTMENT_MINUTES))));
    }

    @Test
    void movingTheEndOfAnAppointmentKeepsItsDurationWithinTheLimits() {
        AppointmentDto a = lasting(60);
        long version = pushOne(coord, op(a)).version();
        OperationResultDto shortened = pushOne(coord, update(with(a, "end", NINE.plusSeconds(5 * 60)), version, "end"));
        assertRejected(shortened, "invalid_field");
        assertThat(((AppointmentDto) current(EntityType.APPOINTMENT, a.id()).data()).end())
                .isEqualTo(NINE.plusSeconds(3600));
    }

    @Test
    void aContactLastsAtLeastOneMinute() {
        OperationResultDto none = pushOne(conseil1, op(contactOf(0)));
        assertRejected(none, "invalid_field");
        assertThat(none.message())
                .isEqualTo("La durée « durationMinutes » doit être comprise entre 1 et 1440 " + "minutes.");
        assertApplied(pushOne(conseil1, op(contactOf(Limits.MIN_CONTACT_MINUTES))));
        assertApplied(pushOne(conseil1, op(contactOf(null))));
    }

    @Test
    void aLimitedPowerIsAtLeastOneKva() {
        VisitReportDto r = contactOf(45);
        OperationResultDto zero = pushOne(conseil1, op(with(r, "energy", limitedTo(0))));
        assertRejected(zero, "invalid_field");
        assertThat(zero.message())
                .isEqualTo("La puissance limitée « limitedKva » doit être comprise entre 1 et 36 kVA.");
        assertRejected(
                pushOne(conseil1, op(with(contactOf(45), "energy", limitedTo(Limits.MAX_KVA + 1)))), "invalid_field");
        assertApplied(pushOne(conseil1, op(with(r, "energy", limitedTo(Limits.MIN_KVA)))));
    }

    private static EnergyCheckDto limitedTo(long kva) {
        return new EnergyCheckDto(
                true, Boolean.TRUE, "limited", kva, LocalDate.of(2026, 11, 2), "electric", List.of(), List.of(), null);
    }

    @Test
    void aTextValueOfAReferenceListIsAtMostSixtyFourCharacters() {
        String notice = "notice-" + "x".repeat(Limits.MAX_CODE_VALUE - 7);
        OperationResultDto tooLong = pushOne(
                coord,
                op(new CodeDto("setting", "information_notice", "Version de la notice", null, 10, true, notice + "x")));
        assertRejected(tooLong, "invalid_field");
        assertThat(tooLong.message()).isEqualTo("Le champ « value » est trop long (65 caractères, au plus 64).");
        assertApplied(pushOne(
                coord,
                op(new CodeDto("setting", "information_notice", "Version de la notice", null, 10, true, notice))));
    }

    @Test
    void aResidentIsCreatedByExactlyTheRolesThatTheAppLetsCreateOne() {
        Map<Role, String> tokens = new EnumMap<>(Role.class);
        tokens.put(Role.COUNSELLOR, conseil1);
        tokens.put(Role.COORDINATOR, coord);
        tokens.put(Role.OFFICE, server.token("bureau"));
        tokens.put(Role.ADMIN, server.token("admin"));
        assertThat(tokens.keySet()).containsExactlyInAnyOrder(Role.values());
        Map<Role, String> accounts = Map.of(
                Role.COUNSELLOR, "demo-conseil1",
                Role.COORDINATOR, "demo-coord",
                Role.OFFICE, "demo-bureau",
                Role.ADMIN, "admin");
        tokens.forEach((role, token) -> {
            String referent = Permissions.creatorBecomesReferent(role) ? accounts.get(role) : null;
            OperationResultDto r = pushOne(token, op(resident(newId(), referent)));
            if (Permissions.mayCreateResident(role)) {
                assertApplied(r);
            } else {
                assertRejected(r, "forbidden");
            }
        });
        assertThat(pushOne(server.token("bureau"), op(resident(newId(), null))).message())
                .isEqualTo("Votre rôle ne permet pas de créer la fiche d'une personne.");
    }
}
