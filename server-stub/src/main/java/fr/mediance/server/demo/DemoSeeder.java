package fr.mediance.server.demo;

import fr.mediance.protocol.Accounts;
import fr.mediance.protocol.ActionDto;
import fr.mediance.protocol.AppointmentDto;
import fr.mediance.protocol.Casework;
import fr.mediance.protocol.ChequeEnergieDto;
import fr.mediance.protocol.ConsentDto;
import fr.mediance.protocol.ContactPersonDto;
import fr.mediance.protocol.CounsellorScheduleDto;
import fr.mediance.protocol.DebtDto;
import fr.mediance.protocol.DebtStageDto;
import fr.mediance.protocol.EnergyCheckDto;
import fr.mediance.protocol.EnergyContractDto;
import fr.mediance.protocol.EntityDto;
import fr.mediance.protocol.GeoPointDto;
import fr.mediance.protocol.HomeVisitDto;
import fr.mediance.protocol.HomeVisits;
import fr.mediance.protocol.HouseholdMemberDto;
import fr.mediance.protocol.MandateDto;
import fr.mediance.protocol.OrientationDto;
import fr.mediance.protocol.PrivateNoteDto;
import fr.mediance.protocol.RequestDto;
import fr.mediance.protocol.ResidentDto;
import fr.mediance.protocol.Role;
import fr.mediance.protocol.Rounds;
import fr.mediance.protocol.SupplyStateDto;
import fr.mediance.protocol.TaskDto;
import fr.mediance.protocol.VisitReportDto;
import fr.mediance.protocol.WorkingDayDto;
import fr.mediance.server.auth.PasswordHasher;
import fr.mediance.server.db.Database;
import fr.mediance.server.db.Tx;
import fr.mediance.server.planning.PlanningSeeds;
import fr.mediance.server.sync.EntityWriter;
import fr.mediance.server.user.UserStore;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The demo structure, created once (a second start on the same data leaves it alone): four accounts, eight
 * fictitious residents in Marseille and a believable week for conseil1 — appointments from the last working days
 * to the next ones (home visits, a desk, a phone call; proposed, confirmed, done, no-show) with checklists and
 * access notes, full files (household, contacts, one resident under curatelle with their curator, orienting
 * partners, syntheses), the information notice acknowledged, an active mandate (énergie, eau, 6 months), past
 * reports with actions and orientations and the follow-up tasks their rules created. Dates follow the server
 * clock, Europe/Paris.
 */
public final class DemoSeeder {
    public static final String STRUCTURE_ID = "demo-structure";
    public static final String STRUCTURE_NAME = "Médiance 13 – Point Service aux Particuliers";
    public static final String COORD = "demo-coord";
    public static final String CONSEIL1 = "demo-conseil1";
    public static final String CONSEIL2 = "demo-conseil2";
    public static final String BUREAU = "demo-bureau";
    /** Counsellors of the default demo: conseil1 and conseil2. */
    public static final int DEFAULT_COUNSELLORS = 2;
    /** The most counsellors a demo may have ({@code --demo-counsellors}). */
    public static final int MAX_COUNSELLORS = 1000;
    /** Residents of each counsellor beyond the first two, all of whom they are the referent of. */
    public static final int TEAM_RESIDENTS = 8;
    /** Today's appointments of each counsellor beyond the first two (home visits, a desk, a phone call). */
    public static final int TEAM_APPOINTMENTS_TODAY = 6;
    /** The demo's office, where every round starts: its address and its point on the map. */
    public static final String OFFICE_ADDRESS = "38 rue de la République, 13002 Marseille";

    public static final GeoPointDto OFFICE = GeoPointDto.manual(43.298600, 5.367400);
    /** The requests waiting for a home visit that the demo's week proposal plans. */
    public static final int WAITING_REQUESTS = 12;

    private static final Logger LOG = LoggerFactory.getLogger(DemoSeeder.class);
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final char[] PASSWORD_ALPHABET =
            "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789".toCharArray();

    private final Database db;
    private final UserStore users;
    private final EntityWriter writer;
    private final PasswordHasher hasher;
    private final Clock clock;

    public DemoSeeder(Database db, UserStore users, EntityWriter writer, PasswordHasher hasher, Clock clock) {
        this.db = db;
        this.users = users;
        this.writer = writer;
        this.hasher = hasher;
        this.clock = clock;
    }

    /**
     * Creates the demo data if it is not there yet. Answers the password it generated, if it had to (no
     * password given and the accounts were created now); empty otherwise.
     */
    public Optional<String> seed(String givenPassword) {
        return seed(givenPassword, DEFAULT_COUNSELLORS);
    }

    /**
     * The demo with {@code counsellors} counsellors: conseil1 and conseil2 as in the default demo, then conseil3 to
     * conseilN, each the referent of {@link #TEAM_RESIDENTS} residents of their own with a week of appointments
     * ({@link #TEAM_APPOINTMENTS_TODAY} today, two on each of the next three working days). Same password for every
     * account. For demonstrations of a bigger team and for load tests.
     */
    public Optional<String> seed(String givenPassword, int counsellors) {
        if (counsellors < DEFAULT_COUNSELLORS || counsellors > MAX_COUNSELLORS) {
            throw new IllegalArgumentException("demo counsellors out of range: " + counsellors);
        }
        if (db.read(tx -> users.structureExists(tx, STRUCTURE_ID))) {
            LOG.info("demo data already present");
            return Optional.empty();
        }
        String password = givenPassword != null && !givenPassword.isEmpty() ? givenPassword : generatePassword();
        String hash = hasher.hash(password);
        Instant now = clock.instant();
        db.inSequencedTransaction(tx -> {
            writer.beginWrite(tx);
            users.createStructure(tx, STRUCTURE_ID, STRUCTURE_NAME, now);
            users.createUser(tx, COORD, STRUCTURE_ID, "coord", "Claire Fabre", Role.COORDINATOR, hash, now);
            users.createUser(tx, CONSEIL1, STRUCTURE_ID, "conseil1", "Nadia Haddad", Role.COUNSELLOR, hash, now);
            users.createUser(tx, CONSEIL2, STRUCTURE_ID, "conseil2", "Julien Roux", Role.COUNSELLOR, hash, now);
            users.createUser(tx, BUREAU, STRUCTURE_ID, "bureau", "Sophie Garcia", Role.OFFICE, hash, now);
            residentsAndAppointments(tx, now);
            for (int k = DEFAULT_COUNSELLORS + 1; k <= counsellors; k++) {
                teamCounsellor(tx, k, hash, now);
            }
            return null;
        });
        LOG.info("demo structure created with {} counsellors", counsellors);
        return givenPassword != null && !givenPassword.isEmpty() ? Optional.empty() : Optional.of(password);
    }

