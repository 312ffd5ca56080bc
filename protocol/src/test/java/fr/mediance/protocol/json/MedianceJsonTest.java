package fr.mediance.protocol.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.gson.Gson;
import com.google.gson.JsonIOException;
import fr.mediance.protocol.ActionDto;
import fr.mediance.protocol.AppointmentDto;
import fr.mediance.protocol.BlobStatusDto;
import fr.mediance.protocol.BlobsHeldRequest;
import fr.mediance.protocol.BlobsHeldResponse;
import fr.mediance.protocol.ChangeDto;
import fr.mediance.protocol.ChangesResponse;
import fr.mediance.protocol.CheckInDto;
import fr.mediance.protocol.CodeDto;
import fr.mediance.protocol.ConflictDto;
import fr.mediance.protocol.ConsentDto;
import fr.mediance.protocol.ContactPersonDto;
import fr.mediance.protocol.DocumentDto;
import fr.mediance.protocol.EnergyCheckDto;
import fr.mediance.protocol.EntityType;
import fr.mediance.protocol.FieldErrorDto;
import fr.mediance.protocol.GeoPointDto;
import fr.mediance.protocol.HouseholdMemberDto;
import fr.mediance.protocol.LoginResponse;
import fr.mediance.protocol.MandateDto;
import fr.mediance.protocol.OpStatus;
import fr.mediance.protocol.OperationDto;
import fr.mediance.protocol.OperationResultDto;
import fr.mediance.protocol.OrientationDto;
import fr.mediance.protocol.PrivateNoteDto;
import fr.mediance.protocol.ProblemDto;
import fr.mediance.protocol.PushRequest;
import fr.mediance.protocol.PushResponse;
import fr.mediance.protocol.ResidentDto;
import fr.mediance.protocol.Role;
import fr.mediance.protocol.TaskDto;
import fr.mediance.protocol.UserDto;
import fr.mediance.protocol.VisitReportDto;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class MedianceJsonTest {
    private final Gson gson = MedianceJson.gson();

    static final ResidentDto RESIDENT = new ResidentDto(
            "7b1c0c52-9a51-4cbe-a4c1-1b8f0c1f1a01",
            "s1",
            "D-2026-0042",
            "Mme",
            "Benali",
            "Fatima",
            LocalDate.of(1948, 3, 12),
            "06 12 34 56 78",
            "12 rue des Lilas",
            "13015",
            "Marseille",
            "Interphone en panne, appeler en bas",
            "elderly",
            "u-conseil1");
    static final AppointmentDto APPOINTMENT = new AppointmentDto(
            "a-1",
            "s1",
            RESIDENT.id(),
            "u-conseil1",
            "home_visit",
            Instant.parse("2026-11-27T09:00:00Z"),
            Instant.parse("2026-11-27T10:00:00Z"),
            "confirmed",
            "12 rue des Lilas, 13015 Marseille",
            "Apporter le formulaire FSL",
            null);
    static final VisitReportDto REPORT = new VisitReportDto(
            "r-1",
            "s1",
            "a-1",
            RESIDENT.id(),
            "u-conseil1",
            "home_visit",
            List.of("energie", "budget"),
            "Facture EDF de 412,50 € impayée.",
            "Appeler EDF Solidarité",
            LocalDate.of(2026, 12, 4),
            Instant.parse("2026-11-27T09:02:00Z"),
            Instant.parse("2026-11-27T09:58:00Z"),
            null);
    static final DocumentDto DOCUMENT = new DocumentDto(
            "d-1",
            "s1",
            "r-1",
            RESIDENT.id(),
            "facture",
            "0f".repeat(32),
            "image/jpeg",
            231_000,
            Instant.parse("2026-11-27T09:30:00Z"),
            LocalDate.of(2027, 5, 27));

    static final ConflictDto CONFLICT = new ConflictDto(
            "c-1",
            "s1",
            EntityType.RESIDENT,
            RESIDENT.id(),
            "phone",
            "06 12 34 56 78",
            "06 98 76 54 32",
            "07 11 22 33 44",
            "u-coord",
            "u-conseil1",
            Instant.parse("2026-11-27T11:00:00Z"),
            ConflictDto.RESOLVED,
            "07 11 22 33 44",
            "u-bureau",
            Instant.parse("2026-11-27T11:30:00Z"));

    @Test
    void everyEntityRoundTripsInsideAPushAndAChangeFeed() {
        List<OperationDto> ops = List.of(
                new OperationDto("op-1", EntityType.RESIDENT, RESIDENT.id(), null, false, RESIDENT),
                new OperationDto("op-2", EntityType.APPOINTMENT, "a-1", 3L, false, APPOINTMENT),
                new OperationDto("op-3", EntityType.VISIT_REPORT, "r-1", null, false, REPORT),
                new OperationDto("op-4", EntityType.DOCUMENT, "d-1", null, false, DOCUMENT),
                new OperationDto("op-5", EntityType.DOCUMENT, "d-0", 2L, true, null),
                new OperationDto(
                        "op-6",
                        EntityType.RESIDENT,
                        RESIDENT.id(),
                        4L,
                        false,
                        RESIDENT,
                        List.of("phone", "accessNotes")),
                new OperationDto("op-7", EntityType.CONFLICT, CONFLICT.id(), 9L, false, CONFLICT));
        PushRequest push = new PushRequest("device-1", ops);
        assertThat(gson.fromJson(gson.toJson(push), PushRequest.class)).isEqualTo(push);

        CodeDto code = new CodeDto("domain", "energie", "Énergie", null, 1, true);
        ChangesResponse page = new ChangesResponse(
                List.of(
                        new ChangeDto(EntityType.RESIDENT, RESIDENT.id(), 4, false, RESIDENT),
                        new ChangeDto(EntityType.CODE, code.id(), 1, false, code),
                        new ChangeDto(EntityType.APPOINTMENT, "a-9", 7, true, null),
                        new ChangeDto(EntityType.CONFLICT, CONFLICT.id(), 9, false, CONFLICT),
                        new ChangeDto(
                                EntityType.BLOB,
                                DOCUMENT.sha256(),
                                10,
                                false,
                                new BlobStatusDto(
                                        DOCUMENT.sha256(), 231_000, Instant.parse("2026-11-27T12:00:00Z"), true))),
                "42",
                true);
        assertThat(gson.fromJson(gson.toJson(page), ChangesResponse.class)).isEqualTo(page);
    }

    @Test
    void theResidentFileTheFullVisitAndTheNewRecordsRoundTripWithEveryField() {
        ResidentDto file = new ResidentDto(
                RESIDENT.id(),
                "s1",
                "D-2026-0042",
                "Mme",
                "Benali",
                "Fatima",
                LocalDate.of(1948, 3, 12),
                null,
                "12 rue des Lilas",
                "13015",
                "Marseille",
                "Code 1234B",
                "elderly",
                "u-conseil1",
                "actif",
                "Haddad",
                "f.benali@example.org",
                true,
                "le matin",
                "arabe",
                true,
                "social_tenant",
                "13 Habitat",
                Boolean.TRUE,
                "retired",
                "curatelle_simple",
                "UDAF 13, M. Martin, 04 91 00 00 00",
                "partner_referral",
                "EDF Solidarité",
                "Dette d'électricité depuis mars.",
                List.of(
                        new HouseholdMemberDto("h-1", "spouse", null, 1945),
                        new HouseholdMemberDto("h-2", "child_over_14", "Samir", 2009)),
                List.of(new ContactPersonDto("p-1", "Nadia Benali", "fille", "06 00 00 00 01", true, false)),
                new GeoPointDto(43.3456789, 5.3654321, GeoPointDto.SOURCE_BAN, GeoPointDto.PRECISION_STREET));
        VisitReportDto visit = new VisitReportDto(
                "r-2",
                "s1",
                "a-1",
                RESIDENT.id(),
                "u-conseil1",
                "home_visit",
                List.of("energie"),
                "Compteur relevé.",
                null,
                null,
                Instant.parse("2026-11-27T09:02:00Z"),
                null,
                null,
                "Domicile",
                55,
                List.of("resident", "caregiver"),
                List.of("energie_impaye"),
                new EnergyCheckDto(
                        true,
                        null,
                        "limited",
                        1L,
                        LocalDate.of(2026, 10, 2),
                        "electric_convector",
                        List.of("thermostat_19"),
                        List.of("humidity"),
                        "france_renov"),
                List.of(new ActionDto(
                        "x-1",
                        "demande_aide_fsl",
                        "energie",
                        "Conseil départemental 13",
                        LocalDate.of(2026, 11, 27),
                        "pending",
                        41_250L,
                        null,
                        "FSL-2026-118",
                        true,
                        "m-1",
                        null)),
                List.of(new OrientationDto(
                        "o-1", "ccas", "Aide facultative", LocalDate.of(2026, 11, 27), "warm_handover", true, null)),
                "d-sig",
                false,
                new CheckInDto(43_341_234L, 5_362_001L, 12L, Instant.parse("2026-11-27T09:01:00Z")));
        DocumentDto bill = new DocumentDto(
                "d-2",
                "s1",
                "r-2",
                RESIDENT.id(),
                "facture",
                "1a".repeat(32),
                "image/jpeg",
                340_000,
                Instant.parse("2026-11-27T09:30:00Z"),
                LocalDate.of(2027, 5, 27),
                "Facture EDF novembre",
                "EDF",
                41_250L,
                LocalDate.of(2026, 12, 10),
                List.of("fsl"),
                "photo_in_app");
        TaskDto task = new TaskDto(
                "t-1",
                "s1",
                RESIDENT.id(),
                "r-2",
                "u-conseil1",
                "Vérifier la décision FSL",
                LocalDate.of(2027, 1, 26),
                TaskDto.TODO,
                "fsl_decision",
                "x-1",
                Instant.parse("2026-11-27T10:00:00Z"),
                null);
        ConsentDto consent = new ConsentDto(
                "c-2",
                "s1",
                RESIDENT.id(),
                "share_with_partner",
                "CCAS de Marseille",
                null,
                Instant.parse("2026-11-27T09:10:00Z"),
                null,
                "d-sig2",
                "u-conseil1",
                "screen");
        MandateDto mandate = new MandateDto(
                "m-1",
                "s1",
                RESIDENT.id(),
                List.of("energie", "eau"),
                List.of("EDF"),
                "six_months",
                LocalDate.of(2026, 11, 27),
                LocalDate.of(2027, 5, 26),
                null,
                true,
                "Marseille",
                List.of("u-conseil1"),
                "d-sig3",
                "d-sig4",
                "tablet_signature",
                Instant.parse("2026-11-27T09:12:00Z"));
        PrivateNoteDto note = new PrivateNoteDto(
                "n-1",
                "s1",
                RESIDENT.id(),
                "u-conseil1",
                "À revoir avec la fille.",
                Instant.parse("2026-11-27T10:00:00Z"));
        CodeDto rule =
                new CodeDto("task_rule", "fsl_decision", "Vérifier la décision FSL", "demande_aide_fsl", 1, true, "60");
        ChangesResponse page = new ChangesResponse(
                List.of(
                        new ChangeDto(EntityType.RESIDENT, file.id(), 1, false, file),
                        new ChangeDto(EntityType.VISIT_REPORT, visit.id(), 2, false, visit),
                        new ChangeDto(EntityType.DOCUMENT, bill.id(), 3, false, bill),
                        new ChangeDto(EntityType.TASK, task.id(), 4, false, task),
                        new ChangeDto(EntityType.CONSENT, consent.id(), 5, false, consent),
                        new ChangeDto(EntityType.MANDATE, mandate.id(), 6, false, mandate),
                        new ChangeDto(EntityType.PRIVATE_NOTE, note.id(), 7, false, note),
                        new ChangeDto(EntityType.CODE, rule.id(), 8, false, rule)),
                "8",
                false);
        assertThat(gson.fromJson(gson.toJson(page), ChangesResponse.class)).isEqualTo(page);
        assertThat(file.underProtection()).isTrue();
        assertThat(mandate.covers("energie", LocalDate.of(2027, 5, 26), java.time.ZoneOffset.UTC))
                .isTrue();
        assertThat(mandate.covers("energie", LocalDate.of(2027, 5, 27), java.time.ZoneOffset.UTC))
                .isFalse();
        assertThat(mandate.covers("logement", LocalDate.of(2026, 12, 1), java.time.ZoneOffset.UTC))
                .isFalse();
    }

    @Test
    void envelopesRoundTrip() {
        LoginResponse login = new LoginResponse(
                "acc",
                Instant.parse("2026-11-26T15:15:00Z"),
                "ref",
                Instant.parse("2026-12-26T15:00:00Z"),
                new UserDto("u1", "conseil1", "Nadia Conseil", Role.COUNSELLOR, "s1"));
        assertThat(gson.fromJson(gson.toJson(login), LoginResponse.class)).isEqualTo(login);

        PushResponse results = new PushResponse(List.of(
                new OperationResultDto("op-1", OpStatus.APPLIED, 1L, null, null),
                new OperationResultDto("op-2", OpStatus.REJECTED, null, "forbidden", "Refusé.")));
        assertThat(gson.fromJson(gson.toJson(results), PushResponse.class)).isEqualTo(results);

        ProblemDto problem = new ProblemDto(
                "about:blank",
                "Requête invalide",
                400,
                "Le champ « x » est obligatoire.",
                "/api/v1/sync/push",
                "invalid_request",
                List.of(new FieldErrorDto("x", "obligatoire")));
        assertThat(gson.fromJson(gson.toJson(problem), ProblemDto.class)).isEqualTo(problem);
    }

    @Test
    void theBlobsHeldQueryAndItsAnswerRoundTrip() {
        BlobsHeldRequest ask = new BlobsHeldRequest(List.of("0a".repeat(32), "1b".repeat(32)));
        assertThat(gson.toJson(ask))
                .isEqualTo("{\"sha256s\":[\"" + "0a".repeat(32) + "\",\"" + "1b".repeat(32) + "\"]}");
        assertThat(gson.fromJson(gson.toJson(ask), BlobsHeldRequest.class)).isEqualTo(ask);
        BlobsHeldResponse answer = new BlobsHeldResponse(List.of("1b".repeat(32)));
        assertThat(gson.fromJson(gson.toJson(answer), BlobsHeldResponse.class)).isEqualTo(answer);
        assertThat(gson.fromJson("{}", BlobsHeldResponse.class)).isEqualTo(new BlobsHeldResponse(List.of()));
    }

    @Test
    void everyRegisteredTypeHasItsOwnAdapter() {
        for (Class<?> type : MedianceJson.wireTypes()) {
            assertThat(gson.getAdapter(type)).as(type.getSimpleName()).isInstanceOf(RecordAdapter.class);
        }
    }

    record Unregistered(String name) {}

    @Test
    void anUnregisteredTypeFailsInsteadOfUsingReflection() {
        assertThatThrownBy(() -> gson.toJson(new Unregistered("x")))
                .isInstanceOf(JsonIOException.class)
                .hasMessageContaining("ReflectionAccessFilter");
        assertThatThrownBy(() -> gson.fromJson("{\"name\":\"x\"}", Unregistered.class))
                .isInstanceOf(JsonIOException.class);
    }

    @Test
    void aMissingRequiredFieldIsNamedInFrench() {
        assertThatThrownBy(() -> gson.fromJson(
                        "{\"username\":\"a\",\"password\":\"b\"}", fr.mediance.protocol.LoginRequest.class))
                .isInstanceOfSatisfying(WireFormatException.class, e -> {
                    assertThat(e.field()).isEqualTo("deviceId");
                    assertThat(e.getMessage()).isEqualTo("Le champ « deviceId » est obligatoire.");
                });
    }

    @Test
    void aWrongTypeDeepInsideAPushIsNamedWithItsPath() {
        String json = "{\"deviceId\":\"d\",\"operations\":[{\"opId\":\"o\",\"entity\":\"appointment\","
                + "\"entityId\":\"a\",\"data\":{\"id\":\"a\",\"residentId\":\"r\",\"counsellorId\":\"c\","
                + "\"type\":\"home_visit\",\"start\":\"demain\",\"end\":\"2026-11-27T10:00:00Z\",\"status\":\"proposed\"}}]}";
        assertThatThrownBy(() -> gson.fromJson(json, PushRequest.class))
                .isInstanceOfSatisfying(
                        WireFormatException.class, e -> assertThat(e.field()).isEqualTo("operations[0].data.start"));
    }

    @Test
    void anUnknownEntityTypeIsRefused() {
        String json = "{\"opId\":\"o\",\"entity\":\"invoice\",\"entityId\":\"x\",\"data\":{}}";
        assertThatThrownBy(() -> gson.fromJson(json, OperationDto.class))
                .isInstanceOfSatisfying(WireFormatException.class, e -> {
                    assertThat(e.field()).isEqualTo("entity");
                    assertThat(e.getMessage()).contains("invoice");
                });
    }

    @Test
    void aPayloadWhoseIdDiffersFromTheOperationIsRefused() {
        String json = gson.toJson(new OperationDto("o", EntityType.RESIDENT, "other-id", null, false, RESIDENT));
        assertThatThrownBy(() -> gson.fromJson(json, OperationDto.class)).isInstanceOf(WireFormatException.class);
    }

    @Test
    void passwordsDoNotLeakThroughToString() {
        assertThat(new fr.mediance.protocol.LoginRequest("u", "secret-pass", "d").toString())
                .doesNotContain("secret-pass");
    }
}
