package fr.mediance.protocol;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The checks of a partner of the directory that the device (offline, beside the field) and the server (at sync) both
 * run, and the accent-insensitive search key the device's search reads. What needs a code list (the type, the
 * creditor categories, the documents a service requires) is checked by each side against its lists.
 *
 * <p>A check answers the {@link Problem}s it finds, in field order: the field's wire path ({@code name},
 * {@code services[1].phone}), a stable code (the app shows its own text for it, {@code partner.problem.<code>}) and
 * a French message (the server's answer).
 */
public final class Partners {
    /** The partner types (domain brief §5.2), seed of the "partner_type" list, with their French labels. */
    public static final Map<String, String> TYPES = types();

    private static final Pattern CODE = Pattern.compile(Limits.CODE_PATTERN);
    private static final Pattern POSTCODE = Pattern.compile("\\d{5}");
    /** Ten digits from 0, an international number, or a short number (3230, 3646, 1013...). */
    private static final Pattern PHONE = Pattern.compile("0\\d{9}|\\+\\d{8,15}|[13]\\d{3}");

    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s.]+");
    private static final Pattern WEBSITE = Pattern.compile("https?://\\S+");
    private static final Pattern SEPARATORS = Pattern.compile("[\\s.\\-()]");
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern NOT_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");

    /** A field refused, with a stable code and the French message. */
    public record Problem(String field, String code, String message) {}

    private Partners() {}

    /** Every problem of a partner's fields that needs no code list, in field order. */
    public static List<Problem> problems(PartnerDto p) {
        List<Problem> out = new ArrayList<>();
        if (p.id() == null || p.id().isBlank()) {
            out.add(new Problem("id", "required", "Le code du partenaire « id » est obligatoire."));
        } else if (p.id().length() > Limits.MAX_CODE || !CODE.matcher(p.id()).matches()) {
            out.add(new Problem(
                    "id",
                    "code",
                    "Le code du partenaire « id » s'écrit en minuscules, chiffres, - ou _, sans espace ("
                            + Limits.MAX_CODE + " caractères au plus)."));
        }
        codeShape(out, "type", p.type(), true);
        text(out, "name", p.name(), Limits.MAX_SHORT_TEXT, true);
        codes(out, "categories", p.categories());
        if (p.website() != null && !p.website().isBlank()) {
            if (p.website().length() > Limits.MAX_SHORT_TEXT) {
                out.add(tooLong("website", Limits.MAX_SHORT_TEXT));
            } else if (!WEBSITE.matcher(p.website().strip()).matches()) {
                out.add(new Problem("website", "website", "Le site « website » commence par https:// (ou http://)."));
            }
        }
        if (p.services().size() > Limits.MAX_LIST_ITEMS) {
            out.add(new Problem(
                    "services",
                    "too_many",
                    "Trop de services pour un partenaire (" + p.services().size() + ", au plus " + Limits.MAX_LIST_ITEMS
                            + ")."));
            return out;
        }
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < p.services().size(); i++) {
            PartnerServiceDto s = p.services().get(i);
            String at = "services[" + i + "].";
            if (s == null) {
                out.add(new Problem("services[" + i + "]", "required", "Un service est vide."));
                continue;
            }
            if (s.id() == null || s.id().isBlank() || s.id().length() > Limits.MAX_ID) {
                out.add(new Problem(
                        at + "id",
                        "service_id",
                        "L'identifiant d'un service « id » fait de 1 à " + Limits.MAX_ID + " caractères."));
            } else if (!ids.add(s.id())) {
                out.add(new Problem(
                        at + "id",
                        "service_id_twice",
                        "L'identifiant de service « " + s.id() + " » apparaît deux fois."));
            }
            text(out, at + "name", s.name(), Limits.MAX_SHORT_TEXT, true);
            text(out, at + "address", s.address(), Limits.MAX_SHORT_TEXT, false);
            if (present(s.postcode()) && !POSTCODE.matcher(s.postcode().strip()).matches()) {
                out.add(new Problem(at + "postcode", "postcode", "Le code postal s'écrit en 5 chiffres (13001)."));
            }
            text(out, at + "city", s.city(), Limits.MAX_SHORT_TEXT, false);
            if (present(s.phone()) && !isPhone(s.phone())) {
                out.add(new Problem(
                        at + "phone",
                        "phone",
                        "Le téléphone s'écrit en 10 chiffres (04 91 00 00 00), en +33… ou en numéro court (3230)."));
            }
            if (present(s.email())
                    && (s.email().length() > Limits.MAX_SHORT_TEXT
                            || !EMAIL.matcher(s.email().strip()).matches())) {
                out.add(new Problem(at + "email", "email", "L'adresse e-mail n'a pas la forme nom@domaine.fr."));
            }
            text(out, at + "hours", s.hours(), Limits.MAX_SHORT_TEXT, false);
            codes(out, at + "documents", s.documents());
            text(out, at + "note", s.note(), Limits.MAX_LONG_TEXT, false);
        }
        return out;
    }

    /** Whether a typed phone number has an accepted shape once spaces, dots, dashes and brackets are removed. */
    public static boolean isPhone(String typed) {
        return typed != null && PHONE.matcher(dial(typed)).matches();
    }

    /** The number to dial ({@code tel:} link): the typed number without spaces, dots, dashes or brackets. */
    public static String dial(String typed) {
        return typed == null ? "" : SEPARATORS.matcher(typed.strip()).replaceAll("");
    }

    /**
     * The search form of a text: lower case, accents removed, every run of other characters one space, with a space
     * before and after ("CAF des Bouches-du-Rhône" → " caf des bouches du rhone "); empty text gives " ".
     */
    public static String searchKey(String text) {
        if (text == null) {
            return " ";
        }
        String plain = MARKS.matcher(Normalizer.normalize(text, Normalizer.Form.NFD))
                .replaceAll("")
                .toLowerCase(Locale.ROOT);
        String words = NOT_WORD.matcher(plain).replaceAll(" ").strip();
        return words.isEmpty() ? " " : " " + words + " ";
    }

    /** The words of a query, as {@link #searchKey} writes them; a key matches when each begins one of its words. */
    public static List<String> queryWords(String query) {
        String key = searchKey(query).strip();
        return key.isEmpty() ? List.of() : List.of(key.split(" "));
    }

    /** Whether a search key (from {@link #searchKey}) has a word beginning with each word of the query. */
    public static boolean matches(String key, String query) {
        for (String w : queryWords(query)) {
            if (!key.contains(" " + w)) {
                return false;
            }
        }
        return true;
    }

    /** What a partner is found by: its code, name, type label, services' names and cities. */
    public static String searchKey(PartnerDto p, String typeLabel) {
        StringBuilder b = new StringBuilder();
        b.append(p.id()).append(' ').append(p.name()).append(' ');
        b.append(typeLabel == null ? TYPES.getOrDefault(p.type(), p.type()) : typeLabel);
        for (PartnerServiceDto s : p.services()) {
            b.append(' ').append(s.name()).append(' ').append(s.city() == null ? "" : s.city());
        }
        return searchKey(b.toString());
    }

    private static boolean present(String s) {
        return s != null && !s.isBlank();
    }

    private static void text(List<Problem> out, String field, String value, int max, boolean required) {
        if (!present(value)) {
            if (required) {
                out.add(new Problem(field, "required", "Le champ « " + field + " » est obligatoire."));
            }
        } else if (value.length() > max) {
            out.add(tooLong(field, max));
        }
    }

    private static Problem tooLong(String field, int max) {
        return new Problem(
                field, "too_long", "Le champ « " + field + " » est trop long (" + max + " caractères au plus).");
    }

    private static void codeShape(List<Problem> out, String field, String value, boolean required) {
        if (!present(value)) {
            if (required) {
                out.add(new Problem(field, "required", "Le champ « " + field + " » est obligatoire."));
            }
        } else if (value.length() > Limits.MAX_CODE || !CODE.matcher(value).matches()) {
            out.add(new Problem(field, "code", "Le code « " + field + " » est mal formé."));
        }
    }

    private static void codes(List<Problem> out, String field, List<String> values) {
        if (values.size() > Limits.MAX_LIST_ITEMS) {
            out.add(new Problem(
                    field,
                    "too_many",
                    "Trop d'éléments dans « " + field + " » (au plus " + Limits.MAX_LIST_ITEMS + ")."));
            return;
        }
        Set<String> seen = new HashSet<>();
        for (String v : values) {
            if (v == null || !seen.add(v)) {
                out.add(new Problem(
                        field, "twice", "Une valeur apparaît deux fois ou est vide dans « " + field + " »."));
                return;
            }
            if (v.length() > Limits.MAX_CODE || !CODE.matcher(v).matches()) {
                out.add(new Problem(field, "code", "Un code de « " + field + " » est mal formé."));
                return;
            }
        }
    }

    private static Map<String, String> types() {
        String[] pairs = {
            "fournisseur_energie", "Fournisseur d'énergie",
            "gestionnaire_reseau", "Gestionnaire de réseau (électricité, gaz)",
            "eau", "Distributeur d'eau",
            "telecom", "Opérateur télécom",
            "banque", "Banque",
            "organisme_credit", "Organisme de crédit",
            "assurance", "Assurance / mutuelle",
            "bailleur_social", "Bailleur social",
            "bailleur_prive", "Bailleur privé",
            "caf", "CAF",
            "cpam", "CPAM (Assurance maladie)",
            "carsat", "CARSAT / CNAV (retraite)",
            "msa", "MSA",
            "france_travail", "France Travail",
            "dgfip", "Finances publiques (DGFiP, SIP)",
            "departement", "Conseil départemental",
            "ccas", "CCAS / CIAS",
            "banque_de_france", "Banque de France",
            "tribunal", "Tribunal / juge des contentieux de la protection",
            "commissaire_justice", "Commissaire de justice",
            "mediateur", "Médiateur",
            "association", "Association",
            "france_services", "France Services",
            "autre", "Autre"
        };
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            m.put(pairs[i], pairs[i + 1]);
        }
        return java.util.Collections.unmodifiableMap(m);
    }
}