    /**
     * Gives the demo's office and admin accounts the known second factor {@link Accounts#DEMO_TOTP_SECRET}, if they
     * have none yet (an account reset by the admin enrols its own afterwards).
     */
    public void enrolDemoSecondFactors() {
        db.inTransaction(tx -> {
            tx.update(
                    "UPDATE users SET totp_secret = ?, totp_enrolled = 1 WHERE structure_id = ? "
                            + "AND role IN ('office', 'admin') AND totp_secret IS NULL",
                    Accounts.DEMO_TOTP_SECRET,
                    STRUCTURE_ID);
            return null;
        });
    }

    private void residentsAndAppointments(Tx tx, Instant now) {
        LocalDate today = LocalDate.ofInstant(now, PARIS);
        int year = today.getYear();
        List<ResidentDto> residents = List.of(
                withFile(
                        resident(
                                1,
                                year,
                                "Mme",
                                "Benyahia",
                                "Fatima",
                                LocalDate.of(1946, 3, 12),
                                "06 12 34 56 01",
                                "14 rue des Lilas",
                                "13015",
                                "Interphone en panne : appeler depuis le bas de l'immeuble.",
                                "elderly",
                                CONSEIL1),
                        "social_tenant",
                        "13 Habitat",
                        "retired",
                        null,
                        null,
                        "partner",
                        "EDF – correspondant solidarité",
                        "Impayé d'électricité de 1 240 € (EDF). Demande d'aide FSL "
                                + "énergie déposée le " + DAY.format(today.minusDays(50)) + " ; appel au fournisseur "
                                + "pour suspendre le recouvrement. Vit seule, sa fille passe chaque semaine.",
                        List.of(new HouseholdMemberDto("hm-1-1", "declarant", null, 1946)),
                        List.of(new ContactPersonDto(
                                "cp-1-1", "Samira Benyahia", "fille", "06 45 12 78 90", true, false))),
                withFile(
                        resident(
                                2,
                                year,
                                "M.",
                                "Lopez",
                                "Gérard",
                                LocalDate.of(1952, 7, 2),
                                "06 12 34 56 02",
                                "27 boulevard de la Libération",
                                "13001",
                                "3e étage sans ascenseur, frapper fort.",
                                "disability",
                                CONSEIL1),
                        "private_tenant",
                        "Cabinet Provence Gestion",
                        "disability",
                        null,
                        null,
                        "social_worker",
                        "MDS Marseille Centre",
                        "Arriéré de loyer de 2 300 € ; échéancier "
                                + "proposé au bailleur (150 € par mois), réponse attendue. Orienté vers le point "
                                + "conseil budget.",
                        List.of(
                                new HouseholdMemberDto("hm-2-1", "declarant", null, 1952),
                                new HouseholdMemberDto("hm-2-2", "spouse", null, 1955)),
                        List.of()),
                resident(
                        3,
                        year,
                        "Mme",
                        "Diallo",
                        "Aïcha",
                        LocalDate.of(1991, 11, 23),
                        "07 12 34 56 03",
                        "8 traverse du Moulin",
                        "13014",
                        "Bébé de trois mois : ne pas sonner entre 13 h et 15 h.",
                        "infant",
                        CONSEIL2),
                resident(
                        4,
                        year,
                        "M.",
                        "Castellano",
                        "Jean-Pierre",
                        LocalDate.of(1958, 1, 30),
                        "06 12 34 56 04",
                        "45 avenue de Saint-Just",
                        "13013",
                        "Chien au domicile : prévenir 10 minutes avant d'arriver.",
                        "illness",
                        CONSEIL2),
                withFile(
                        resident(
                                5,
                                year,
                                "Mme",
                                "Mercier",
                                "Lucie",
                                LocalDate.of(1978, 5, 17),
                                "06 12 34 56 05",
                                "3 impasse des Oliviers",
                                "13016",
                                "Bâtiment B, deuxième porte à gauche après le portail.",
                                "no_transport",
                                null),
                        "social_tenant",
                        "Logirem",
                        "job_seeker",
                        null,
                        null,
                        "spontaneous",
                        null,
                        "Demande de chèque énergie envoyée ; attestation à transmettre au fournisseur dès "
                                + "réception.",
                        List.of(
                                new HouseholdMemberDto("hm-5-1", "declarant", null, 1978),
                                new HouseholdMemberDto("hm-5-2", "child_under_14", "Inès", 2015),
                                new HouseholdMemberDto("hm-5-3", "child_14_plus", "Noah", 2010)),
                        List.of()),
                resident(
                        6,
                        year,
                        "M.",
                        "Haddad",
                        "Karim",
                        LocalDate.of(1967, 9, 8),
                        "07 12 34 56 06",
                        "112 chemin du Littoral",
                        "13016",
                        "Préfère un appel la veille de la visite.",
                        "other",
                        CONSEIL2),
                withFile(
                        resident(
                                7,
                                year,
                                "Mme",
                                "Rossi",
                                "Marie-Thérèse",
                                LocalDate.of(1941, 10, 4),
                                "04 91 23 45 07",
                                "62 rue d'Aubagne",
                                "13006",
                                "Digicode 4512B, 1er étage à droite.",
                                "elderly",
                                CONSEIL1),
                        "private_tenant",
                        "M. Paul Arnaud",
                        "retired",
                        "curatelle_renforcee",
                        "UDAF 13 – M. Olivier Blanc, mandataire judiciaire, 04 91 00 12 34",
                        "partner",
                        "CCAS de Marseille",
                        "Courriers de relance de l'assurance habitation lus ensemble ; copie "
                                + "transmise au curateur.",
                        List.of(new HouseholdMemberDto("hm-7-1", "declarant", null, 1941)),
                        List.of(new ContactPersonDto(
                                "cp-7-1", "Olivier Blanc (UDAF 13)", "curateur", "04 91 00 12 34", false, false))),
                withFile(
                        resident(
                                8,
                                year,
                                "M.",
                                "Nguyen",
                                "Thanh",
                                LocalDate.of(1983, 2, 14),
                                "07 12 34 56 08",
                                "19 rue Félix Pyat",
                                "13003",
                                "Sonner chez « Nguyen-Tran ».",
                                null,
                                CONSEIL1),
                        "private_tenant",
                        "Foncia Marseille",
                        "employed",
                        null,
                        null,
                        "partner",
                        "CAF des " + "Bouches-du-Rhône",
                        "Factures d'eau contestées (fuite après compteur). Premier " + "rendez-vous à la permanence.",
                        List.of(
                                new HouseholdMemberDto("hm-8-1", "declarant", null, 1983),
                                new HouseholdMemberDto("hm-8-2", "spouse", "Linh", 1986),
                                new HouseholdMemberDto("hm-8-3", "child_under_14", "Minh", 2019)),
                        List.of()));
        for (ResidentDto r : residents) {
            writer.save(tx, r, STRUCTURE_ID, COORD, now, null, null);
        }
        List<LocalDate> days = workingDays(today, 4);
        List<LocalDate> past = previousWorkingDays(today, 2);
        List<AppointmentDto> appointments = new ArrayList<>();
        appointments.add(appointment(
                1,
                residents.get(0),
                CONSEIL1,
                "home_visit",
                days.get(0),
                9,
                30,
                60,
                "confirmed",
                "Apporter le dossier FSL énergie.",
                List.of("Récupérer l'avis d'imposition 2025", "Dernière facture EDF"),
                null));
        appointments.add(appointment(
                2,
                residents.get(1),
                CONSEIL1,
                "home_visit",
                days.get(0),
                14,
                0,
                60,
                "confirmed",
                "Relevé de compteur et factures EDF des six derniers mois.",
                List.of("Relever le compteur Linky", "Quittance de loyer du mois"),
                "Visite en binôme conseillée après 16 h (entrée de l'immeuble mal éclairée)."));
        appointments.add(appointment(
                3,
                residents.get(4),
                CONSEIL1,
                "home_visit",
                days.get(1),
                10,
                0,
                60,
                "proposed",
                "Premier rendez-vous : diagnostic budgétaire.",
                List.of("Récupérer l'avis d'imposition 2025", "Relevés de compte des trois derniers mois"),
                null));
        appointments.add(appointment(
                4,
                residents.get(0),
                CONSEIL1,
                "phone",
                days.get(2),
                15,
                0,
                30,
                "proposed",
                "Point sur la réponse du fournisseur.",
                List.of(),
                null));
        appointments.add(appointment(
                5,
                residents.get(2),
                CONSEIL2,
                "home_visit",
                days.get(0),
                10,
                0,
                60,
                "confirmed",
                "Attestation CAF et dernier avis d'imposition.",
                List.of(),
                null));
        appointments.add(appointment(
                6,
                residents.get(3),
                CONSEIL2,
                "home_visit",
                days.get(0),
                15,
                30,
                60,
                "proposed",
                "Courrier de relance de l'assurance à lire ensemble.",
                List.of(),
                null));
        appointments.add(appointment(
                7,
                residents.get(5),
                CONSEIL2,
                "desk",
                days.get(1),
                9,
                0,
                30,
                "confirmed",
                "Permanence : échéancier de loyer.",
                List.of(),
                null));
        appointments.add(appointment(
                8,
                residents.get(2),
                CONSEIL2,
                "home_visit",
                days.get(3),
                11,
                0,
                60,
                "proposed",
                "Suivi du dossier chèque énergie.",
                List.of(),
                null));
        appointments.add(appointment(
                9,
                residents.get(6),
                CONSEIL1,
                "home_visit",
                past.get(0),
                10,
                0,
                60,
                "done",
                "Lecture des courriers de l'assurance habitation.",
                List.of("Copie des courriers pour le curateur"),
                null));
        appointments.add(appointment(
                10,
                residents.get(7),
                CONSEIL1,
                "desk",
                days.get(1),
                14,
                0,
                45,
                "confirmed",
                "Permanence : contestation des factures d'eau.",
                List.of("Factures d'eau de l'année", "Récupérer l'avis d'imposition 2025"),
                null));
        appointments.add(appointment(
                11,
                residents.get(1),
                CONSEIL1,
                "home_visit",
                past.get(1),
                11,
                0,
                60,
                "no_show",
                "Point sur l'échéancier de loyer.",
                List.of(),
                null));
        for (AppointmentDto a : appointments) {
            writer.save(tx, a, STRUCTURE_ID, COORD, now, null, null);
        }
        followUps(tx, now, today, residents);
        rounds(tx, now, today, residents, appointments);
    }

