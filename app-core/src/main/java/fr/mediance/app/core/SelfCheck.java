package fr.mediance.app.core;

import fr.mediance.app.core.remote.RemoteClient;
import fr.mediance.app.core.remote.TokenStore;
import fr.mediance.app.core.store.BlobFiles;
import fr.mediance.app.core.store.Crypto;
import fr.mediance.app.core.store.Database;
import fr.mediance.app.core.store.Migrations;
import fr.mediance.app.core.store.StoreException;
import fr.mediance.protocol.ActionDto;
import fr.mediance.protocol.AidApplicationDto;
import fr.mediance.protocol.AppointmentDto;
import fr.mediance.protocol.BlobReceiptDto;
import fr.mediance.protocol.BlobStatusDto;
import fr.mediance.protocol.BlobsHeldRequest;
import fr.mediance.protocol.BlobsHeldResponse;
import fr.mediance.protocol.BudgetDto;
import fr.mediance.protocol.BudgetLineDto;
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
import fr.mediance.protocol.HealthDto;
import fr.mediance.protocol.HouseholdMemberDto;
import fr.mediance.protocol.InstalmentDto;
import fr.mediance.protocol.LoginRequest;
import fr.mediance.protocol.LoginResponse;
import fr.mediance.protocol.MandateDto;
import fr.mediance.protocol.OpStatus;
import fr.mediance.protocol.OperationDto;
import fr.mediance.protocol.OperationResultDto;
import fr.mediance.protocol.OrientationDto;
import fr.mediance.protocol.OverindebtednessFileDto;
import fr.mediance.protocol.PaymentPlanDto;
import fr.mediance.protocol.PrivateNoteDto;
import fr.mediance.protocol.ProblemDto;
import fr.mediance.protocol.PushRequest;
import fr.mediance.protocol.PushResponse;
import fr.mediance.protocol.RefreshRequest;
import fr.mediance.protocol.ResidentDto;
import fr.mediance.protocol.Role;
import fr.mediance.protocol.TaskDto;
import fr.mediance.protocol.UserDto;
import fr.mediance.protocol.UsersResponse;
import fr.mediance.protocol.VisitReportDto;
import fr.mediance.protocol.json.MedianceJson;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The {@code --self-check} of the app: proves on the target (JVM or native image) that the encrypted store
 * opens and migrates, that every wire type round-trips through the reflection-free Gson, that the Retrofit
 * interface can be built, and that the crypto and message resources are there. No network, no display.
 */
public final class SelfCheck {

    /** {@code ok} and one line per check ("ok store: ..." or "FAILED ..."). */
    public record Result(boolean ok, List<String> lines) {
        public Result {
            lines = List.copyOf(lines);
        }
    }

    private SelfCheck() {}

    /** Runs every check in a fresh sub-directory of {@code tempDir}, deleted afterwards. */
    public static Result run(Path tempDir) {
        List<String> lines = new ArrayList<>();
        boolean ok = true;
        Path dir;
        try {
            Files.createDirectories(tempDir);
            dir = Files.createTempDirectory(tempDir, "mediance-self-check");
        } catch (IOException e) {
            return new Result(false, List.of("FAILED temp directory: " + e.getMessage()));
        }
        try {
            ok &= check(lines, "messages", () -> {
                CoreMessages.get("store.locked");
                return "French messages loaded";
            });
            ok &= check(lines, "crypto", () -> {
                byte[] key = Crypto.pbkdf2("123456".toCharArray(), Crypto.randomBytes(16), 1_000);
                byte[] plain = "Médiance".getBytes(StandardCharsets.UTF_8);
                if (!Arrays.equals(plain, Crypto.decrypt(key, Crypto.encrypt(key, plain, null), null))) {
                    throw new IllegalStateException("AES-GCM round trip differs");
                }
                return "PBKDF2-HMAC-SHA256 and AES-256-GCM available";
            });
            ok &= check(lines, "store", () -> checkStore(dir));
            ok &= check(lines, "json", SelfCheck::checkJson);
            ok &= check(lines, "remote", () -> {
                RemoteClient client = new RemoteClient("http://127.0.0.1:9", "self-check", TokenStore.inMemory());
                if (client.api() == null) {
                    throw new IllegalStateException("no Retrofit proxy");
                }
                return "Retrofit interface built and validated";
            });
        } finally {
            deleteTree(dir);
        }
        return new Result(ok, lines);
    }

