package fr.mediance.protocol.json;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Typed, validating access to the fields of one JSON object. Every failure is a {@link WireFormatException}
 * naming the field with a French message, so a bad request gets an answer a person can read.
 */
public final class Fields {
    private final JsonObject object;
    private final String path;

    Fields(JsonObject object, String path) {
        this.object = object;
        this.path = path;
    }

    private String at(String name) {
        return path.isEmpty() ? name : path + "." + name;
    }

    private JsonElement get(String name) {
        JsonElement e = object.get(name);
        return e == null || e.isJsonNull() ? null : e;
    }

    private WireFormatException missing(String name) {
        return new WireFormatException(at(name), "Le champ « " + at(name) + " » est obligatoire.");
    }

    private WireFormatException wrong(String name, String expected) {
        return new WireFormatException(at(name), "Le champ « " + at(name) + " » doit être " + expected + ".");
    }

    private JsonPrimitive primitive(String name, String expected) {
        JsonElement e = get(name);
        if (e == null) {
            return null;
        }
        if (!e.isJsonPrimitive()) {
            throw wrong(name, expected);
        }
        return e.getAsJsonPrimitive();
    }

    public String string(String name) {
        JsonPrimitive p = primitive(name, "un texte");
        if (p == null) {
            return null;
        }
        if (!p.isString()) {
            throw wrong(name, "un texte");
        }
        return p.getAsString();
    }

    public String requiredString(String name) {
        String s = string(name);
        if (s == null) {
            throw missing(name);
        }
        return s;
    }

    public Long optionalLong(String name) {
        JsonPrimitive p = primitive(name, "un nombre entier");
        if (p == null) {
            return null;
        }
        if (!p.isNumber()) {
            throw wrong(name, "un nombre entier");
        }
        try {
            return p.getAsBigDecimal().longValueExact();
        } catch (ArithmeticException | NumberFormatException e) {
            throw wrong(name, "un nombre entier");
        }
    }

    public long requiredLong(String name) {
        Long v = optionalLong(name);
        if (v == null) {
            throw missing(name);
        }
        return v;
    }

    public int intOr(String name, int fallback) {
        Long v = optionalLong(name);
        if (v == null) {
            return fallback;
        }
        if (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) {
            throw wrong(name, "un nombre entier plus petit");
        }
        return v.intValue();
    }

    /** An integer that may be absent. */
    public Integer optionalInt(String name) {
        Long v = optionalLong(name);
        if (v == null) {
            return null;
        }
        if (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) {
            throw wrong(name, "un nombre entier plus petit");
        }
        return v.intValue();
    }

    /** A finite decimal number (a coordinate). */
    public double requiredDouble(String name) {
        JsonPrimitive p = primitive(name, "un nombre");
        if (p == null) {
            throw missing(name);
        }
        if (!p.isNumber()) {
            throw wrong(name, "un nombre");
        }
        double v;
        try {
            v = p.getAsDouble();
        } catch (NumberFormatException e) {
            throw wrong(name, "un nombre");
        }
        if (!Double.isFinite(v)) {
            throw wrong(name, "un nombre fini");
        }
        return v;
    }

    /** True, false or absent (not known). */
    public Boolean optionalBool(String name) {
        JsonPrimitive p = primitive(name, "vrai ou faux");
        if (p == null) {
            return null;
        }
        if (!p.isBoolean()) {
            throw wrong(name, "vrai ou faux (true/false)");
        }
        return p.getAsBoolean();
    }

    public boolean bool(String name, boolean fallback) {
        JsonPrimitive p = primitive(name, "vrai ou faux");
        if (p == null) {
            return fallback;
        }
        if (!p.isBoolean()) {
            throw wrong(name, "vrai ou faux (true/false)");
        }
        return p.getAsBoolean();
    }

    public Instant instant(String name) {
        String s = string(name);
        if (s == null) {
            return null;
        }
        try {
            return Instant.parse(s);
        } catch (DateTimeParseException e) {
            throw wrong(name, "une date et heure ISO-8601 (ex. 2026-11-26T09:30:00Z)");
        }
    }

