package fr.mediance.server.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import fr.mediance.protocol.AppointmentDto;
import fr.mediance.protocol.Neighbourhoods;
import fr.mediance.protocol.ResidentDto;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The calendars' text rules on the plain JVM: neighbourhoods, folding by octets, the day sheet's lines. */
class CalendarTextTest {
    static final Instant NINE = Instant.parse("2026-11-27T08:00:00Z"); // 09:00 in Paris

    @Test
    void marseillesPostcodesAreItsArrondissementsAndOtherPlacesTheirCity() {
        assertThat(Neighbourhoods.of("13001", "Marseille", null)).isEqualTo("Marseille 1er");
        assertThat(Neighbourhoods.of("13015", "Marseille", null)).isEqualTo("Marseille 15e");
        assertThat(Neighbourhoods.of("13016", "Marseille", null)).isEqualTo("Marseille 16e");
        assertThat(Neighbourhoods.of("13017", "Marseille", null)).isEqualTo("Marseille");
        assertThat(Neighbourhoods.of("13100", "Aix-en-Provence", null)).isEqualTo("Aix-en-Provence");
        assertThat(Neighbourhoods.of(null, null, "14 rue des Lilas, 13004 Marseille"))
                .isEqualTo("Marseille 4e");
        assertThat(Neighbourhoods.of(null, null, null)).isNull();
    }

    @Test
    void linesAreFoldedAt75OctetsWithoutCuttingAnAccentedLetter() {
        String value = "SUMMARY:" + "é".repeat(100);
        String folded = IcsWriter.fold(value + "\r\n");
        for (String line : folded.split("\r\n")) {
            assertThat(line.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(75);
            assertThat(line).doesNotContain("\uFFFD");
        }
        assertThat(folded.replace("\r\n ", "")).isEqualTo(value + "\r\n");
    }

    static RoundStore.Visit visit(String id, String name, int startMinutes, int minutes, String status, String safety) {
        ResidentDto r = new ResidentDto(
                "r-" + id,
                "s",
                "2026-00" + id,
                "Mme",
                name,
                "Zoé",
                LocalDate.of(1950, 1, 1),
                "06 00 00 00 0" + id,
                id + " rue Longue",
                "13003",
                "Marseille",
                "Code 1234",
                null,
                "c1");
        Instant start = NINE.plusSeconds(startMinutes * 60L);
        AppointmentDto a = new AppointmentDto(
                id,
                "s",
                r.id(),
                "c1",
                "home_visit",
                start,
                start.plusSeconds(minutes * 60L),
                status,
                null,
                "Objet " + id,
                null,
                List.of("Pièce " + id),
                safety);
        return new RoundStore.Visit(a, 3, NINE, r);
    }

    @Test
    void theDaySheetListsVisitsInOrderWithTheFreeTimeBetweenAndTheCancelledApart() {
        List<RoundStore.Visit> visits = List.of(
                visit("1", "Abadie", 0, 60, "confirmed", null),
                visit("2", "Bérard", 90, 45, "proposed", "Visite en binôme"),
                visit("3", "Carré", 120, 30, "cancelled_by_structure", null));
        List<String> text =
                DaySheet.lines(new DaySheet.Sheet("Nadia Haddad", LocalDate.of(2026, 11, 27), visits, NINE)).stream()
                        .map(DaySheet.Line::text)
                        .toList();
        assertThat(text)
                .containsSubsequence(
                        "Feuille de route — Nadia Haddad",
                        "Vendredi 27 novembre 2026",
                        "2 rendez-vous prévus, 1 annulé.",
                        "09:00–10:00 · Visite à domicile · confirmé",
                        "Habitant : Mme Zoé Abadie (dossier 2026-001)",
                        "Adresse : 1 rue Longue, 13003 Marseille",
                        "Téléphone : 06 00 00 00 01",
                        "Accès : Code 1234",
                        "Temps libre 10:00–10:30 (30 min)",
                        "10:30–11:15 · Visite à domicile · à confirmer",
                        "☐ Pièce 2",
                        "Sécurité : Visite en binôme",
                        "Rendez-vous annulés",
                        "11:00–11:30 · Visite à domicile · Mme Zoé Carré · annulé par la structure");
    }

    @Test
    void theFeedsEventCarriesTheFileAndNeighbourhoodOnly() {
        RoundStore.Visit v = visit("1", "Abadie", 0, 60, "proposed", "Chien");
        String ics = IcsWriter.calendar("Médiance", List.of(v));
        assertThat(ics)
                .contains("SUMMARY:Visite à domicile — dossier 2026-001\r\n")
                .contains("LOCATION:Marseille 3e\r\n")
                .contains("STATUS:TENTATIVE\r\n")
                .contains("SEQUENCE:3\r\n")
                .contains("DTSTART:20261127T080000Z\r\n")
                .doesNotContain("Abadie")
                .doesNotContain("Zoé")
                .doesNotContain("rue Longue")
                .doesNotContain("06 00")
                .doesNotContain("Code 1234")
                .doesNotContain("Objet")
                .doesNotContain("Chien")
                .doesNotContain("Pièce");
    }
}