    private interface Check {
        String run() throws Exception;
    }

    private static boolean check(List<String> lines, String name, Check c) {
        try {
            lines.add("ok " + name + ": " + c.run());
            return true;
        } catch (Exception | LinkageError e) { // top boundary of the self-check: report, never crash
            lines.add("FAILED " + name + ": " + e);
            return false;
        }
    }

    private static String checkStore(Path dir) {
        byte[] key = Crypto.randomBytes(Database.KEY_BYTES);
        Path file = dir.resolve("check.db");
        try (Database db = Database.open(file, key)) {
            if (db.userVersion() != Migrations.latestVersion()) {
                throw new IllegalStateException("schema " + db.userVersion());
            }
            db.inTransaction(tx -> {
                tx.putSetting("self-check", "é");
            });
            if (!"é".equals(db.read(tx -> tx.setting("self-check").orElse(null)))) {
                throw new IllegalStateException("setting not read back");
            }
        }
        byte[] other = Crypto.randomBytes(Database.KEY_BYTES);
        try (Database ignored = Database.open(file, other)) {
            throw new IllegalStateException("a wrong key opened the database");
        } catch (StoreException e) {
            if (e.kind() != StoreException.Kind.WRONG_KEY) {
                throw e;
            }
        }
        BlobFiles blobs = new BlobFiles(dir.resolve("blobs"), key);
        byte[] photo = "\u00ff\u00d8 photo".getBytes(StandardCharsets.ISO_8859_1);
        String sha = blobs.put(photo);
        if (!Arrays.equals(photo, blobs.get(sha).orElseThrow())) {
            throw new IllegalStateException("blob round trip differs");
        }
        return "encrypted database opened, migrated to " + Migrations.latestVersion()
                + ", wrong key refused, encrypted photo round trip";
    }

    private static String checkJson() {
        Map<Class<?>, Object> samples = samples();
        int n = 0;
        for (Class<?> type : MedianceJson.wireTypes()) {
            Object sample = samples.get(type);
            if (sample == null) {
                throw new IllegalStateException("no self-check sample for " + type.getSimpleName());
            }
            String json = MedianceJson.gson().toJson(sample, type);
            Object back = MedianceJson.gson().fromJson(json, type);
            if (!sample.equals(back)) {
                throw new IllegalStateException(type.getSimpleName() + " does not round-trip");
            }
            n++;
        }
        return n + " wire types round-trip";
    }