    /**
     * What the week's proposal works from: the office placed in Marseille, conseil1 full time with a day off next
     * Friday (after every demo appointment), conseil2 part time (four days a week), and {@link #WAITING_REQUESTS}
     * requests waiting for a home visit (every kind, half-days of their own, an electricity cut to visit within two
     * days, an eviction, a hearing next week).
     */
    private void rounds(
            Tx tx, Instant now, LocalDate today, List<ResidentDto> residents, List<AppointmentDto> appointments) {
        PlanningSeeds.office(tx, STRUCTURE_ID, OFFICE_ADDRESS, OFFICE, now, COORD);
        LocalDate nextMonday = today.with(TemporalAdjusters.next(DayOfWeek.MONDAY));
        PlanningSeeds.schedule(
                tx,
                STRUCTURE_ID,
                new CounsellorScheduleDto(
                        CONSEIL1,
                        null,
                        List.of(
                                new WorkingDayDto("mon", "08:30", "17:00"),
                                new WorkingDayDto("tue", "08:30", "17:00"),
                                new WorkingDayDto("wed", "08:30", "17:00"),
                                new WorkingDayDto("thu", "08:30", "17:00"),
                                new WorkingDayDto("fri", "08:30", "16:30")),
                        "12:00",
                        "14:00",
                        45,
                        List.of(nextMonday.plusDays(4)),
                        false,
                        null),
                now,
                COORD);
        // conseil2 works four days a week; the day off is one on which the demo gives them no appointment
        List<String> busy = appointments.stream()
                .filter(a -> a.counsellorId().equals(CONSEIL2))
                .map(a -> Rounds.dayCode(LocalDate.ofInstant(a.start(), PARIS).getDayOfWeek())
                        .orElse(""))
                .toList();
        String off = List.of("wed", "fri", "mon", "tue", "thu").stream()
                .filter(d -> !busy.contains(d))
                .findFirst()
                .orElse("wed");
        PlanningSeeds.schedule(
                tx,
                STRUCTURE_ID,
                new CounsellorScheduleDto(
                        CONSEIL2,
                        null,
                        Rounds.DAYS.subList(0, 5).stream()
                                .filter(d -> !d.equals(off))
                                .map(d -> new WorkingDayDto(d, "09:00", "16:30"))
                                .toList(),
                        "12:15",
                        "14:00",
                        45,
                        List.of(),
                        false,
                        null),
                now,
                COORD);
        List<RequestDto> requests = List.of(
                waiting(
                        now,
                        1,
                        residents.get(0),
                        today.minusDays(1),
                        "edf_solidarite",
                        "energie",
                        List.of(Casework.URGENCY_POWER_CUT),
                        null,
                        "Électricité coupée hier soir malgré la trêve : vérifier le compteur, appeler EDF.",
                        new HomeVisitDto(HomeVisits.FOLLOW_UP, null, List.of(), List.of())),
                waiting(
                        now,
                        2,
                        residents.get(1),
                        today.minusDays(2),
                        "social_worker",
                        "logement",
                        List.of(Casework.URGENCY_EVICTION),
                        null,
                        "Commandement de quitter les lieux reçu : monter le dossier FSL maintien.",
                        new HomeVisitDto(HomeVisits.FOLLOW_UP, null, List.of("mon_pm", "tue_pm", "wed_pm"), List.of())),
                waiting(
                        now,
                        3,
                        residents.get(2),
                        today.minusDays(6),
                        "caf",
                        "caf",
                        List.of(),
                        null,
                        "Dossier d'aide au logement à compléter avec les pièces.",
                        new HomeVisitDto(HomeVisits.DOCUMENTS, null, List.of("tue_pm", "thu_pm"), List.of())),
                waiting(
                        now,
                        4,
                        residents.get(3),
                        today.minusDays(8),
                        "resident",
                        "assurances",
                        List.of(),
                        null,
                        "Résiliation de l'assurance habitation à lire ensemble.",
                        new HomeVisitDto(
                                HomeVisits.FOLLOW_UP,
                                null,
                                List.of("mon_am", "wed_am"),
                                List.of(nextMonday.plusDays(2)))),
                waiting(
                        now,
                        5,
                        residents.get(4),
                        today.minusDays(9),
                        "resident",
                        "budget",
                        List.of(),
                        null,
                        "Premier diagnostic budgétaire à domicile.",
                        new HomeVisitDto(HomeVisits.FIRST_VISIT, null, List.of(), List.of())),
                waiting(
                        now,
                        6,
                        residents.get(5),
                        today.minusDays(4),
                        "other_supplier",
                        "energie",
                        List.of(),
                        null,
                        "Échéancier de gaz proposé par le fournisseur, à signer.",
                        new HomeVisitDto(HomeVisits.SIGNATURE, null, List.of(), List.of())),
                waiting(
                        now,
                        7,
                        residents.get(6),
                        today.minusDays(5),
                        "social_worker",
                        "administratif",
                        List.of(),
                        null,
                        "Point avec la curatelle sur les courriers de l'assurance.",
                        new HomeVisitDto(HomeVisits.FOLLOW_UP, null, List.of("tue_am", "fri_am"), List.of())),
                waiting(
                        now,
                        8,
                        residents.get(7),
                        today.minusDays(3),
                        "water_supplier",
                        "eau",
                        List.of(Casework.URGENCY_COURT_DATE),
                        nextMonday.plusDays(7),
                        "Audience au tribunal pour les factures d'eau : préparer le dossier avant.",
                        new HomeVisitDto(HomeVisits.FIRST_VISIT, null, List.of(), List.of())),
                waiting(
                        now,
                        9,
                        residents.get(1),
                        today.minusDays(2),
                        "social_worker",
                        "logement",
                        List.of(),
                        null,
                        "Plan d'apurement de la dette de loyer à signer.",
                        new HomeVisitDto(HomeVisits.SIGNATURE, null, List.of("thu_am", "fri_am"), List.of())),
                waiting(
                        now,
                        10,
                        residents.get(4),
                        today.minusDays(7),
                        "caf",
                        "caf",
                        List.of(),
                        null,
                        "Récupérer les justificatifs de ressources pour la CAF.",
                        new HomeVisitDto(HomeVisits.DOCUMENTS, 30, List.of("wed_pm", "thu_pm", "fri_am"), List.of())),
                waiting(
                        now,
                        11,
                        residents.get(2),
                        today.minusDays(1),
                        "caf",
                        "energie",
                        List.of(),
                        null,
                        "Attestation de chèque énergie à signer pour le fournisseur.",
                        new HomeVisitDto(HomeVisits.SIGNATURE, null, List.of("mon_am", "thu_am"), List.of())),
                waiting(
                        now,
                        12,
                        residents.get(5),
                        today.minusDays(10),
                        "resident",
                        "telecom",
                        List.of(),
                        null,
                        "Factures de téléphone contestées : point sur les démarches.",
                        new HomeVisitDto(HomeVisits.FOLLOW_UP, 75, List.of("mon_pm", "thu_pm", "fri_am"), List.of())));
        for (RequestDto r : requests) {
            writer.save(tx, r, STRUCTURE_ID, COORD, now, null, null);
        }
    }

