package fr.mediance.bench;

import fr.mediance.app.core.CoreContext;
import fr.mediance.app.core.session.AccountInfo;
import fr.mediance.app.core.session.SessionManager;
import fr.mediance.app.core.store.Crypto;
import fr.mediance.app.core.store.Database;
import fr.mediance.app.core.store.Records;
import fr.mediance.app.core.store.Tx;
import fr.mediance.protocol.ActionDto;
import fr.mediance.protocol.AidApplicationDto;
import fr.mediance.protocol.AppointmentDto;
import fr.mediance.protocol.BudgetDto;
import fr.mediance.protocol.BudgetLineDto;
import fr.mediance.protocol.CaseDto;
import fr.mediance.protocol.CodeDto;
import fr.mediance.protocol.ConsentDto;
import fr.mediance.protocol.ContactPersonDto;
import fr.mediance.protocol.DebtDto;
import fr.mediance.protocol.DocumentDto;
import fr.mediance.protocol.EnergyCheckDto;
import fr.mediance.protocol.EnergyContractDto;
import fr.mediance.protocol.EntityDto;
import fr.mediance.protocol.GeoPointDto;
import fr.mediance.protocol.HouseholdMemberDto;
import fr.mediance.protocol.MandateDto;
import fr.mediance.protocol.OrientationDto;
import fr.mediance.protocol.RequestDto;
import fr.mediance.protocol.ResidentDto;
import fr.mediance.protocol.Role;
import fr.mediance.protocol.SupplyStateDto;
import fr.mediance.protocol.TaskDto;
import fr.mediance.protocol.VisitReportDto;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Builds the device of a busy structure's counsellor, as it is after a year or two of use: a real encrypted
 * store (app-core {@link Database}, current schema) filled through {@link Records#upsert} in batched
 * transactions, and the account file wrapping its key with the benchmark PIN (310,000 PBKDF2 iterations, as a
 * real device). Seeded: the same inputs give the same store. The store is kept under {@code bench/target},
 * named by {@link #VERSION} and the day it was built for (appointments are placed around that day).
 */
final class ClientStoreGenerator {
    /** Bump when the generated content changes, so that a cached store is rebuilt. */
    static final int VERSION = 4;

    static final String PIN = AppStartup.PIN;
    static final String COUNSELLOR = "bench-counsellor";
    static final String STRUCTURE = "bench-structure";
    static final int RESIDENTS = 20_000;
    static final int VISITS = 100_000;
    static final int DOCUMENTS = 200_000;
    static final int APPOINTMENTS = 30_000;
    static final int TASKS = 40_000;
    static final int COUNSELLORS = 12;
    private static final int BATCH = 5_000;
    private static final String DONE_MARKER = "generated";
    private static final ZoneId PARIS = CoreContext.PARIS;

    static final String[] LAST_NAMES = {
        "Martin",
        "Bernard",
        "Lefèvre",
        "Benyahia",
        "Müller",
        "Garcia",
        "Rousseau",
        "Dupré",
        "Fabre",
        "Bénard",
        "Mercier",
        "Castellano",
        "Haddad",
        "Diallo",
        "Nguyen",
        "Girard",
        "Lopez",
        "Fournier",
        "Chérif",
        "Bouchard",
        "Pérez",
        "Mézière",
        "Noël",
        "Faure",
        "Gauthier",
        "Leroy",
        "Moreau",
        "Giraud",
        "Ferrand",
        "Aubert",
        "Santoro",
        "Brémond",
        "Delaunay",
        "Kébé",
        "Ménard",
        "Roche",
        "Ollivier",
        "Esposito",
        "Benali",
        "Zerrouki",
        "Massé",
        "Gérard",
        "Boyer",
        "Chevalier",
        "Hébert",
        "Colin",
        "Vidal",
        "Blanc",
        "Guérin",
        "Marchetti",
        "Amrani",
        "Coste",
        "Agostini",
        "Thérond",
        "Le Goff",
        "D'Angelo",
        "Saint-Jean",
        "Ouédraogo",
        "Mbaye",
        "Pélissier",
        "Hoarau",
        "Grégoire",
        "Léger",
        "Barré",
        "Camus",
        "Sébastien",
        "Durand",
        "Petit",
        "Robert",
        "Richard",
        "Dubois",
        "Laurent",
        "Simon",
        "Michel",
        "Lefebvre",
        "Bertrand",
        "Roux",
        "Vincent",
        "Fontaine",
        "Lambert",
        "Bonnet",
        "François",
        "Legrand",
        "Garnier",
        "Rivière",
        "Lucas",
        "Brun",
        "Ravel",
        "Émery",
        "Éloi",
        "Ângelo",
        "Chaâbane",
        "Belkacem",
        "Torrès",
        "Costa",
        "Ferreira",
        "Dumas",
        "Arnaud",
        "Paoli",
        "Cristofari"
    };
    static final String[] FIRST_NAMES = {
        "Fatima",
        "Gérard",
        "Aïcha",
        "Jean-Pierre",
        "Lucie",
        "Karim",
        "Hélène",
        "Frédéric",
        "Josiane",
        "Mohamed",
        "Chloé",
        "Zoé",
        "Noël",
        "Jérôme",
        "Gaëlle",
        "Raphaël",
        "Mireille",
        "Marcel",
        "Yvette",
        "Rachid",
        "Nadia",
        "Françoise",
        "Stéphane",
        "Loïc",
        "Anaïs",
        "Joël",
        "Agnès",
        "André",
        "Cécile",
        "Denise",
        "Émile",
        "Édith",
        "Thérèse",
        "René",
        "Hervé",
        "Sébastien",
        "Mélanie",
        "Océane",
        "Maëlys",
        "Inès",
        "Yasmine",
        "Samir",
        "Léa",
        "Mathéo",
        "Célestin",
        "Ginette",
        "Odette",
        "Paulette",
        "Renée",
        "Monique",
        "Jacqueline",
        "Marie-Thérèse",
        "José",
        "Antonio",
        "Giuseppe",
        "Khadija",
        "Mamadou",
        "Aminata",
        "Nicolas",
        "Sophie",
        "Christiane",
        "Bernadette",
        "Lucien",
        "Fernand",
        "Irène",
        "Éric"
    };
    static final String[] STREETS = {
        "rue de la République",
        "boulevard Baille",
        "avenue du Prado",
        "rue d'Aubagne",
        "boulevard National",
        "chemin de Château-Gombert",
        "traverse de la Martine",
        "rue Félix Pyat",
        "boulevard de Sainte-Marguerite",
        "rue Paradis",
        "cours Belsunce",
        "rue Sainte-Cécile",
        "allée des Pins",
        "avenue de Saint-Just",
        "boulevard Michelet",
        "rue Loubon",
        "rue de Lodi",
        "chemin du Littoral",
        "boulevard de la Libération",
        "avenue de la Rose",
        "rue Léon Bourgeois",
        "boulevard Jean Moulin",
        "rue Saint-Pierre",
        "boulevard Romain Rolland",
        "avenue des Chartreux",
        "rue du Rouet",
        "rue Breteuil",
        "chemin des Bourrely",
        "boulevard Gèze",
        "avenue Élléon",
        "rue Abbé-de-l'Épée",
        "traverse Prat",
        "impasse des Mûriers",
        "rue Édouard Delanglade",
        "boulevard de Plombières",
        "rue de Crimée",
        "rue Nationale",
        "avenue Roger Salengro",
        "chemin de la Madrague-Ville",
        "montée des Accoules"
    };
    static final String[] BUILDINGS = {
        "",
        "",
        "",
        "bât. B, ",
        "bât. C2, esc. 3, ",
        "résidence Les Flamants, ",
        "cité Félix Pyat, bât. A, ",
        "Parc Kalliste, bât. H, "
    };
    private static final String[] DOMAINS = {
        "energie", "eau", "logement", "telephonie", "banque", "sante", "administratif", "budget"
    };
    private static final String[] ISSUERS = {
        "EDF",
        "Engie",
        "Société des Eaux de Marseille",
        "13 Habitat",
        "CAF des Bouches-du-Rhône",
        "CPAM 13",
        "Orange",
        "SFR",
        "Banque Postale",
        "Trésor public",
        "Logirem"
    };
    private static final String[] DOCUMENT_TYPES = {
        "facture", "courrier", "echeancier", "avis_imposition", "attestation", "releve"
    };
    private static final String[] SYNTHESES = {
        "Facture d'électricité de 412,50 € non réglée ; échéancier demandé au fournisseur.",
        "Courrier de relance de la CAF reçu ; dossier d'aide au logement à compléter avec la personne.",
        "Chèque énergie non utilisé ; explications données, chèque envoyé au fournisseur.",
        "Compteur d'eau relevé avec la personne ; consommation anormale signalée au bailleur.",
        "Dossier FSL déposé pour impayés de loyer ; décision attendue sous deux mois.",
        "Orientation vers l'assistante sociale de secteur avec accord de la personne.",
        "Point sur le budget : charges fixes listées, reste à vivre calculé.",
        "Appel au fournisseur pour éviter une coupure ; délai de paiement obtenu."
    };

    private final Path cacheRoot;
    private final LocalDate today;

    ClientStoreGenerator(Path cacheRoot, LocalDate today) {
        this.cacheRoot = cacheRoot;
        this.today = today;
    }

    /** The device directory for today, generated if it is not already cached. */
    Path device() throws IOException {
        Path dir = cacheRoot.resolve("client-store-v" + VERSION + "-" + today);
        if (Files.exists(dir.resolve(DONE_MARKER))) {
            System.out.println("client-store: using the cached store " + dir);
            return dir;
        }
        Files.createDirectories(cacheRoot);
        try (Stream<Path> old = Files.list(cacheRoot)) {
            for (Path p : old.filter(p -> p.getFileName().toString().startsWith("client-store-"))
                    .toList()) {
                deleteTree(p);
            }
        }
        Path tmp = cacheRoot.resolve("tmp-client-store-" + UUID.randomUUID());
        long t0 = System.nanoTime();
        byte[] key = Crypto.randomBytes(Database.KEY_BYTES);
        try {
            try (Database db = Database.open(tmp.resolve(SessionManager.DATABASE_FILE), key)) {
                fill(db);
                db.checkpoint();
            }
            SessionManager.provisionDevice(
                    tmp,
                    new AccountInfo(
                            COUNSELLOR,
                            "conseil.bench",
                            "Camille Rossi",
                            Role.COUNSELLOR,
                            STRUCTURE,
                            "http://127.0.0.1:9",
                            "bench-device"),
                    PIN.toCharArray(),
                    SessionManager.DEFAULT_PIN_ITERATIONS,
                    key);
        } finally {
            Crypto.wipe(key);
        }
        Files.writeString(tmp.resolve(DONE_MARKER), "version " + VERSION + " for " + today + "\n");
        Files.move(tmp, dir, StandardCopyOption.ATOMIC_MOVE);
        System.out.printf(
                "client-store: generated %s in %d s (%d MB)%n",
                dir,
                (System.nanoTime() - t0) / 1_000_000_000,
                Files.size(dir.resolve(SessionManager.DATABASE_FILE)) >> 20);
        return dir;
    }

    private static void deleteTree(Path p) throws IOException {
        try (Stream<Path> all = Files.walk(p)) {
            for (Path f : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(f);
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /** The residents' ids, in generation order (the benchmark draws its inputs from the same seed). */
    static String residentId(int i) {
        return String.format("00000000-0000-4000-8000-%012d", i);
    }

    static String fileNumber(int i) {
        return String.format("D-%d-%05d", 2019 + i % 7, i);
    }

    /** A phone number in one of the spellings counsellors type. */
    static String phone(int i) {
        String d = String.format("0%d%08d", 6 + i % 2, (i * 7919L) % 100_000_000L);
        return switch (i % 4) {
            case 0 -> d.replaceAll("(..)(?=.)", "$1 ");
            case 1 -> d;
            case 2 -> "+33 " + d.charAt(1) + " " + d.substring(2).replaceAll("(..)(?=.)", "$1 ");
            default -> d.replaceAll("(..)(?=.)", "$1.");
        };
    }

    static String counsellor(int i) {
        return i == 0 ? COUNSELLOR : "counsellor-" + i;
    }

    private void fill(Database db) {
        Random rnd = new Random(20261126L);
        Instant now = today.atTime(7, 0).atZone(PARIS).toInstant();
        db.inTransaction(tx -> {
            codes(tx, now);
            for (int c = 0; c < COUNSELLORS; c++) {
                tx.update(
                        "INSERT INTO users(id, username, display_name, role, structure_id, fetched_at) VALUES (?, ?, ?, ?, ?, ?)",
                        counsellor(c),
                        "conseil" + c,
                        c == 0 ? "Camille Rossi" : FIRST_NAMES[c] + " " + LAST_NAMES[c],
                        Role.COUNSELLOR.code(),
                        STRUCTURE,
                        now);
            }
        });
        List<EntityDto> batch = new ArrayList<>(BATCH);
        for (int i = 0; i < RESIDENTS; i++) {
            batch.add(resident(i, rnd));
            flushIfFull(db, batch, now);
        }
        flush(db, batch, now);
        System.out.println("client-store: residents written");

        // appointments: the bench counsellor's working days over two years (4-8 home visits a day, up to four
        // weeks ahead), the colleagues' appointments for the rest
        List<AppointmentDto> mine = new ArrayList<>();
        LocalDate first = today.minusYears(2).plusWeeks(4);
        for (LocalDate d = first; !d.isAfter(today.plusWeeks(4)); d = d.plusDays(1)) {
            if (d.getDayOfWeek() == DayOfWeek.SATURDAY || d.getDayOfWeek() == DayOfWeek.SUNDAY) {
                continue;
            }
            int n = 4 + rnd.nextInt(5);
            LocalTime t = LocalTime.of(9, 0);
            for (int k = 0; k < n; k++) {
                int resident = rnd.nextInt(RESIDENTS / COUNSELLORS) * COUNSELLORS; // the counsellor's own residents
                mine.add(appointment(mine.size(), d, t, 0, resident, rnd));
                t = t.plusMinutes(60 + 15 * rnd.nextInt(3));
                if (t.isAfter(LocalTime.of(11, 30)) && t.isBefore(LocalTime.of(13, 30))) {
                    t = LocalTime.of(13, 30);
                }
            }
        }
        List<AppointmentDto> appointments = new ArrayList<>(mine);
        while (appointments.size() < APPOINTMENTS) {
            int c = 1 + rnd.nextInt(COUNSELLORS - 1);
            LocalDate d = first.plusDays(rnd.nextInt((int) (today.plusWeeks(4).toEpochDay() - first.toEpochDay())));
            if (d.getDayOfWeek() == DayOfWeek.SATURDAY || d.getDayOfWeek() == DayOfWeek.SUNDAY) {
                continue;
            }
            int resident = rnd.nextInt(RESIDENTS / COUNSELLORS) * COUNSELLORS + c;
            appointments.add(appointment(
                    appointments.size(), d, LocalTime.of(9 + rnd.nextInt(8), 15 * rnd.nextInt(4)), c, resident, rnd));
        }
        for (AppointmentDto a : appointments) {
            batch.add(a);
            flushIfFull(db, batch, now);
        }
        flush(db, batch, now);
        System.out.println("client-store: " + appointments.size() + " appointments written (" + mine.size()
                + " for the benchmark counsellor)");

        // visit reports: every past appointment that took place has its report; the rest are desk and phone
        // contacts spread over five years
        int visits = 0;
        int documents = 0;
        for (AppointmentDto a : appointments) {
            if (visits >= VISITS) {
                break;
            }
            if (!a.start().isBefore(now) || !"done".equals(a.status())) {
                continue;
            }
            documents += report(
                    batch, visits++, a.residentId(), a.counsellorId(), a.id(), a.start(), "home_visit", documents, rnd);
            flushIfFull(db, batch, now);
        }
        while (visits < VISITS) {
            int resident = rnd.nextInt(RESIDENTS);
            Instant at = now.minusSeconds(3600L * (1 + rnd.nextInt(5 * 365 * 24)));
            documents += report(
                    batch,
                    visits++,
                    residentId(resident),
                    counsellor(resident % COUNSELLORS),
                    null,
                    at,
                    rnd.nextBoolean() ? "phone" : "desk",
                    documents,
                    rnd);
            flushIfFull(db, batch, now);
        }
        flush(db, batch, now);
        while (documents < DOCUMENTS) { // documents brought to the desk, not attached to a report
            int resident = rnd.nextInt(RESIDENTS);
            batch.add(document(
                    documents++, null, residentId(resident), now.minusSeconds(60L * rnd.nextInt(2_000_000)), rnd));
            flushIfFull(db, batch, now);
        }
        flush(db, batch, now);
        System.out.println("client-store: " + visits + " visit reports and " + documents + " documents written");

        for (int i = 0; i < TASKS; i++) {
            batch.add(task(i, rnd, now));
            flushIfFull(db, batch, now);
        }
        for (int i = 0; i < RESIDENTS; i++) {
            Instant given = now.minusSeconds(86_400L * (30 + rnd.nextInt(900)));
            batch.add(new ConsentDto(
                    UUID.nameUUIDFromBytes(("consent-" + i).getBytes()).toString(),
                    STRUCTURE,
                    residentId(i),
                    "data_processing",
                    null,
                    "2024-1",
                    given,
                    rnd.nextInt(40) == 0 ? given.plusSeconds(86_400L * 200) : null,
                    null,
                    counsellor(i % COUNSELLORS),
                    "home_visit"));
            if (i % 3 == 0) {
                batch.add(new ConsentDto(
                        UUID.nameUUIDFromBytes(("consent-t-" + i).getBytes()).toString(),
                        STRUCTURE,
                        residentId(i),
                        "transmission",
                        "CCAS de Marseille",
                        "2024-1",
                        given,
                        null,
                        null,
                        counsellor(i % COUNSELLORS),
                        "home_visit"));
            }
            if (i % 4 == 0) {
                LocalDate start = LocalDate.ofInstant(given, PARIS);
                batch.add(new MandateDto(
                        UUID.nameUUIDFromBytes(("mandate-" + i).getBytes()).toString(),
                        STRUCTURE,
                        residentId(i),
                        List.of("energie", "eau"),
                        List.of(ISSUERS[i % 3]),
                        "P1Y",
                        start,
                        start.plusYears(1).minusDays(1),
                        null,
                        true,
                        "Marseille",
                        List.of(counsellor(i % COUNSELLORS)),
                        null,
                        null,
                        "paper",
                        given));
            }
            flushIfFull(db, batch, now);
        }
        flush(db, batch, now);
        System.out.println("client-store: tasks, consents and mandates written");
        casework(db, batch, rnd, now);
    }

    /**
     * The casework of every household: a case each (a third closed), a request for half of them, an electricity
     * contract for half with an unpaid bill for a quarter, two budget sheets for a third, an FSL application for a
     * sixth.
     */
    private void casework(Database db, List<EntityDto> batch, Random rnd, Instant now) {
        LocalDate today = LocalDate.ofInstant(now, PARIS);
        List<BudgetLineDto> lines = List.of(
                new BudgetLineDto("income", "rsa", 64_652, "monthly", false, true, null),
                new BudgetLineDto("income", "apl", 25_000, "monthly", true, true, null),
                new BudgetLineDto("charge", "loyer", 52_000, "monthly", false, true, null),
                new BudgetLineDto("charge", "electricite", 18_000, "every_2_months", false, false, "EDF"),
                new BudgetLineDto("charge", "eau", 3_000, "monthly", false, false, null),
                new BudgetLineDto("charge", "telephone_internet", 3_500, "monthly", false, false, null),
                new BudgetLineDto("credit", "credit", 9_000, "monthly", false, false, null));
        for (int i = 0; i < RESIDENTS; i++) {
            String resident = residentId(i);
            String who = counsellor(i % COUNSELLORS);
            LocalDate opened = today.minusDays(30 + rnd.nextInt(700));
            boolean closed = i % 3 == 0;
            String caseId = UUID.nameUUIDFromBytes(("case-" + i).getBytes()).toString();
            batch.add(new CaseDto(
                    caseId,
                    STRUCTURE,
                    resident,
                    who,
                    opened,
                    null,
                    List.of("energie"),
                    List.of("Stabiliser le budget"),
                    closed ? "closed" : "open",
                    closed ? opened.plusDays(90) : null,
                    closed ? "objectifs_atteints" : null,
                    List.of(),
                    now,
                    who));
            if (i % 2 == 0) {
                batch.add(new RequestDto(
                        UUID.nameUUIDFromBytes(("request-" + i).getBytes()).toString(),
                        STRUCTURE,
                        resident,
                        caseId,
                        opened,
                        "phone",
                        "edf_solidarite",
                        List.of("energie"),
                        List.of(),
                        null,
                        null,
                        "answered",
                        null,
                        now,
                        who));
                String contract =
                        UUID.nameUUIDFromBytes(("contract-" + i).getBytes()).toString();
                batch.add(new EnergyContractDto(
                        contract,
                        STRUCTURE,
                        resident,
                        "electricite",
                        "edf",
                        "trv",
                        String.format("%014d", i),
                        6L,
                        true,
                        "monthly",
                        null,
                        opened,
                        List.of(),
                        List.of(new SupplyStateDto(
                                UUID.nameUUIDFromBytes(("state-" + i).getBytes())
                                        .toString(),
                                "normal",
                                null,
                                opened,
                                "resident",
                                null))));
                if (i % 4 == 0) {
                    batch.add(new DebtDto(
                            UUID.nameUUIDFromBytes(("debt-" + i).getBytes()).toString(),
                            STRUCTURE,
                            resident,
                            "energie",
                            "edf",
                            contract,
                            20_000L + rnd.nextInt(150_000),
                            opened,
                            null,
                            opened.plusDays(20),
                            null,
                            null,
                            null,
                            null,
                            "acknowledged",
                            List.of()));
                    if (i % 8 == 0) {
                        // a payment plan of six monthly instalments, the first two paid
                        long total = 60_000L;
                        List<fr.mediance.protocol.InstalmentDto> instalments = new ArrayList<>();
                        for (int k = 0; k < 6; k++) {
                            LocalDate due = opened.plusMonths(k + 1);
                            instalments.add(
                                    k < 2
                                            ? new fr.mediance.protocol.InstalmentDto(due, total / 6, due, total / 6)
                                            : new fr.mediance.protocol.InstalmentDto(due, total / 6, null, 0));
                        }
                        batch.add(new fr.mediance.protocol.PaymentPlanDto(
                                UUID.nameUUIDFromBytes(("plan-" + i).getBytes()).toString(),
                                STRUCTURE,
                                resident,
                                "edf",
                                List.of(UUID.nameUUIDFromBytes(("debt-" + i).getBytes())
                                        .toString()),
                                opened.plusDays(25),
                                total,
                                1,
                                "active",
                                instalments,
                                null,
                                null));
                    }
                }
            }
            if (i % 3 == 0) {
                for (int k = 0; k < 2; k++) {
                    batch.add(new BudgetDto(
                            UUID.nameUUIDFromBytes(("budget-" + i + "-" + k).getBytes())
                                    .toString(),
                            STRUCTURE,
                            resident,
                            who,
                            opened.plusDays(60L * k),
                            2 + i % 3,
                            1,
                            lines,
                            null,
                            now));
                }
            }
            if (i % 6 == 0) {
                batch.add(new AidApplicationDto(
                        UUID.nameUUIDFromBytes(("aid-" + i).getBytes()).toString(),
                        STRUCTURE,
                        resident,
                        who,
                        "fsl_energie",
                        "13",
                        null,
                        List.of(),
                        List.of("piece_identite", "justificatif_dette", "rib"),
                        41_230L,
                        null,
                        null,
                        "submitted",
                        opened,
                        opened.plusDays(10),
                        null,
                        null,
                        null,
                        null,
                        now));
            }
            flushIfFull(db, batch, now);
        }
        flush(db, batch, now);
        System.out.println(
                "client-store: cases, requests, contracts, debts, payment plans, budgets and aid applications written");
    }

    private void flushIfFull(Database db, List<EntityDto> batch, Instant now) {
        if (batch.size() >= BATCH) {
            flush(db, batch, now);
        }
    }

    private static void flush(Database db, List<EntityDto> batch, Instant now) {
        db.inTransaction(tx -> {
            for (EntityDto dto : batch) {
                Records.upsert(tx, dto, 1L, now, Records.BLOB_NOT_DOWNLOADED);
            }
        });
        batch.clear();
    }

    private static void codes(Tx tx, Instant now) {
        String[][] codes = {
            {"appointment_type", "home_visit", "Visite à domicile"},
            {"appointment_type", "desk", "Permanence"},
            {"appointment_type", "phone", "Rendez-vous téléphonique"},
            {"appointment_status", "confirmed", "Confirmé"},
            {"appointment_status", "done", "Réalisé"},
            {"appointment_status", "cancelled", "Annulé"},
            {"appointment_status", "no_show", "Absent"},
            {"medium", "home_visit", "Visite à domicile"},
            {"medium", "desk", "Accueil"},
            {"medium", "phone", "Téléphone"},
            {"domain", "energie", "Énergie"},
            {"domain", "eau", "Eau"},
            {"domain", "logement", "Logement"},
            {"domain", "telephonie", "Téléphonie"},
            {"domain", "banque", "Banque"},
            {"domain", "sante", "Santé"},
            {"domain", "administratif", "Administratif"},
            {"domain", "budget", "Budget"},
            {"document_type", "facture", "Facture"},
            {"document_type", "courrier", "Courrier"},
            {"document_type", "echeancier", "Échéancier"},
            {"document_type", "avis_imposition", "Avis d'imposition"},
            {"document_type", "attestation", "Attestation"},
            {"document_type", "releve", "Relevé"}
        };
        for (int i = 0; i < codes.length; i++) {
            Records.upsert(tx, new CodeDto(codes[i][0], codes[i][1], codes[i][2], null, i, true), 1L, now, null);
        }
        // the supplier the contracts and debts name, from the partner directory
        Records.upsert(
                tx,
                new fr.mediance.protocol.PartnerDto(
                        "edf", "fournisseur_energie", "EDF", List.of("energie"), List.of(), null, true),
                1L,
                now,
                null);
    }

    private ResidentDto resident(int i, Random rnd) {
        String last = LAST_NAMES[rnd.nextInt(LAST_NAMES.length)];
        String first = FIRST_NAMES[rnd.nextInt(FIRST_NAMES.length)];
        boolean woman = rnd.nextBoolean();
        String street = BUILDINGS[rnd.nextInt(BUILDINGS.length)] + (1 + rnd.nextInt(180)) + " "
                + STREETS[rnd.nextInt(STREETS.length)];
        String postcode = String.format("130%02d", 1 + rnd.nextInt(16));
        LocalDate birth = LocalDate.of(1930 + rnd.nextInt(75), 1 + rnd.nextInt(12), 1 + rnd.nextInt(28));
        List<HouseholdMemberDto> household = new ArrayList<>();
        for (int k = rnd.nextInt(4); k > 0; k--) {
            household.add(new HouseholdMemberDto(
                    "h" + k,
                    k == 1 ? "conjoint" : "enfant",
                    FIRST_NAMES[rnd.nextInt(FIRST_NAMES.length)],
                    1940 + rnd.nextInt(80)));
        }
        List<ContactPersonDto> contacts = rnd.nextInt(3) == 0
                ? List.of(new ContactPersonDto(
                        "c1",
                        FIRST_NAMES[rnd.nextInt(FIRST_NAMES.length)] + " " + last,
                        "fille",
                        phone(i + 7),
                        true,
                        false))
                : List.of();
        return new ResidentDto(
                residentId(i),
                STRUCTURE,
                fileNumber(i),
                woman ? "Mme" : "M.",
                last,
                first,
                birth,
                rnd.nextInt(20) == 0 ? null : phone(i),
                street,
                postcode,
                "Marseille",
                rnd.nextInt(3) == 0 ? "Digicode 4521B, 3e étage sans ascenseur, sonner deux fois." : null,
                rnd.nextInt(2) == 0 ? "mobilite_reduite" : "isolement",
                counsellor(i % COUNSELLORS),
                "active",
                woman && rnd.nextInt(3) == 0 ? LAST_NAMES[rnd.nextInt(LAST_NAMES.length)] : null,
                null,
                false,
                "le matin",
                "fr",
                false,
                rnd.nextBoolean() ? "locataire_social" : "locataire_prive",
                rnd.nextBoolean() ? "13 Habitat" : null,
                Boolean.TRUE,
                "retraite",
                rnd.nextInt(15) == 0 ? "curatelle_renforcee" : "aucune",
                null,
                "ccas",
                "CCAS de Marseille",
                "Personne suivie pour des impayés d'énergie ; échéancier en cours.",
                household,
                contacts,
                new GeoPointDto(
                        43.25 + rnd.nextDouble() * 0.12,
                        5.32 + rnd.nextDouble() * 0.16,
                        GeoPointDto.SOURCE_BAN,
                        GeoPointDto.PRECISION_HOUSE));
    }

    private AppointmentDto appointment(int n, LocalDate day, LocalTime time, int counsellor, int resident, Random rnd) {
        Instant start = day.atTime(time).atZone(PARIS).toInstant();
        boolean past = day.isBefore(today);
        String status = !past
                ? "confirmed"
                : switch (rnd.nextInt(12)) {
                    case 0 -> "cancelled";
                    case 1 -> "no_show";
                    default -> "done";
                };
        return new AppointmentDto(
                UUID.nameUUIDFromBytes(("appointment-" + n).getBytes()).toString(),
                STRUCTURE,
                residentId(resident),
                counsellor(counsellor),
                "home_visit",
                start,
                start.plusSeconds(3600),
                status,
                null,
                rnd.nextInt(4) == 0 ? "Apporter l'échéancier EDF et le dernier avis d'imposition." : null,
                "cancelled".equals(status) ? "Hospitalisation" : null,
                List.of("Dernière facture d'énergie", "Avis d'imposition"),
                null);
    }

    /** Adds a completed report and its documents to the batch; returns the number of documents added. */
    private int report(
            List<EntityDto> batch,
            int n,
            String resident,
            String counsellor,
            String appointment,
            Instant at,
            String medium,
            int firstDocument,
            Random rnd) {
        String id = UUID.nameUUIDFromBytes(("visit-" + n).getBytes()).toString();
        String domain = DOMAINS[rnd.nextInt(DOMAINS.length)];
        LocalDate day = LocalDate.ofInstant(at, PARIS);
        List<ActionDto> actions = new ArrayList<>();
        for (int k = rnd.nextInt(3); k > 0; k--) {
            actions.add(new ActionDto(
                    "a" + k,
                    rnd.nextBoolean() ? "fsl_request" : "payment_plan",
                    domain,
                    ISSUERS[rnd.nextInt(ISSUERS.length)],
                    day,
                    rnd.nextBoolean() ? "obtained" : "pending",
                    (long) (5_000 + rnd.nextInt(90_000)),
                    null,
                    "REF-" + rnd.nextInt(1_000_000),
                    false,
                    null,
                    null));
        }
        List<OrientationDto> orientations = rnd.nextInt(4) == 0
                ? List.of(new OrientationDto("o1", "ccas", "Aide financière ponctuelle", day, "mail", true, null))
                : List.of();
        EnergyCheckDto energy = "home_visit".equals(medium) && "energie".equals(domain)
                ? new EnergyCheckDto(
                        true, Boolean.TRUE, "normal", null, null, "electrique", List.of("thermostat"), List.of(), null)
                : null;
        batch.add(new VisitReportDto(
                id,
                STRUCTURE,
                appointment,
                resident,
                counsellor,
                medium,
                List.of(domain),
                SYNTHESES[rnd.nextInt(SYNTHESES.length)],
                null,
                null,
                at,
                at.plusSeconds(3000),
                null,
                "home_visit".equals(medium) ? "domicile" : null,
                45,
                List.of("resident"),
                List.of(domain + "_impaye"),
                energy,
                actions,
                orientations,
                null,
                true,
                null));
        int docs = n % 2 == 0 ? rnd.nextInt(3) : 1 + rnd.nextInt(3);
        for (int k = 0; k < docs; k++) {
            batch.add(document(firstDocument + k, id, resident, at.plusSeconds(60L * k), rnd));
        }
        return docs;
    }

    private DocumentDto document(int n, String report, String resident, Instant at, Random rnd) {
        LocalDate day = LocalDate.ofInstant(at, PARIS);
        String type = DOCUMENT_TYPES[rnd.nextInt(DOCUMENT_TYPES.length)];
        return new DocumentDto(
                UUID.nameUUIDFromBytes(("document-" + n).getBytes()).toString(),
                STRUCTURE,
                report,
                resident,
                type,
                String.format("%064x", (long) n * 2_654_435_761L),
                "image/jpeg",
                250_000 + rnd.nextInt(500_000),
                at,
                retention(n),
                type.equals("facture") ? "Facture" : null,
                ISSUERS[rnd.nextInt(ISSUERS.length)],
                type.equals("facture") ? (long) (1_000 + rnd.nextInt(80_000)) : null,
                type.equals("facture") ? day.plusDays(20) : null,
                List.of("fsl"),
                "photo_in_app");
    }

    /** Every generated document is still within its retention period, so that the device holds all 200,000. */
    private LocalDate retention(int n) {
        return today.plusDays(30 + n % 700);
    }

    private TaskDto task(int n, Random rnd, Instant now) {
        int resident = rnd.nextInt(RESIDENTS);
        boolean mine = n % 40 == 0; // the benchmark counsellor's share: about 1,000 tasks, a third still open
        String assignee = mine ? COUNSELLOR : counsellor(1 + rnd.nextInt(COUNSELLORS - 1));
        LocalDate due = today.plusDays(rnd.nextInt(120) - 100);
        boolean open = due.isAfter(today.minusDays(30)) ? rnd.nextInt(10) < 8 : rnd.nextInt(10) == 0;
        return new TaskDto(
                UUID.nameUUIDFromBytes(("task-" + n).getBytes()).toString(),
                STRUCTURE,
                residentId(resident),
                null,
                assignee,
                rnd.nextBoolean() ? "Vérifier la décision FSL" : "Rappeler la personne",
                due,
                open ? TaskDto.TODO : TaskDto.DONE,
                rnd.nextBoolean() ? "fsl_check" : null,
                null,
                now.minusSeconds(86_400L * 60),
                open ? null : now.minusSeconds(86_400L * rnd.nextInt(90)));
    }
}
