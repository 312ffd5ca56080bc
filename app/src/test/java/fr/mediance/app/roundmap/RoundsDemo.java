package fr.mediance.app.roundmap;

import fr.mediance.app.testing.DemoOffice;
import fr.mediance.protocol.AppointmentDto;
import fr.mediance.protocol.GeoPointDto;
import fr.mediance.protocol.PlanningSettingsDto;
import fr.mediance.protocol.ResidentDto;
import fr.mediance.protocol.Role;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.List;

/**
 * Today's rounds of three counsellors in Marseille on the demo office: the office's point, residents on the map (Thi
 * Lan Nguyen not located yet, Jean Martin at his street only) and eleven home visits.
 */
public final class RoundsDemo {

    public static final GeoPointDto OFFICE = ban(43.2999, 5.3836);

    private RoundsDemo() {}

    static GeoPointDto ban(double lat, double lon) {
        return new GeoPointDto(lat, lon, GeoPointDto.SOURCE_BAN, GeoPointDto.PRECISION_HOUSE);
    }

    public static void seed(DemoOffice office) {
        var server = office.server;
        server.addUser("u-c3", "conseil3", "Nadia Belkacem", DemoOffice.PASSWORD, Role.COUNSELLOR);
        server.planningSettings =
                new PlanningSettingsDto("12 rue de la République, 13002 Marseille", OFFICE, 1.3, 20, false, null, null);
        resident(office, "r1", "Benali", "Fatima", "12 rue des Lilas", "13015", ban(43.3562, 5.3622));
        resident(
                office,
                "r2",
                "Martin",
                "Jean",
                "3 avenue du Port",
                "13002",
                new GeoPointDto(43.3055, 5.3667, GeoPointDto.SOURCE_GEOCODER, GeoPointDto.PRECISION_STREET));
        resident(office, "r4", "Roux", "Marcel", "7 traverse des Pins", "13012", ban(43.3072, 5.4320));
        resident(office, "r5", "Ferreira", "Lucia", "21 chemin de Palama", "13013", ban(43.3530, 5.4280));
        resident(office, "r6", "Diop", "Mamadou", "5 rue Le Chatelier", "13014", ban(43.3440, 5.3900));
        resident(office, "r7", "Girard", "Odette", "40 boulevard de la Blancarde", "13004", ban(43.3060, 5.4000));
        resident(office, "r8", "Haddou", "Samira", "9 avenue de Luminy", "13009", ban(43.2590, 5.4190));
        resident(office, "r9", "Lambert", "Yvette", "14 boulevard Romain Rolland", "13010", ban(43.2780, 5.4110));
        resident(office, "r10", "Moreau", "André", "3 avenue de la Pointe Rouge", "13008", ban(43.2450, 5.3750));
        resident(office, "r11", "Santini", "Rose", "27 rue Breteuil", "13006", ban(43.2880, 5.3800));
        LocalDate today = LocalDate.now(DemoOffice.PARIS);
        // Awa Diallo (u-c1): the demo's a1–a4 (Fatima, Jean, Thi Lan, Marcel)
        appointment(office, "k1", "r5", "u-c2", today, "09:00");
        appointment(office, "k2", "r6", "u-c2", today, "10:30");
        appointment(office, "k3", "r7", "u-c2", today, "14:00");
        appointment(office, "n1", "r11", "u-c3", today, "09:30");
        appointment(office, "n2", "r10", "u-c3", today, "11:00");
        appointment(office, "n3", "r8", "u-c3", today, "14:30");
        appointment(office, "n4", "r9", "u-c3", today, "16:00");
    }

    private static void resident(
            DemoOffice office, String id, String last, String first, String street, String postcode, GeoPointDto at) {
        office.server.serverWrite(new ResidentDto(
                        id,
                        "s1",
                        "D-" + id,
                        null,
                        last,
                        first,
                        null,
                        null,
                        street,
                        postcode,
                        "Marseille",
                        null,
                        null,
                        "u-c1")
                .withLocation(at));
    }

    private static void appointment(
            DemoOffice office, String id, String resident, String counsellor, LocalDate day, String start) {
        ZonedDateTime s = ZonedDateTime.of(day, LocalTime.parse(start), DemoOffice.PARIS);
        office.server.serverWrite(new AppointmentDto(
                id,
                "s1",
                resident,
                counsellor,
                "home_visit",
                s.toInstant(),
                s.plusMinutes(60).toInstant(),
                "confirmed",
                null,
                null,
                null,
                List.of(),
                null));
    }
}