    private static RequestDto waiting(
            Instant now,
            int n,
            ResidentDto r,
            LocalDate receivedOn,
            String referrer,
            String domain,
            List<String> urgencies,
            LocalDate courtDate,
            String description,
            HomeVisitDto wish) {
        return new RequestDto(
                id("request-" + n),
                STRUCTURE_ID,
                r.id(),
                null,
                receivedOn,
                n % 3 == 0 ? Casework.CHANNEL_DESK : Casework.CHANNEL_PHONE,
                referrer,
                List.of(domain),
                urgencies,
                courtDate,
                description,
                Casework.REQUEST_NEW,
                null,
                at(receivedOn, 9, 0).isAfter(now) ? now : at(receivedOn, 9, 0),
                COORD,
                wish);
    }

    /**
     * What conseil1 did before this week: consents, a mandate, reports with actions and orientations, and the
     * follow-up tasks their rules created (one due in about ten days, one overdue, one due today, one done).
     */
    private void followUps(Tx tx, Instant now, LocalDate today, List<ResidentDto> residents) {
        LocalDate fslDay = today.minusDays(50);
        for (int n : new int[] {1, 2, 5, 7, 8}) {
            ResidentDto r = residents.get(n - 1);
            Instant given = at(n == 8 ? today.minusDays(7) : fslDay.minusDays(n), 10, 15);
            save(
                    tx,
                    new ConsentDto(
                            id("consent-notice-" + n),
                            STRUCTURE_ID,
                            r.id(),
                            "information_notice",
                            null,
                            "2026-1",
                            given,
                            null,
                            null,
                            CONSEIL1,
                            "screen"),
                    now);
        }
        save(
                tx,
                new ConsentDto(
                        id("consent-photo-1"),
                        STRUCTURE_ID,
                        residents.get(0).id(),
                        "photo_documents",
                        null,
                        null,
                        at(fslDay, 10, 20),
                        null,
                        null,
                        CONSEIL1,
                        "screen"),
                now);
        String mandateId = id("mandate-1");
        save(
                tx,
                new MandateDto(
                        mandateId,
                        STRUCTURE_ID,
                        residents.get(0).id(),
                        List.of("energie", "eau"),
                        List.of("EDF", "Société des Eaux de Marseille"),
                        "six_months",
                        fslDay,
                        fslDay.plusMonths(6),
                        null,
                        true,
                        "Marseille",
                        List.of(CONSEIL1),
                        null,
                        null,
                        "tablet_signature",
                        at(fslDay, 10, 30)),
                now);

        energy(tx, now, today, fslDay, residents.get(0));

        VisitReportDto fsl = report(
                "report-1",
                residents.get(0),
                fslDay,
                10,
                0,
                75,
                List.of("energie"),
                List.of("energie_impaye"),
                "Facture EDF impayée de 1 240 € ; relance reçue. Dossier FSL énergie "
                        + "constitué et déposé avec la personne.",
                new EnergyCheckDto(
                        true,
                        Boolean.TRUE,
                        "limited",
                        3L,
                        fslDay.minusDays(12),
                        "electric",
                        List.of("temperature_19", "standby_off"),
                        List.of("convectors"),
                        "none"),
                List.of(
                        new ActionDto(
                                "action-1-1",
                                "demande_aide_fsl",
                                "energie",
                                "Conseil départemental – FSL",
                                fslDay,
                                "pending",
                                124_000L,
                                null,
                                "FSL-13-2026-0457",
                                true,
                                mandateId,
                                null),
                        new ActionDto(
                                "action-1-2",
                                "appel_creancier",
                                "energie",
                                "EDF",
                                fslDay,
                                "obtained",
                                null,
                                null,
                                null,
                                true,
                                mandateId,
                                "Recouvrement suspendu pendant l'instruction du FSL.")),
                List.of(new OrientationDto(
                        "orientation-1-1",
                        "ccas",
                        "Aide alimentaire ponctuelle",
                        fslDay,
                        "warm_handover",
                        true,
                        "taken_in_charge")));
        VisitReportDto rent = report(
                "report-2",
                residents.get(1),
                today.minusDays(20),
                14,
                0,
                60,
                List.of("logement", "budget"),
                List.of("logement_impaye", "budget_diagnostic"),
                "Arriéré de loyer "
                        + "de 2 300 €. Budget établi : 150 € par mois possibles. Proposition d'échéancier envoyée "
                        + "au bailleur.",
                null,
                List.of(new ActionDto(
                        "action-2-1",
                        "negociation_echeancier",
                        "logement",
                        "Cabinet Provence Gestion",
                        today.minusDays(20),
                        "pending",
                        230_000L,
                        null,
                        null,
                        false,
                        null,
                        null)),
                List.of(new OrientationDto(
                        "orientation-2-1",
                        "pcb",
                        "Suivi budgétaire",
                        today.minusDays(20),
                        "information_only",
                        true,
                        null)));
        VisitReportDto cheque = report(
                "report-3",
                residents.get(4),
                today.minusDays(30),
                9,
                30,
                45,
                List.of("energie"),
                List.of("energie_cheque"),
                "Chèque énergie non reçu cette année : demande " + "faite en ligne avec la personne.",
                null,
                List.of(new ActionDto(
                        "action-3-1",
                        "demande_cheque_energie",
                        "energie",
                        "Chèque énergie (ASP)",
                        today.minusDays(30),
                        "pending",
                        null,
                        null,
                        null,
                        false,
                        null,
                        null)),
                List.of());
        LocalDate letters = previousWorkingDays(today, 1).get(0);
        VisitReportDto post = new VisitReportDto(
                id("report-4"),
                STRUCTURE_ID,
                appointmentId(9),
                residents.get(6).id(),
                CONSEIL1,
                "home_visit",
                List.of("courriers", "assurances"),
                "Deux courriers de relance de l'assurance habitation lus et expliqués ; copie remise pour le "
                        + "curateur.",
                "Le curateur contacte l'assureur.",
                null,
                at(letters, 10, 0),
                at(letters, 10, 50),
                null,
                "Domicile",
                50,
                List.of("resident"),
                List.of("courrier_lecture", "assurance_habitation"),
                null,
                List.of(new ActionDto(
                        "action-4-1",
                        "lecture_courrier",
                        "courriers",
                        null,
                        letters,
                        "obtained",
                        null,
                        null,
                        null,
                        false,
                        null,
                        null)),
                List.of(),
                null,
                true,
                null);
        for (VisitReportDto v : List.of(fsl, rent, cheque, post)) {
            save(tx, v, now);
        }
        save(
                tx,
                task(
                        "task-1",
                        fsl,
                        "action-1-1",
                        "fsl_decision",
                        "Vérifier la décision du FSL",
                        fslDay.plusDays(60),
                        null),
                now);
        save(
                tx,
                task(
                        "task-2",
                        rent,
                        "action-2-1",
                        "echeancier_check",
                        "Vérifier le respect de l'échéancier",
                        today.minusDays(5),
                        null),
                now);
        save(
                tx,
                task(
                        "task-3",
                        cheque,
                        "action-3-1",
                        "cheque_energie_check",
                        "Vérifier la réception du chèque " + "énergie",
                        today,
                        null),
                now);
        save(
                tx,
                task(
                        "task-4",
                        fsl,
                        "orientation-1-1",
                        "orientation_check",
                        "Vérifier la prise en charge de " + "l'orientation",
                        fslDay.plusDays(15),
                        at(fslDay.plusDays(16), 11, 0)),
                now);
        save(
                tx,
                new PrivateNoteDto(
                        id("note-2"),
                        STRUCTURE_ID,
                        residents.get(1).id(),
                        CONSEIL1,
                        "Préfère être " + "appelé après 10 h ; parle plus facilement en présence de son épouse.",
                        at(today.minusDays(20), 15, 10)),
                now);
    }

