package fr.mediance.server;

import static org.assertj.core.api.Assertions.assertThat;

import fr.mediance.protocol.ActionDto;
import fr.mediance.protocol.ChangeDto;
import fr.mediance.protocol.ConflictDto;
import fr.mediance.protocol.ConsentDto;
import fr.mediance.protocol.EntityType;
import fr.mediance.protocol.MandateDto;
import fr.mediance.protocol.OperationResultDto;
import fr.mediance.protocol.ResidentDto;
import fr.mediance.protocol.VisitReportDto;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The rules an outside test could get round, against the real server on one database kind: a legal protection
 * changed by a counsellor to record a self-signed mandate, a mandate judged by the protection in force when it was
 * signed, an action "on behalf" under a mandate naming another agent, a conflict resolved with an invented value,
 * a consent recorded in someone else's name.
 */
abstract class TrustRulesContract extends SyncScenario {
    static final String R7 = fr.mediance.server.demo.DemoSeeder.residentId(7);
    static final LocalDate TODAY = LocalDate.of(2026, 11, 26);

    static MandateDto mandate(String residentId, List<String> agents, Instant signedAt) {
        return new MandateDto(
                newId(),
                null,
                residentId,
                List.of("energie"),
                List.of("EDF"),
                "one_month",
                TODAY,
                TODAY.plusMonths(1),
                null,
                true,
                "Marseille",
                agents,
                null,
                null,
                "tablet_signature",
                signedAt);
    }

    static VisitReportDto onBehalfReport(String residentId, String counsellorId, String mandateId) {
        VisitReportDto r = report(newId(), residentId, counsellorId, "Appel au fournisseur avec la personne.");
        ActionDto a = new ActionDto(
                newId(),
                "appel_creancier",
                "energie",
                "EDF",
                TODAY,
                "pending",
                null,
                null,
                null,
                true,
                mandateId,
                null);
        return new VisitReportDto(
                r.id(),
                null,
                null,
                residentId,
                counsellorId,
                "home_visit",
                List.of("energie"),
                r.synthesis(),
                null,
                null,
                r.startedAt(),
                r.completedAt(),
                null,
                "Domicile",
                50,
                List.of("resident"),
                List.of("energie_impaye"),
                null,
                List.of(a),
                List.of(),
                null,
                true,
                null);
    }

    ResidentDto withoutProtection(ResidentDto r) {
        return with(with(r, "legalProtection", null), "legalRepresentative", null);
    }

    // --- 7. legal protection

    @Test
    void aCounsellorCannotLiftALegalProtectionToRecordASelfSignedMandate() {
        ChangeDto r7 = current(EntityType.RESIDENT, R7);
        ResidentDto before = (ResidentDto) r7.data();
        assertThat(before.underProtection()).isTrue();

        OperationResultDto lift = pushOne(
                conseil1, update(withoutProtection(before), r7.version(), "legalProtection", "legalRepresentative"));
        assertRejected(lift, "forbidden_field");
        assertThat(lift.message()).contains("protection juridique").contains("bureau");
        assertThat(((ResidentDto) current(EntityType.RESIDENT, R7).data()).legalProtection())
                .isEqualTo(before.legalProtection());
        assertRejected(
                pushOne(conseil1, op(mandate(R7, List.of("demo-conseil1"), TestServer.START))), "legal_protection");
        assertThat(server.count("SELECT COUNT(*) FROM mandates WHERE resident_id = ?", R7))
                .isZero();

        // the rest of the file stays hers to update
        assertApplied(pushOne(conseil1, update(withPhone(before, "06 99 99 99 99"), r7.version(), "phone")));
    }

    @Test
    void theOfficeLiftsAProtectionButAMandateSignedBeforeStaysRefused() {
        Instant signedWhileProtected = TestServer.START;
        server.clock.advance(Duration.ofMinutes(5));
        ChangeDto r7 = current(EntityType.RESIDENT, R7);
        OperationResultDto lift = pushOne(
                server.token("bureau"),
                update(
                        withoutProtection((ResidentDto) r7.data()),
                        r7.version(),
                        "legalProtection",
                        "legalRepresentative"));
        assertApplied(lift);
        assertThat(((ResidentDto) current(EntityType.RESIDENT, R7).data()).underProtection())
                .isFalse();
        // the office changes nothing else of the file
        assertRejected(
                pushOne(
                        server.token("bureau"),
                        update(withPhone((ResidentDto) r7.data(), "06 00 00 00 01"), r7.version(), "phone")),
                "forbidden");

        server.clock.advance(Duration.ofMinutes(5));
        OperationResultDto early = pushOne(conseil1, op(mandate(R7, List.of("demo-conseil1"), signedWhileProtected)));
        assertRejected(early, "legal_protection");
        assertThat(early.message()).contains("signé").contains("protection");
        assertRejected(pushOne(conseil1, op(mandate(R7, List.of("demo-conseil1"), null))), "legal_protection");
        assertApplied(pushOne(conseil1, op(mandate(R7, List.of("demo-conseil1"), server.clock.instant()))));
    }

