package fr.mediance.rules.json;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import fr.mediance.rules.RuleException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.regex.Pattern;

/** Reads a rule's input fields strictly: the wrong type, a missing field or an impossible date is a refusal. */
final class Inputs {
    private static final Pattern ISO_DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    /** Whole digits of a number (up to 999 999 999 999). */
    static final int MAX_WHOLE_DIGITS = 12;
    /** Decimals of a number. */
    static final int MAX_DECIMALS = 10;

    private final JsonObject input;

    Inputs(JsonObject input) {
        this.input = input;
    }

    private JsonElement required(String name) {
        JsonElement value = input.get(name);
        if (value == null || value.isJsonNull()) {
            throw new RuleException(RuleException.INVALID_INPUT, "input.missing", name);
        }
        return value;
    }

    private static JsonPrimitive primitive(String name, JsonElement value) {
        if (!value.isJsonPrimitive()) {
            throw new RuleException(RuleException.INVALID_INPUT, "input.type", name);
        }
        return value.getAsJsonPrimitive();
    }

    LocalDate date(String name) {
        return toDate(name, required(name));
    }

    /** A date that may be absent or null. */
    Optional<LocalDate> optionalDate(String name) {
        JsonElement value = input.get(name);
        return value == null || value.isJsonNull() ? Optional.empty() : Optional.of(toDate(name, value));
    }

    private static LocalDate toDate(String name, JsonElement value) {
        JsonPrimitive p = primitive(name, value);
        if (!p.isString() || !ISO_DATE.matcher(p.getAsString()).matches()) {
            throw new RuleException(RuleException.INVALID_DATE, "input.date", name);
        }
        try {
            // ISO_LOCAL_DATE resolves strictly: 2026-02-29 and 2026-04-31 are refused, not moved.
            return LocalDate.parse(p.getAsString(), DateTimeFormatter.ISO_LOCAL_DATE);
        } catch (DateTimeParseException e) {
            throw new RuleException(RuleException.INVALID_DATE, "input.date", name);
        }
    }

    boolean bool(String name) {
        JsonPrimitive p = primitive(name, required(name));
        if (!p.isBoolean()) {
            throw new RuleException(RuleException.INVALID_INPUT, "input.type", name);
        }
        return p.getAsBoolean();
    }

    /** A boolean that is false when absent. */
    boolean optionalBool(String name) {
        JsonElement value = input.get(name);
        return value != null && !value.isJsonNull() && bool(name);
    }

    BigDecimal decimal(String name) {
        return toDecimal(name, required(name));
    }

    static BigDecimal toDecimal(String name, JsonElement value) {
        JsonPrimitive p = primitive(name, value);
        if (!p.isNumber()) {
            throw new RuleException(RuleException.INVALID_INPUT, "input.type", name);
        }
        BigDecimal number;
        try {
            number = p.getAsBigDecimal();
        } catch (NumberFormatException e) {
            throw new RuleException(RuleException.INVALID_INPUT, "input.type", name);
        }
        // Bounded before any arithmetic: 1e999999999 would ask for a billion digits at the first rounding.
        if (number.precision() - number.scale() > MAX_WHOLE_DIGITS || number.scale() > MAX_DECIMALS) {
            throw new RuleException(RuleException.INVALID_INPUT, "input.number.range", name);
        }
        return number;
    }

    /** A whole number (2 or 2.0, not 2.5), within int range. */
    int integer(String name) {
        BigDecimal value = decimal(name);
        try {
            return value.stripTrailingZeros().intValueExact();
        } catch (ArithmeticException e) {
            throw new RuleException(RuleException.INVALID_INPUT, "input.integer", name);
        }
    }

    String string(String name) {
        JsonPrimitive p = primitive(name, required(name));
        if (!p.isString()) {
            throw new RuleException(RuleException.INVALID_INPUT, "input.type", name);
        }
        return p.getAsString();
    }

    JsonArray array(String name) {
        JsonElement value = required(name);
        if (!value.isJsonArray()) {
            throw new RuleException(RuleException.INVALID_INPUT, "input.type", name);
        }
        return value.getAsJsonArray();
    }

    static Inputs of(String name, JsonElement value) {
        if (value == null || !value.isJsonObject()) {
            throw new RuleException(RuleException.INVALID_INPUT, "input.type", name);
        }
        return new Inputs(value.getAsJsonObject());
    }
}