    /**
     * The electricity contract of the first resident (EDF, 6 kVA, Linky, reduced to 3 kVA before the FSL was filed)
     * and its unpaid bill of 1 240 € with the letters of the procedure: the file's energy section has a clock to show.
     */
    private void energy(Tx tx, Instant now, LocalDate today, LocalDate fslDay, ResidentDto resident) {
        String contractId = id("energy-contract-1");
        save(
                tx,
                new EnergyContractDto(
                        contractId,
                        STRUCTURE_ID,
                        resident.id(),
                        "electricite",
                        "edf",
                        "trv",
                        "30001234567890",
                        6L,
                        true,
                        "monthly",
                        "4 012 345 678",
                        fslDay.minusDays(30),
                        List.of(new ChequeEnergieDto(today.getYear(), 19_400L, null)),
                        List.of(
                                new SupplyStateDto(
                                        id("supply-1-1"), "normal", null, LocalDate.of(2019, 3, 1), "resident", null),
                                new SupplyStateDto(
                                        id("supply-1-2"), "limited", 3L, fslDay.minusDays(12), "supplier", null))),
                now);
        save(
                tx,
                new DebtDto(
                        id("debt-1"),
                        STRUCTURE_ID,
                        resident.id(),
                        "energie",
                        "edf",
                        contractId,
                        124_000L,
                        fslDay.minusDays(60),
                        null,
                        fslDay.minusDays(40),
                        fslDay.minusDays(15),
                        fslDay,
                        null,
                        null,
                        "fsl_pending",
                        List.of(
                                new DebtStageDto("reminder_1", fslDay.minusDays(40)),
                                new DebtStageDto("notice_20d", fslDay.minusDays(15)),
                                new DebtStageDto("power_reduced", fslDay.minusDays(12)))),
                now);
    }

