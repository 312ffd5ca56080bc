package fr.mediance.server.demo;

import fr.mediance.protocol.AppointmentDto;
import fr.mediance.protocol.ResidentDto;
import fr.mediance.protocol.Role;
import fr.mediance.server.auth.PasswordHasher;
import fr.mediance.server.db.Database;
import fr.mediance.server.db.Tx;
import fr.mediance.server.sync.EntityWriter;
import fr.mediance.server.user.UserStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The demo structure, created once (a second start on the same data leaves it alone): four accounts, six
 * fictitious residents in Marseille and appointments over today and the next working days, server clock,
 * Europe/Paris.
 */
public final class DemoSeeder {
    public static final String STRUCTURE_ID = "demo-structure";
    public static final String STRUCTURE_NAME = "Médiance 13 – Point Service aux Particuliers";
    public static final String COORD = "demo-coord";
    public static final String CONSEIL1 = "demo-conseil1";
    public static final String CONSEIL2 = "demo-conseil2";
    public static final String BUREAU = "demo-bureau";

    private static final Logger LOG = LoggerFactory.getLogger(DemoSeeder.class);
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
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
        if (db.read(tx -> users.structureExists(tx, STRUCTURE_ID))) {
            LOG.info("demo data already present");
            return Optional.empty();
        }
        String password = givenPassword != null && !givenPassword.isEmpty() ? givenPassword : generatePassword();
        String hash = hasher.hash(password);
        Instant now = clock.instant();
        db.inTransaction(tx -> {
            writer.beginWrite(tx);
            users.createStructure(tx, STRUCTURE_ID, STRUCTURE_NAME, now);
            users.createUser(tx, COORD, STRUCTURE_ID, "coord", "Claire Fabre", Role.COORDINATOR, hash, now);
            users.createUser(tx, CONSEIL1, STRUCTURE_ID, "conseil1", "Nadia Haddad", Role.COUNSELLOR, hash, now);
            users.createUser(tx, CONSEIL2, STRUCTURE_ID, "conseil2", "Julien Roux", Role.COUNSELLOR, hash, now);
            users.createUser(tx, BUREAU, STRUCTURE_ID, "bureau", "Sophie Garcia", Role.OFFICE, hash, now);
            residentsAndAppointments(tx, now);
            return null;
        });
        LOG.info("demo structure created");
        return givenPassword != null && !givenPassword.isEmpty() ? Optional.empty() : Optional.of(password);
    }

    private void residentsAndAppointments(Tx tx, Instant now) {
        int year = LocalDate.ofInstant(now, PARIS).getYear();
        List<ResidentDto> residents = List.of(
                resident(1, year, "Mme", "Benyahia", "Fatima", LocalDate.of(1946, 3, 12), "06 12 34 56 01",
                        "14 rue des Lilas", "13015", "Interphone en panne : appeler depuis le bas de l'immeuble.",
                        "elderly", CONSEIL1),
                resident(2, year, "M.", "Lopez", "Gérard", LocalDate.of(1952, 7, 2), "06 12 34 56 02",
                        "27 boulevard de la Libération", "13001", "3e étage sans ascenseur, frapper fort.",
                        "disability", CONSEIL1),
                resident(3, year, "Mme", "Diallo", "Aïcha", LocalDate.of(1991, 11, 23), "07 12 34 56 03",
                        "8 traverse du Moulin", "13014", "Bébé de trois mois : ne pas sonner entre 13 h et 15 h.",
                        "infant", CONSEIL2),
                resident(4, year, "M.", "Castellano", "Jean-Pierre", LocalDate.of(1958, 1, 30), "06 12 34 56 04",
                        "45 avenue de Saint-Just", "13013", "Chien au domicile : prévenir 10 minutes avant d'arriver.",
                        "illness", CONSEIL2),
                resident(5, year, "Mme", "Mercier", "Lucie", LocalDate.of(1978, 5, 17), "06 12 34 56 05",
                        "3 impasse des Oliviers", "13016", "Bâtiment B, deuxième porte à gauche après le portail.",
                        "no_transport", null),
                resident(6, year, "M.", "Haddad", "Karim", LocalDate.of(1967, 9, 8), "07 12 34 56 06",
                        "112 chemin du Littoral", "13016", "Préfère un appel la veille de la visite.",
                        "other", CONSEIL2));
        for (ResidentDto r : residents) {
            writer.save(tx, r, STRUCTURE_ID, COORD, now, null, null);
        }
        List<LocalDate> days = workingDays(LocalDate.ofInstant(now, PARIS), 4);
        List<AppointmentDto> appointments = new ArrayList<>();
        appointments.add(appointment(1, residents.get(0), CONSEIL1, "home_visit", days.get(0), 9, 30, 60, "confirmed",
                "Apporter le dossier FSL énergie."));
        appointments.add(appointment(2, residents.get(1), CONSEIL1, "home_visit", days.get(0), 14, 0, 60, "confirmed",
                "Relevé de compteur et factures EDF des six derniers mois."));
        appointments.add(appointment(3, residents.get(4), CONSEIL1, "home_visit", days.get(1), 10, 0, 60, "proposed",
                "Premier rendez-vous : diagnostic budgétaire."));
        appointments.add(appointment(4, residents.get(0), CONSEIL1, "phone", days.get(2), 15, 0, 30, "proposed",
                "Point sur la réponse du fournisseur."));
        appointments.add(appointment(5, residents.get(2), CONSEIL2, "home_visit", days.get(0), 10, 0, 60, "confirmed",
                "Attestation CAF et dernier avis d'imposition."));
        appointments.add(appointment(6, residents.get(3), CONSEIL2, "home_visit", days.get(0), 15, 30, 60, "proposed",
                "Courrier de relance de l'assurance à lire ensemble."));
        appointments.add(appointment(7, residents.get(5), CONSEIL2, "desk", days.get(1), 9, 0, 30, "confirmed",
                "Permanence : échéancier de loyer."));
        appointments.add(appointment(8, residents.get(2), CONSEIL2, "home_visit", days.get(3), 11, 0, 60, "proposed",
                "Suivi du dossier chèque énergie."));
        for (AppointmentDto a : appointments) {
            writer.save(tx, a, STRUCTURE_ID, COORD, now, null, null);
        }
    }

    private static ResidentDto resident(int n, int year, String civility, String lastName, String firstName,
                                        LocalDate birthDate, String phone, String street, String postcode,
                                        String accessNotes, String mobilityReason, String referentId) {
        return new ResidentDto(id("resident-" + n), STRUCTURE_ID, String.format("D-%d-%04d", year, n), civility,
                lastName, firstName, birthDate, phone, street, postcode, "Marseille", accessNotes, mobilityReason,
                referentId);
    }

    private static AppointmentDto appointment(int n, ResidentDto r, String counsellor, String type, LocalDate day,
                                              int hour, int minute, int minutes, String status, String notes) {
        Instant start = day.atTime(LocalTime.of(hour, minute)).atZone(PARIS).toInstant();
        return new AppointmentDto(id("appointment-" + n), STRUCTURE_ID, r.id(), counsellor, type, start,
                start.plusSeconds(minutes * 60L), status, r.street() + ", " + r.postcode() + " " + r.city(), notes,
                null);
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

    /** The id of the n-th demo resident (1 to 6). */
    public static String residentId(int n) {
        return id("resident-" + n);
    }

    /** The id of the n-th demo appointment (1 to 8). */
    public static String appointmentId(int n) {
        return id("appointment-" + n);
    }

    private static String id(String name) {
        return UUID.nameUUIDFromBytes(("mediance-demo:" + name).getBytes(StandardCharsets.UTF_8)).toString();
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