    @Test
    void aCounsellorRecordsAProtectionSheDiscoversButNeverChangesOne() {
        ChangeDto r1 = current(EntityType.RESIDENT, R1);
        ResidentDto base = (ResidentDto) r1.data();
        assertThat(base.underProtection()).isFalse();
        ResidentDto put = with(with(base, "legalProtection", "curatelle_simple"), "legalRepresentative", "UDAF 13");
        OperationResultDto recorded =
                pushOne(conseil1, update(put, r1.version(), "legalProtection", "legalRepresentative"));
        assertApplied(recorded);
        assertRejected(
                pushOne(
                        conseil1,
                        update(with(put, "legalRepresentative", "Autre"), recorded.version(), "legalRepresentative")),
                "forbidden_field");
    }

    // --- 9. actions on behalf

    @Test
    void anActionOnBehalfNeedsAMandateNamingItsAuthor() {
        MandateDto other = mandate(R1, List.of("demo-conseil2"), TestServer.START);
        assertApplied(pushOne(coord, op(other)));
        OperationResultDto refused = pushOne(conseil1, op(onBehalfReport(R1, "demo-conseil1", other.id())));
        assertRejected(refused, "mandate_required");
        assertThat(refused.message()).contains("mandataire");
        MandateDto both = mandate(R1, List.of("demo-conseil2", "demo-conseil1"), TestServer.START);
        assertApplied(pushOne(coord, op(both)));
        assertApplied(pushOne(conseil1, op(onBehalfReport(R1, "demo-conseil1", both.id()))));
    }

    // --- 10. conflict resolution

    @Test
    void aConflictIsResolvedWithOneOfItsValuesOnly() {
        ChangeDto r1 = current(EntityType.RESIDENT, R1);
        ResidentDto base = (ResidentDto) r1.data();
        assertApplied(pushOne(coord, update(withPhone(base, "04 91 11 11 11"), r1.version(), "phone")));
        pushOne(conseil1, update(withPhone(base, "06 22 22 22 22"), r1.version(), "phone"));
        ConflictDto open = pullAll(coord, null).changes().stream()
                .filter(c -> c.entity() == EntityType.CONFLICT)
                .map(c -> (ConflictDto) c.data())
                .findFirst()
                .orElseThrow();
        String bureau = server.token("bureau");
        long versions = server.count("SELECT COUNT(*) FROM record_versions WHERE entity_id = ?", R1);

        OperationResultDto invented = pushOne(bureau, op(resolution(open, "08 36 65 65 65")));
        assertRejected(invented, "invalid_field");
        assertThat(invented.message()).contains("valeurs en conflit");
        assertThat(((ResidentDto) current(EntityType.RESIDENT, R1).data()).phone())
                .isEqualTo("06 22 22 22 22");
        assertThat(server.count("SELECT COUNT(*) FROM record_versions WHERE entity_id = ?", R1))
                .isEqualTo(versions);

        assertApplied(pushOne(bureau, op(resolution(open, "04 91 11 11 11"))));
        assertThat(((ResidentDto) current(EntityType.RESIDENT, R1).data()).phone())
                .isEqualTo("04 91 11 11 11");
    }

    static ConflictDto resolution(ConflictDto open, String value) {
        return new ConflictDto(
                open.id(),
                null,
                open.entity(),
                open.entityId(),
                open.field(),
                open.baseValue(),
                open.serverValue(),
                open.clientValue(),
                open.serverAuthorId(),
                open.clientAuthorId(),
                open.detectedAt(),
                ConflictDto.RESOLVED,
                value,
                null,
                null);
    }

    // --- 13. who recorded a consent

    static ConsentDto consent(String recordedBy) {
        return new ConsentDto(
                newId(),
                null,
                R1,
                "share_with_partner",
                null,
                null,
                TestServer.START,
                null,
                null,
                recordedBy,
                "screen");
    }

    @Test
    void aConsentIsRecordedByTheCallerWhateverTheDeviceSays() {
        OperationResultDto other = pushOne(conseil1, op(consent("demo-conseil2")));
        assertRejected(other, "forbidden_field");
        assertThat(other.message()).contains("recordedBy");

        ConsentDto unnamed = consent(null);
        assertApplied(pushOne(conseil1, op(unnamed)));
        assertThat(((ConsentDto) current(EntityType.CONSENT, unnamed.id()).data()).recordedBy())
                .isEqualTo("demo-conseil1");

        ConsentDto own = consent("demo-conseil1");
        assertApplied(pushOne(conseil1, op(own)));
        // a colleague withdraws it: who recorded it does not change
        ConsentDto withdrawn = with(own, "withdrawnAt", TestServer.START.plusSeconds(60));
        assertApplied(pushOne(coord, op(withdrawn)));
        assertThat(((ConsentDto) current(EntityType.CONSENT, own.id()).data()).recordedBy())
                .isEqualTo("demo-conseil1");
    }
}