    /** One instance of every wire type. */
    static Map<Class<?>, Object> samples() {
        Instant t = Instant.parse("2026-11-27T09:00:00Z");
        ResidentDto resident = new ResidentDto(
                "r1",
                "s1",
                "D-1",
                "Mme",
                "Nom",
                "Prénom",
                LocalDate.of(1950, 1, 2),
                "06 00 00 00 00",
                "1 rue",
                "13001",
                "Marseille",
                "code 12",
                "elderly",
                "u1");
        AppointmentDto appointment = new AppointmentDto(
                "a1", "s1", "r1", "u1", "home_visit", t, t.plusSeconds(3600), "confirmed", "1 rue", "notes", null);
        VisitReportDto report = new VisitReportDto(
                "v1",
                "s1",
                "a1",
                "r1",
                "u1",
                "home_visit",
                List.of("energie"),
                "Synthèse",
                "Suite",
                LocalDate.of(2026, 12, 1),
                t,
                t.plusSeconds(1800),
                null);
        DocumentDto document = new DocumentDto(
                "d1", "s1", "v1", "r1", "facture", "0a".repeat(32), "image/jpeg", 10, t, LocalDate.of(2027, 1, 1));
        CodeDto code = new CodeDto("domain", "energie", "Énergie", null, 1, true);
        UserDto user = new UserDto("u1", "conseil1", "Nadia", Role.COUNSELLOR, "s1");
        OperationDto op = new OperationDto("op1", EntityType.RESIDENT, "r1", null, false, resident);
        OperationResultDto result = new OperationResultDto("op1", OpStatus.APPLIED, 1L, null, null);
        FieldErrorDto fieldError = new FieldErrorDto("x", "obligatoire");
        Map<Class<?>, Object> m = new LinkedHashMap<>();
        m.put(HealthDto.class, new HealthDto("ok", "1", t));
        m.put(UserDto.class, user);
        m.put(UsersResponse.class, new UsersResponse(List.of(user)));
        fr.mediance.protocol.FigureDto figure =
                new fr.mediance.protocol.FigureDto("cases.outcome", "fsl_granted", 7L, 315_000L);
        m.put(fr.mediance.protocol.FigureDto.class, figure);
        m.put(
                fr.mediance.protocol.FiguresResponse.class,
                new fr.mediance.protocol.FiguresResponse(
                        LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31), true, List.of(figure)));
        fr.mediance.protocol.RightsRequestDto rights = new fr.mediance.protocol.RightsRequestDto(
                "q1",
                "r1",
                "Nom Prénom",
                "erasure",
                LocalDate.of(2026, 1, 31),
                LocalDate.of(2026, 4, 30),
                true,
                "Pièces à réunir",
                "answered",
                LocalDate.of(2026, 3, 2),
                "Dossier anonymisé",
                false);
        m.put(fr.mediance.protocol.RightsRequestDto.class, rights);
        m.put(
                fr.mediance.protocol.RightsRequestsResponse.class,
                new fr.mediance.protocol.RightsRequestsResponse(List.of(rights)));
        m.put(fr.mediance.protocol.RetentionRunDto.class, new fr.mediance.protocol.RetentionRunDto(2, 1, 5, 4));
        m.put(LoginRequest.class, new LoginRequest("bureau", "x", "dev", "123456", "Nouveau-Mot-2026!", "1.0"));
        fr.mediance.protocol.AccountDto account = new fr.mediance.protocol.AccountDto(
                "u1", "conseil1", "Nadia", fr.mediance.protocol.Role.COUNSELLOR, true, false, false, 2, t, t);
        m.put(fr.mediance.protocol.AccountDto.class, account);
        m.put(fr.mediance.protocol.AccountsResponse.class, new fr.mediance.protocol.AccountsResponse(List.of(account)));
        m.put(
                fr.mediance.protocol.AccountRequest.class,
                new fr.mediance.protocol.AccountRequest(
                        "conseil3", "Léa", fr.mediance.protocol.Role.COUNSELLOR, false));
        m.put(
                fr.mediance.protocol.AccountPasswordDto.class,
                new fr.mediance.protocol.AccountPasswordDto(account, "Provisoire-2026!"));
        fr.mediance.protocol.DeviceDto device =
                new fr.mediance.protocol.DeviceDto("d1", "tab", t, t, t, "1.0", t, t, null);
        m.put(fr.mediance.protocol.DeviceDto.class, device);
        m.put(fr.mediance.protocol.DevicesResponse.class, new fr.mediance.protocol.DevicesResponse(List.of(device)));
        fr.mediance.protocol.CalendarLinkDto calendarLink =
                new fr.mediance.protocol.CalendarLinkDto("l1", "u1", t, "u1", t, null);
        m.put(fr.mediance.protocol.CalendarLinkDto.class, calendarLink);
        m.put(
                fr.mediance.protocol.CalendarLinksResponse.class,
                new fr.mediance.protocol.CalendarLinksResponse(List.of(calendarLink)));
        m.put(
                fr.mediance.protocol.CalendarLinkCreatedDto.class,
                new fr.mediance.protocol.CalendarLinkCreatedDto(calendarLink, "secret", "/api/v1/calendar/secret.ics"));
        m.put(
                fr.mediance.protocol.TotpEnrolmentDto.class,
                new fr.mediance.protocol.TotpEnrolmentDto("ABCD", "otpauth://totp/x?secret=ABCD"));
        m.put(LoginResponse.class, new LoginResponse("a", t, "r", t, user));
        m.put(RefreshRequest.class, new RefreshRequest("r", "dev"));
        m.put(FieldErrorDto.class, fieldError);
        m.put(
                ProblemDto.class,
                new ProblemDto("about:blank", "Titre", 400, "Détail", "/x", "code", List.of(fieldError)));
        fr.mediance.protocol.GeoPointDto place = new fr.mediance.protocol.GeoPointDto(
                43.3110405, 5.3791502, fr.mediance.protocol.GeoPointDto.SOURCE_BAN, "housenumber");
        m.put(fr.mediance.protocol.GeoPointDto.class, place);
        m.put(
                fr.mediance.protocol.PlanningSettingsDto.class,
                new fr.mediance.protocol.PlanningSettingsDto("1 rue X, Marseille", place, 1.3, 20, false, t, "u1"));
        fr.mediance.protocol.WorkingDayDto workingDay = new fr.mediance.protocol.WorkingDayDto("mon", "08:30", "17:00");
        m.put(fr.mediance.protocol.WorkingDayDto.class, workingDay);
        fr.mediance.protocol.CounsellorScheduleDto schedule = new fr.mediance.protocol.CounsellorScheduleDto(
                "u1", "Nadia", List.of(workingDay), "12:00", "14:00", 45, List.of(LocalDate.of(2026, 5, 4)), false, t);
        m.put(fr.mediance.protocol.CounsellorScheduleDto.class, schedule);
        m.put(
                fr.mediance.protocol.CounsellorSchedulesResponse.class,
                new fr.mediance.protocol.CounsellorSchedulesResponse(List.of(schedule)));
        m.put(
                fr.mediance.protocol.WeekProposalRequest.class,
                new fr.mediance.protocol.WeekProposalRequest(LocalDate.of(2026, 5, 4), List.of("u1"), 8));
        fr.mediance.protocol.ProposedStopDto stop = new fr.mediance.protocol.ProposedStopDto(
                "visit", "q1", null, "r1", "2026-0001", "follow_up", t, t, 12, false, place, List.of("Mardi."));
        m.put(fr.mediance.protocol.ProposedStopDto.class, stop);
        fr.mediance.protocol.ProposedRoundDto round = new fr.mediance.protocol.ProposedRoundDto(
                "u1", LocalDate.of(2026, 5, 4), t, t, 24, 12, t, t, List.of(stop));
        m.put(fr.mediance.protocol.ProposedRoundDto.class, round);
        fr.mediance.protocol.UnplannedRequestDto unplanned =
                new fr.mediance.protocol.UnplannedRequestDto("q2", "r2", "2026-0002", "week_full", "Semaine pleine.");
        m.put(fr.mediance.protocol.UnplannedRequestDto.class, unplanned);
        m.put(
                fr.mediance.protocol.WeekProposalDto.class,
                new fr.mediance.protocol.WeekProposalDto(
                        LocalDate.of(2026, 5, 4),
                        t,
                        "straight_line",
                        24,
                        1,
                        List.of(round),
                        List.of(unplanned),
                        List.of("Problème.")));
        m.put(ResidentDto.class, resident.withLocation(place));
        m.put(AppointmentDto.class, appointment);
        m.put(VisitReportDto.class, report);
        m.put(DocumentDto.class, document);
        m.put(CodeDto.class, code);
        m.put(OperationDto.class, op);
        m.put(OperationResultDto.class, result);
        m.put(
                PushRequest.class,
                new PushRequest(
                        "dev",
                        List.of(
                                op,
                                new OperationDto(
                                        "op2",
                                        EntityType.APPOINTMENT,
                                        "a1",
                                        2L,
                                        false,
                                        appointment,
                                        List.of("status", "statusReason")),
                                new OperationDto("op3", EntityType.VISIT_REPORT, "v1", null, false, report),
                                new OperationDto("op4", EntityType.DOCUMENT, "d1", null, false, document),
                                new OperationDto("op5", EntityType.DOCUMENT, "d0", 3L, true, null))));
        m.put(PushResponse.class, new PushResponse(List.of(result)));
        m.put(ChangeDto.class, new ChangeDto(EntityType.CODE, code.id(), 1, false, code));
        m.put(
                ChangesResponse.class,
                new ChangesResponse(
                        List.of(
                                new ChangeDto(EntityType.RESIDENT, "r1", 2, false, resident),
                                new ChangeDto(EntityType.APPOINTMENT, "a9", 3, true, null)),
                        "c1",
                        false));
        m.put(BlobReceiptDto.class, new BlobReceiptDto("0a".repeat(32), 10, true));
        m.put(BlobsHeldRequest.class, new BlobsHeldRequest(List.of("0a".repeat(32), "1b".repeat(32))));
        m.put(BlobsHeldResponse.class, new BlobsHeldResponse(List.of("1b".repeat(32))));
        m.put(
                ConflictDto.class,
                new ConflictDto(
                        "c1",
                        "s1",
                        EntityType.RESIDENT,
                        "r1",
                        "phone",
                        "06 00 00 00 00",
                        "06 11 11 11 11",
                        "07 22 22 22 22",
                        "u2",
                        "u1",
                        t,
                        ConflictDto.RESOLVED,
                        "07 22 22 22 22",
                        "u3",
                        t.plusSeconds(60)));
        m.put(BlobStatusDto.class, new BlobStatusDto("0a".repeat(32), 10, t, true));
        HouseholdMemberDto member = new HouseholdMemberDto("h1", "spouse", "Ali", 1950);
        ContactPersonDto contact = new ContactPersonDto("p1", "Nadia", "fille", "06 00 00 00 01", true, false);
        EnergyCheckDto energy = new EnergyCheckDto(
                true,
                Boolean.TRUE,
                "limited",
                1L,
                LocalDate.of(2026, 10, 1),
                "electric_convector",
                List.of("thermostat_19"),
                List.of("humidity"),
                "france_renov");
        ActionDto action = new ActionDto(
                "x1",
                "demande_aide_fsl",
                "energie",
                "Département",
                LocalDate.of(2026, 11, 27),
                "pending",
                41_250L,
                null,
                "FSL-1",
                true,
                "m1",
                null);
        OrientationDto orientation =
                new OrientationDto("o1", "ccas", "Aide", LocalDate.of(2026, 11, 27), "warm_handover", true, null);
        CheckInDto checkIn = new CheckInDto(43_300_000L, 5_400_000L, 15L, t);
        m.put(HouseholdMemberDto.class, member);
        m.put(ContactPersonDto.class, contact);
        m.put(EnergyCheckDto.class, energy);
        m.put(ActionDto.class, action);
        m.put(OrientationDto.class, orientation);
        m.put(CheckInDto.class, checkIn);
        m.put(
                TaskDto.class,
                new TaskDto(
                        "t1",
                        "s1",
                        "r1",
                        "v1",
                        "u1",
                        "Vérifier la décision FSL",
                        LocalDate.of(2027, 1, 26),
                        TaskDto.TODO,
                        "fsl_decision",
                        "x1",
                        t,
                        null));
        m.put(
                ConsentDto.class,
                new ConsentDto("c1", "s1", "r1", "photo_documents", null, null, t, null, "d2", "u1", "screen"));
        m.put(
                MandateDto.class,
                new MandateDto(
                        "m1",
                        "s1",
                        "r1",
                        List.of("energie"),
                        List.of("EDF"),
                        "six_months",
                        LocalDate.of(2026, 11, 27),
                        LocalDate.of(2027, 5, 26),
                        null,
                        true,
                        "Marseille",
                        List.of("u1"),
                        "d3",
                        "d4",
                        "tablet_signature",
                        t));
        m.put(PrivateNoteDto.class, new PrivateNoteDto("n1", "s1", "r1", "u1", "Note", t));
        InstalmentDto instalment =
                new InstalmentDto(LocalDate.of(2027, 1, 5), 13_750, LocalDate.of(2027, 1, 4), 13_750);
        m.put(InstalmentDto.class, instalment);
        m.put(
                PaymentPlanDto.class,
                new PaymentPlanDto(
                        "pp1",
                        "s1",
                        "r1",
                        "edf",
                        List.of("d1"),
                        LocalDate.of(2026, 12, 1),
                        27_500,
                        1,
                        "active",
                        List.of(instalment, new InstalmentDto(LocalDate.of(2027, 2, 5), 13_750, null, 0)),
                        "doc1",
                        "Note"));
        fr.mediance.protocol.PartnerServiceDto partnerService = new fr.mediance.protocol.PartnerServiceDto(
                "accueil",
                "Accueil",
                "215 chemin de Gibbes",
                "13014",
                "Marseille",
                "3230",
                "accueil@example.fr",
                "Lun–ven 8h30–16h",
                List.of("piece_identite"),
                "Sur rendez-vous");
        m.put(fr.mediance.protocol.PartnerServiceDto.class, partnerService);
        m.put(
                fr.mediance.protocol.PartnerDto.class,
                new fr.mediance.protocol.PartnerDto(
                        "caf_13",
                        "caf",
                        "CAF des Bouches-du-Rhône",
                        List.of("indus"),
                        List.of(partnerService),
                        "https://www.caf.fr",
                        true));
        m.put(
                OverindebtednessFileDto.class,
                new OverindebtednessFileDto(
                        "o1",
                        "s1",
                        "r1",
                        "paper",
                        false,
                        LocalDate.of(2026, 9, 1),
                        LocalDate.of(2026, 9, 15),
                        "plan",
                        LocalDate.of(2026, 11, 2),
                        LocalDate.of(2027, 1, 10),
                        84,
                        95_000L,
                        20_000L,
                        true,
                        "Note",
                        t));
        BudgetLineDto line = new BudgetLineDto("income", "salaire", 165_000, "monthly", false, true, "Salaire");
        m.put(BudgetLineDto.class, line);
        m.put(
                BudgetDto.class,
                new BudgetDto("b1", "s1", "r1", "u1", LocalDate.of(2026, 12, 7), 2, 1, List.of(line), "Note", t));
        m.put(
                AidApplicationDto.class,
                new AidApplicationDto(
                        "a1",
                        "s1",
                        "r1",
                        "u1",
                        "fsl_energie",
                        "13",
                        "MDS",
                        List.of("d1"),
                        List.of("rib"),
                        41_230L,
                        30_000L,
                        "supplier",
                        "granted",
                        LocalDate.of(2026, 11, 20),
                        LocalDate.of(2026, 11, 24),
                        null,
                        LocalDate.of(2026, 12, 4),
                        null,
                        "Note",
                        t));
        fr.mediance.protocol.CaseOutcomeDto outcome = new fr.mediance.protocol.CaseOutcomeDto("fsl_granted", 45_000L);
        m.put(fr.mediance.protocol.CaseOutcomeDto.class, outcome);
        m.put(
                fr.mediance.protocol.CaseDto.class,
                new fr.mediance.protocol.CaseDto(
                        "k1",
                        "s1",
                        "r1",
                        "u1",
                        LocalDate.of(2026, 11, 2),
                        "q1",
                        List.of("energie"),
                        List.of("Objectif"),
                        "closed",
                        LocalDate.of(2026, 12, 1),
                        "goals_met",
                        List.of(outcome),
                        t,
                        "u1"));
        fr.mediance.protocol.HomeVisitDto homeVisit = new fr.mediance.protocol.HomeVisitDto(
                fr.mediance.protocol.HomeVisits.FIRST_VISIT, 75, List.of("tue_pm"), List.of(LocalDate.of(2026, 12, 3)));
        m.put(fr.mediance.protocol.HomeVisitDto.class, homeVisit);
        m.put(
                fr.mediance.protocol.RequestDto.class,
                new fr.mediance.protocol.RequestDto(
                                "q1",
                                "s1",
                                "r1",
                                "k1",
                                LocalDate.of(2026, 11, 2),
                                "phone",
                                "edf_solidarite",
                                List.of("energie"),
                                List.of("court_date"),
                                LocalDate.of(2026, 12, 20),
                                "Demande",
                                "new",
                                null,
                                t,
                                "u1")
                        .withHomeVisit(homeVisit));
        m.put(
                fr.mediance.protocol.AnonymousContactDto.class,
                new fr.mediance.protocol.AnonymousContactDto(
                        "a1", "s1", "u1", t, "desk", List.of("energie"), List.of(), List.of(), "65_plus", 10));
        fr.mediance.protocol.ChequeEnergieDto cheque =
                new fr.mediance.protocol.ChequeEnergieDto(2026, 19_400L, LocalDate.of(2026, 5, 4));
        fr.mediance.protocol.SupplyStateDto state = new fr.mediance.protocol.SupplyStateDto(
                "ss1", "limited", 3L, LocalDate.of(2026, 11, 20), "visit", "v1");
        m.put(fr.mediance.protocol.ChequeEnergieDto.class, cheque);
        m.put(fr.mediance.protocol.SupplyStateDto.class, state);
        m.put(
                fr.mediance.protocol.EnergyContractDto.class,
                new fr.mediance.protocol.EnergyContractDto(
                        "ec1",
                        "s1",
                        "r1",
                        "electricite",
                        "edf",
                        "trv",
                        "12345678901234",
                        6L,
                        true,
                        "monthly",
                        "CL-1",
                        LocalDate.of(2026, 10, 2),
                        List.of(cheque),
                        List.of(state)));
        fr.mediance.protocol.DebtStageDto stage =
                new fr.mediance.protocol.DebtStageDto("reminder_1", LocalDate.of(2026, 10, 1));
        m.put(fr.mediance.protocol.DebtStageDto.class, stage);
        m.put(
                fr.mediance.protocol.DebtDto.class,
                new fr.mediance.protocol.DebtDto(
                        "dt1",
                        "s1",
                        "r1",
                        "energie",
                        "edf",
                        "ec1",
                        41_250L,
                        LocalDate.of(2026, 9, 1),
                        null,
                        LocalDate.of(2026, 10, 1),
                        null,
                        null,
                        null,
                        null,
                        "acknowledged",
                        List.of(stage)));
        fr.mediance.protocol.AuditEventDto event = new fr.mediance.protocol.AuditEventDto(
                "e1", t, "u1", "conseil1", "dev", "device", "read", "resident", "r1", "r1", "fiche ouverte");
        m.put(fr.mediance.protocol.AuditEventDto.class, event);
        m.put(
                fr.mediance.protocol.AuditEventsRequest.class,
                new fr.mediance.protocol.AuditEventsRequest(List.of(event)));
        m.put(fr.mediance.protocol.AuditEventsReceipt.class, new fr.mediance.protocol.AuditEventsReceipt(1, 2));
        m.put(fr.mediance.protocol.AuditPage.class, new fr.mediance.protocol.AuditPage(List.of(event), "42"));
        return m;
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            // best effort: a temp directory
        }
    }
}
