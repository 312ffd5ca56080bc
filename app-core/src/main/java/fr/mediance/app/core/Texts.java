package fr.mediance.app.core;

import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Formats shared by the core's French texts (dd/MM/yyyy, HH:mm). */
public final class Texts {
    public static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy", Locale.FRANCE);
    public static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.FRANCE);

    private Texts() {
    }

    /** Trimmed text, or null when blank. */
    public static String clean(String s) {
        if (s == null) {
            return null;
        }
        String t = s.strip();
        return t.isEmpty() ? null : t;
    }
}