    public Instant requiredInstant(String name) {
        Instant v = instant(name);
        if (v == null) {
            throw missing(name);
        }
        return v;
    }

    public LocalDate date(String name) {
        String s = string(name);
        if (s == null) {
            return null;
        }
        try {
            return LocalDate.parse(s);
        } catch (DateTimeParseException e) {
            throw wrong(name, "une date AAAA-MM-JJ");
        }
    }

    /** A list of dates AAAA-MM-JJ (empty when absent). */
    public List<LocalDate> dates(String name) {
        List<LocalDate> out = new ArrayList<>();
        for (String s : strings(name)) {
            try {
                out.add(LocalDate.parse(s));
            } catch (DateTimeParseException e) {
                throw wrong(name, "une liste de dates AAAA-MM-JJ");
            }
        }
        return out;
    }

    /** An enum carried as its code; {@code fromCode} returns null for an unknown code. */
    public <E> E code(String name, Function<String, E> fromCode, boolean required) {
        String s = required ? requiredString(name) : string(name);
        if (s == null) {
            return null;
        }
        E v = fromCode.apply(s);
        if (v == null) {
            throw new WireFormatException(
                    at(name), "Valeur inconnue pour le champ « " + at(name) + " » : « " + shorten(s) + " ».");
        }
        return v;
    }

    public List<String> strings(String name) {
        JsonElement e = get(name);
        if (e == null) {
            return List.of();
        }
        if (!e.isJsonArray()) {
            throw wrong(name, "une liste de textes");
        }
        JsonArray a = e.getAsJsonArray();
        List<String> out = new ArrayList<>(a.size());
        for (JsonElement item : a) {
            if (item == null
                    || !item.isJsonPrimitive()
                    || !item.getAsJsonPrimitive().isString()) {
                throw wrong(name, "une liste de textes");
            }
            out.add(item.getAsString());
        }
        return out;
    }

    /** A nested object read with another adapter; null if absent. */
    public <T> T object(String name, RecordAdapter<T> adapter) {
        JsonElement e = get(name);
        if (e == null) {
            return null;
        }
        if (!e.isJsonObject()) {
            throw wrong(name, "un objet");
        }
        return adapter.fromFields(new Fields(e.getAsJsonObject(), at(name)));
    }

    public <T> T requiredObject(String name, RecordAdapter<T> adapter) {
        T v = object(name, adapter);
        if (v == null) {
            throw missing(name);
        }
        return v;
    }

    /** A list of nested objects; empty if absent. */
    public <T> List<T> objects(String name, RecordAdapter<T> adapter) {
        JsonElement e = get(name);
        if (e == null) {
            return List.of();
        }
        if (!e.isJsonArray()) {
            throw wrong(name, "une liste");
        }
        JsonArray a = e.getAsJsonArray();
        List<T> out = new ArrayList<>(a.size());
        for (int i = 0; i < a.size(); i++) {
            JsonElement item = a.get(i);
            String itemPath = at(name) + "[" + i + "]";
            if (item == null || !item.isJsonObject()) {
                throw new WireFormatException(itemPath, "L'élément « " + itemPath + " » doit être un objet.");
            }
            out.add(adapter.fromFields(new Fields(item.getAsJsonObject(), itemPath)));
        }
        return out;
    }

    /** A nested object whose adapter depends on another field (e.g. the entity type). */
    public JsonObject rawObject(String name) {
        JsonElement e = get(name);
        if (e == null) {
            return null;
        }
        if (!e.isJsonObject()) {
            throw wrong(name, "un objet");
        }
        return e.getAsJsonObject();
    }

    public <T> T nested(String name, JsonObject raw, RecordAdapter<T> adapter) {
        return adapter.fromFields(new Fields(raw, at(name)));
    }

    private static String shorten(String s) {
        return s.length() <= 40 ? s : s.substring(0, 40) + "…";
    }
}