    private void save(Tx tx, EntityDto record, Instant now) {
        String author = record instanceof ConsentDto
                        || record instanceof MandateDto
                        || record instanceof VisitReportDto
                        || record instanceof TaskDto
                        || record instanceof PrivateNoteDto
                        || record instanceof EnergyContractDto
                        || record instanceof DebtDto
                ? CONSEIL1
                : COORD;
        writer.save(tx, record, STRUCTURE_ID, author, now, null, null);
    }

    private static VisitReportDto report(
            String name,
            ResidentDto r,
            LocalDate day,
            int hour,
            int minute,
            int minutes,
            List<String> domains,
            List<String> motifs,
            String synthesis,
            EnergyCheckDto energy,
            List<ActionDto> actions,
            List<OrientationDto> orientations) {
        Instant start = at(day, hour, minute);
        return new VisitReportDto(
                id(name),
                STRUCTURE_ID,
                null,
                r.id(),
                CONSEIL1,
                "home_visit",
                domains,
                synthesis,
                null,
                null,
                start,
                start.plusSeconds(minutes * 60L),
                null,
                "Domicile",
                minutes,
                List.of("resident"),
                motifs,
                energy,
                actions,
                orientations,
                null,
                true,
                null);
    }

    private static TaskDto task(
            String name,
            VisitReportDto from,
            String sourceId,
            String rule,
            String title,
            LocalDate due,
            Instant closedAt) {
        return new TaskDto(
                id(name),
                STRUCTURE_ID,
                from.residentId(),
                from.id(),
                CONSEIL1,
                title,
                due,
                closedAt == null ? TaskDto.TODO : TaskDto.DONE,
                rule,
                sourceId,
                from.completedAt(),
                closedAt);
    }

