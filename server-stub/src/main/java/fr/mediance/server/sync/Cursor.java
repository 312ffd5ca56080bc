package fr.mediance.server.sync;

import fr.mediance.server.DomainException;

/** The pull cursor: the last change number scanned, as an opaque string. Absent or empty is the beginning. */
final class Cursor {
    private Cursor() {}

    static long parse(String text) {
        if (text == null || text.isEmpty()) {
            return 0;
        }
        if (text.length() > 19 || !text.chars().allMatch(ch -> ch >= '0' && ch <= '9')) {
            throw invalid();
        }
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException beyondLong) {
            // 19 digits can still exceed the largest change number (found by the fuzz test)
            throw invalid();
        }
    }

    static String format(long seq) {
        return Long.toString(seq);
    }

    static DomainException invalid() {
        return DomainException.invalid(
                "invalid_cursor",
                "Curseur de synchronisation inconnu : recommencez la synchronisation depuis le début.");
    }
}
