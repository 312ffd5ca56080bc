package fr.mediance.app.core.rounds;

import fr.mediance.protocol.HomeVisits;
import fr.mediance.protocol.Neighbourhoods;
import java.time.DayOfWeek;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.ResourceBundle;

/** The French words of the rounds' screens: availability, neighbourhoods, visit kinds. */
final class RoundsTexts {

    private RoundsTexts() {}

    /**
     * The half-days in words, by day: « mardi après-midi, jeudi matin », a whole day as « mercredi »; none means
     * « à tout moment ».
     */
    static String availability(List<String> halfDays, ResourceBundle texts) {
        if (halfDays.isEmpty()) {
            return texts.getString("queue.availability.any");
        }
        List<String> parts = new ArrayList<>();
        for (DayOfWeek d : List.of(
                DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY, DayOfWeek.FRIDAY)) {
            boolean am = halfDays.contains(HomeVisits.halfDay(d, true).orElseThrow());
            boolean pm = halfDays.contains(HomeVisits.halfDay(d, false).orElseThrow());
            String day = d.getDisplayName(TextStyle.FULL, fr.mediance.app.core.Texts.locale(texts));
            if (am && pm) {
                parts.add(day);
            } else if (am) {
                parts.add(day + " " + texts.getString("queue.morning"));
            } else if (pm) {
                parts.add(day + " " + texts.getString("queue.afternoon"));
            }
        }
        return String.join(", ", parts);
    }

    /** « lundi matin » for {@code mon_am}. */
    static String halfDay(String code, ResourceBundle texts) {
        int i = HomeVisits.HALF_DAYS.indexOf(code);
        if (i < 0) {
            return code;
        }
        String day = DayOfWeek.of(i / 2 + 1).getDisplayName(TextStyle.FULL, fr.mediance.app.core.Texts.locale(texts));
        return day + " " + texts.getString(i % 2 == 0 ? "queue.morning" : "queue.afternoon");
    }

    /** A visit kind's name (« Première visite »), the code itself when unknown. */
    static String kind(String kind, ResourceBundle texts) {
        String key = "queue.kind." + kind;
        return kind != null && texts.containsKey(key) ? texts.getString(key) : String.valueOf(kind);
    }

    /** Where a resident lives, no closer than the neighbourhood ({@link Neighbourhoods}); empty when unknown. */
    static String neighbourhood(String postcode, String city) {
        String n = Neighbourhoods.of(postcode, city, null);
        return n == null ? "" : n;
    }
}