    private static Instant at(LocalDate day, int hour, int minute) {
        return day.atTime(LocalTime.of(hour, minute)).atZone(PARIS).toInstant();
    }

    /** A resident with a full file: housing, situation, protection, orientation, synthesis, household. */
    private static ResidentDto withFile(
            ResidentDto r,
            String accommodation,
            String landlord,
            String socio,
            String protection,
            String representative,
            String orientationIn,
            String orientingPartner,
            String synthesis,
            List<HouseholdMemberDto> household,
            List<ContactPersonDto> contacts) {
        return new ResidentDto(
                r.id(),
                r.structureId(),
                r.fileNumber(),
                r.civility(),
                r.lastName(),
                r.firstName(),
                r.birthDate(),
                r.phone(),
                r.street(),
                r.postcode(),
                r.city(),
                r.accessNotes(),
                r.mobilityReason(),
                r.referentId(),
                "actif",
                null,
                null,
                false,
                null,
                "français",
                false,
                accommodation,
                landlord,
                Boolean.TRUE,
                socio,
                protection,
                representative,
                orientationIn,
                orientingPartner,
                synthesis,
                household,
                contacts,
                r.location());
    }

    private static ResidentDto resident(
            int n,
            int year,
            String civility,
            String lastName,
            String firstName,
            LocalDate birthDate,
            String phone,
            String street,
            String postcode,
            String accessNotes,
            String mobilityReason,
            String referentId) {
        return new ResidentDto(
                        id("resident-" + n),
                        STRUCTURE_ID,
                        String.format("D-%d-%04d", year, n),
                        civility,
                        lastName,
                        firstName,
                        birthDate,
                        phone,
                        street,
                        postcode,
                        "Marseille",
                        accessNotes,
                        mobilityReason,
                        referentId)
                .withLocation(DemoPlaces.near(postcode, n));
    }

    private static AppointmentDto appointment(
            int n,
            ResidentDto r,
            String counsellor,
            String type,
            LocalDate day,
            int hour,
            int minute,
            int minutes,
            String status,
            String notes,
            List<String> checklist,
            String safetyNotes) {
        Instant start = at(day, hour, minute);
        return new AppointmentDto(
                id("appointment-" + n),
                STRUCTURE_ID,
                r.id(),
                counsellor,
                type,
                start,
                start.plusSeconds(minutes * 60L),
                status,
                r.street() + ", " + r.postcode() + " " + r.city(),
                notes,
                null,
                checklist,
                safetyNotes);
    }

    /** The {@code count} working days before today, the nearest first. */
    private static List<LocalDate> previousWorkingDays(LocalDate today, int count) {
        List<LocalDate> days = new ArrayList<>();
        LocalDate d = today;
        while (days.size() < count) {
            d = d.minusDays(1);
            if (d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY) {
                days.add(d);
            }
        }
        return days;
    }

    /** Today (even on a weekend, so the demo always shows something) then the next working days. */
    private static List<LocalDate> workingDays(LocalDate today, int count) {
        List<LocalDate> days = new ArrayList<>(List.of(today));
        LocalDate d = today;
        while (days.size() < count) {
            d = d.plusDays(1);
            if (d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY) {
                days.add(d);
            }
        }
        return days;
    }

    private static final String[] FIRST_NAMES = {
        "Amina",
        "Bruno",
        "Camille",
        "David",
        "Élodie",
        "Farid",
        "Gaëlle",
        "Hugo",
        "Inès",
        "Jérôme",
        "Karima",
        "Laurent",
        "Manon",
        "Nicolas",
        "Océane",
        "Pascal",
        "Rachida",
        "Sébastien",
        "Thi",
        "Yannick"
    };
    private static final String[] LAST_NAMES = {
        "Martin",
        "Bernard",
        "Benali",
        "Petit",
        "Durand",
        "Leroy",
        "Moreau",
        "Simon",
        "Laurent",
        "Michel",
        "Garcia",
        "Bonnet",
        "Chérif",
        "Lambert",
        "Fontaine",
        "Rousseau",
        "Vincent",
        "Muller",
        "Lefèvre",
        "Faure",
        "Mercier",
        "Blanc",
        "Guérin",
        "Boyer",
        "Gauthier",
        "Perrin",
        "Robin",
        "Clément",
        "Morin",
        "Nicolas"
    };
    private static final String[] STREETS = {
        "rue de la République",
        "boulevard National",
        "avenue de la Capelette",
        "chemin de Saint-Louis au Rove",
        "rue Loubon",
        "boulevard de Plombières",
        "traverse de la Martine",
        "rue d'Aubagne",
        "avenue Roger Salengro",
        "boulevard Danielle Casanova"
    };
    private static final String[] POSTCODES = {"13001", "13002", "13003", "13013", "13014", "13015", "13016"};
    private static final String[] MOBILITY = {"elderly", "disability", "illness", "no_transport", "infant", null};

