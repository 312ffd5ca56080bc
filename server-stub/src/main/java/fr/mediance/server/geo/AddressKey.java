package fr.mediance.server.geo;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How an address typed on a tablet is matched with the national address base: the street's name reduced to a key
 * (no accents, no punctuation, the usual abbreviations written out — « bd », « av. », « ch. », « trav. », « St » —
 * and the small words dropped), and the house number with its suffix (« 12 bis », « 12B ») taken off the front.
 * The base's own names go through the same key, so « 12 bd National » finds « 12 Boulevard National ».
 */
public final class AddressKey {
    private static final Map<String, String> ABBREVIATIONS = Map.ofEntries(
            Map.entry("bd", "boulevard"),
            Map.entry("bld", "boulevard"),
            Map.entry("bvd", "boulevard"),
            Map.entry("boul", "boulevard"),
            Map.entry("av", "avenue"),
            Map.entry("ave", "avenue"),
            Map.entry("r", "rue"),
            Map.entry("ch", "chemin"),
            Map.entry("che", "chemin"),
            Map.entry("chem", "chemin"),
            Map.entry("pl", "place"),
            Map.entry("imp", "impasse"),
            Map.entry("all", "allee"),
            Map.entry("crs", "cours"),
            Map.entry("rte", "route"),
            Map.entry("trav", "traverse"),
            Map.entry("tra", "traverse"),
            Map.entry("qu", "quai"),
            Map.entry("sq", "square"),
            Map.entry("res", "residence"),
            Map.entry("resid", "residence"),
            Map.entry("st", "saint"),
            Map.entry("ste", "sainte"),
            Map.entry("mte", "montee"),
            Map.entry("prom", "promenade"),
            Map.entry("lot", "lotissement"),
            Map.entry("pte", "porte"),
            Map.entry("gal", "general"),
            Map.entry("mal", "marechal"),
            Map.entry("pdt", "president"));
    private static final Set<String> SMALL_WORDS =
            Set.of("de", "du", "des", "la", "le", "les", "l", "d", "a", "au", "aux", "en", "et");
    /**
     * A number, then a suffix: a word (« bis »), a letter stuck to it (« 12b ») or a lone a–d (« 12 b rue… »; not
     * « r », which is « rue »).
     */
    private static final Pattern NUMBER = Pattern.compile(
            "^(\\d{1,5})(?:\\s*(bis|ter|quater|quinquies)(?![a-z])|([a-z])(?![a-z])|\\s([a-d])(?=\\s))?\\s*(.*)$");

    /** A house number and what follows it. {@code number} null when the address has none. */
    public record Parsed(Integer number, String suffix, String streetKey) {}

    private AddressKey() {}

    /** The key of a street's name (never null; empty when nothing is left). */
    public static String street(String name) {
        List<String> words = new ArrayList<>();
        for (String w : plain(name).split(" ")) {
            if (w.isEmpty() || SMALL_WORDS.contains(w)) {
                continue;
            }
            words.add(ABBREVIATIONS.getOrDefault(w, w));
        }
        return String.join(" ", words);
    }

    /** The suffix of a house number as the base writes it (« bis », « b »), lower case, or empty. */
    public static String suffix(String rep) {
        return rep == null ? "" : plain(rep).replace(" ", "");
    }

    /** Splits « 12 bis, bd National » into 12, « bis » and the street's key. */
    public static Parsed parse(String streetLine) {
        String plain = plain(streetLine);
        Matcher m = NUMBER.matcher(plain);
        if (m.matches() && !m.group(5).isBlank()) {
            String suffix = m.group(2) != null ? m.group(2) : m.group(3) != null ? m.group(3) : m.group(4);
            return new Parsed(Integer.valueOf(m.group(1)), suffix == null ? "" : suffix, street(m.group(5)));
        }
        return new Parsed(null, "", street(plain));
    }

    /** Lower case, no accents, letters and digits separated by single spaces. */
    static String plain(String s) {
        if (s == null) {
            return "";
        }
        String noAccents = Normalizer.normalize(s, Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
        return noAccents
                .toLowerCase(Locale.ROOT)
                .replace("œ", "oe")
                .replace("æ", "ae")
                .replaceAll("[^a-z0-9]+", " ")
                .trim();
    }

    /** The number of single-letter edits between two keys (Levenshtein), for a street name mistyped. */
    static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
