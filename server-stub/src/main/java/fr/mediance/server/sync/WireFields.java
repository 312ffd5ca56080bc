package fr.mediance.server.sync;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import fr.mediance.protocol.EntityDto;
import fr.mediance.protocol.EntityType;
import fr.mediance.protocol.ResidentDto;
import fr.mediance.protocol.json.MedianceJson;
import fr.mediance.protocol.json.WireFormatException;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The fields of a shared record by their wire name, as wire text (a date as {@code 2026-11-26}, null when
 * empty): what a merge compares and what a conflict record keeps. Going through the protocol's adapters keeps
 * one definition of each field's text.
 */
public final class WireFields {
    /** The fields of a resident that merge one by one (everything but the id and the structure). */
    static final List<String> RESIDENT = ResidentDto.FIELDS;
    /** The fields of an appointment that merge one by one. */
    static final List<String> APPOINTMENT = List.of(
            "residentId",
            "counsellorId",
            "type",
            "start",
            "end",
            "status",
            "address",
            "notes",
            "statusReason",
            "checklist",
            "safetyNotes",
            "locked",
            "requestId");
    /**
     * The mergeable fields whose wire text is JSON rather than a string (flags, and lists merged as whole
     * values).
     */
    private static final Set<String> JSON_VALUED = Set.of(
            "noPhone",
            "interpreterNeeded",
            "mainResidence",
            "household",
            "contacts",
            "checklist",
            "location",
            "locked");

    private WireFields() {}

    /** The mergeable fields of an entity type; empty for the types that do not merge. */
    static List<String> of(EntityType type) {
        return switch (type) {
            case RESIDENT -> RESIDENT;
            case APPOINTMENT -> APPOINTMENT;
            default -> List.of();
        };
    }

    static JsonObject tree(EntityDto dto) {
        return MedianceJson.gson().toJsonTree(dto, dto.getClass()).getAsJsonObject();
    }

    /** A field's wire text, or null when it is empty. */
    static String text(JsonObject tree, String field) {
        JsonElement e = tree.get(field);
        if (e == null || e.isJsonNull()) {
            return null;
        }
        return e.isJsonPrimitive() ? e.getAsString() : e.toString();
    }

    private static JsonElement json(String field, String text) {
        try {
            return JsonParser.parseString(text);
        } catch (JsonParseException e) {
            throw RejectedOp.invalid(field, "La valeur de « " + field + " » n'est pas du JSON valide.");
        }
    }

    /**
     * The record with some fields set from wire text (null empties a field). A text that does not fit the field
     * (a date that is not one) is refused as {@code invalid_field}.
     */
    @SuppressWarnings("unchecked")
    public static <T extends EntityDto> T with(T record, Map<String, String> values) {
        JsonObject tree = tree(record);
        for (Map.Entry<String, String> v : values.entrySet()) {
            if (v.getValue() == null) {
                tree.remove(v.getKey());
            } else if (JSON_VALUED.contains(v.getKey())) {
                tree.add(v.getKey(), json(v.getKey(), v.getValue()));
            } else {
                tree.add(v.getKey(), new JsonPrimitive(v.getValue()));
            }
        }
        try {
            return (T) MedianceJson.gson().fromJson(tree, record.getClass());
        } catch (WireFormatException e) {
            throw RejectedOp.invalid(e.field(), e.getMessage());
        } catch (JsonParseException | IllegalArgumentException | java.time.DateTimeException e) {
            throw RejectedOp.invalid("", "Une valeur ne correspond pas au type de son champ.");
        }
    }
}