    /** The id of the demo counsellor number {@code k} (1 for conseil1). */
    public static String counsellorId(int k) {
        return k == 1 ? CONSEIL1 : k == 2 ? CONSEIL2 : "demo-conseil" + k;
    }

    /**
     * Counsellor number {@code k} (3 and beyond): an account {@code conseil<k>}, {@link #TEAM_RESIDENTS} residents
     * they are the referent of, today's {@link #TEAM_APPOINTMENTS_TODAY} appointments and two on each of the next
     * three working days. Names, addresses and phones are fictitious and drawn from {@code k}.
     */
    private void teamCounsellor(Tx tx, int k, String hash, Instant now) {
        String userId = counsellorId(k);
        String displayName = FIRST_NAMES[k % FIRST_NAMES.length] + " " + LAST_NAMES[(k * 7) % LAST_NAMES.length];
        users.createUser(tx, userId, STRUCTURE_ID, "conseil" + k, displayName, Role.COUNSELLOR, hash, now);
        LocalDate today = LocalDate.ofInstant(now, PARIS);
        List<ResidentDto> residents = new ArrayList<>();
        for (int n = 1; n <= TEAM_RESIDENTS; n++) {
            int seed = k * TEAM_RESIDENTS + n;
            boolean woman = seed % 2 == 0;
            ResidentDto r = new ResidentDto(
                            id("c" + k + "-resident-" + n),
                            STRUCTURE_ID,
                            String.format("D-%d-%05d", today.getYear(), 100 + seed),
                            woman ? "Mme" : "M.",
                            LAST_NAMES[seed % LAST_NAMES.length],
                            FIRST_NAMES[(seed * 3) % FIRST_NAMES.length],
                            LocalDate.of(1935 + seed % 60, 1 + seed % 12, 1 + seed % 28),
                            String.format("06 %02d %02d %02d %02d", 10 + k % 90, seed % 100, (seed * 7) % 100, n),
                            (1 + seed % 120) + " " + STREETS[seed % STREETS.length],
                            POSTCODES[seed % POSTCODES.length],
                            "Marseille",
                            n % 3 == 0 ? "Sonner deux fois, la personne entend mal." : null,
                            MOBILITY[seed % MOBILITY.length],
                            userId)
                    .withLocation(DemoPlaces.near(POSTCODES[seed % POSTCODES.length], seed));
            writer.save(tx, r, STRUCTURE_ID, COORD, now, null, null);
            residents.add(r);
        }
        List<LocalDate> days = workingDays(today, 4);
        int[][] todaySlots = {{9, 0}, {10, 30}, {11, 45}, {14, 0}, {15, 15}, {16, 30}};
        String[] todayTypes = {"home_visit", "home_visit", "desk", "home_visit", "phone", "home_visit"};
        int n = 0;
        for (int i = 0; i < TEAM_APPOINTMENTS_TODAY; i++) {
            n++;
            ResidentDto r = residents.get(i % residents.size());
            writer.save(
                    tx,
                    teamAppointment(k, n, r, userId, todayTypes[i], days.get(0), todaySlots[i][0], todaySlots[i][1]),
                    STRUCTURE_ID,
                    COORD,
                    now,
                    null,
                    null);
        }
        for (int d = 1; d < days.size(); d++) {
            for (int j = 0; j < 2; j++) {
                n++;
                ResidentDto r = residents.get((TEAM_APPOINTMENTS_TODAY + (d - 1) * 2 + j) % residents.size());
                writer.save(
                        tx,
                        teamAppointment(k, n, r, userId, "home_visit", days.get(d), j == 0 ? 9 : 14, 30),
                        STRUCTURE_ID,
                        COORD,
                        now,
                        null,
                        null);
            }
        }
    }

    private static AppointmentDto teamAppointment(
            int k, int n, ResidentDto r, String counsellor, String type, LocalDate day, int hour, int minute) {
        Instant start = at(day, hour, minute);
        int minutes = type.equals("phone") ? 30 : type.equals("desk") ? 45 : 60;
        return new AppointmentDto(
                id("c" + k + "-appointment-" + n),
                STRUCTURE_ID,
                r.id(),
                counsellor,
                type,
                start,
                start.plusSeconds(minutes * 60L),
                "confirmed",
                r.street() + ", " + r.postcode() + " " + r.city(),
                type.equals("home_visit") ? "Point sur les factures d'énergie et le budget." : "Suivi du dossier.",
                null,
                type.equals("home_visit") ? List.of("Dernière facture d'électricité", "Avis d'imposition") : List.of(),
                null);
    }

    /** The id of the n-th demo resident (1 to 8). */
    public static String residentId(int n) {
        return id("resident-" + n);
    }

    /** The id of the n-th demo appointment (1 to 11). */
    public static String appointmentId(int n) {
        return id("appointment-" + n);
    }

    /** The id of a named demo record ("mandate-1", "task-2", "report-1"…). */
    public static String id(String name) {
        return UUID.nameUUIDFromBytes(("mediance-demo:" + name).getBytes(StandardCharsets.UTF_8))
                .toString();
    }

    private static String generatePassword() {
        SecureRandom random = new SecureRandom();
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 20; i++) {
            if (i > 0 && i % 5 == 0) {
                sb.append('-');
            }
            sb.append(PASSWORD_ALPHABET[random.nextInt(PASSWORD_ALPHABET.length)]);
        }
        return sb.toString();
    }
}
