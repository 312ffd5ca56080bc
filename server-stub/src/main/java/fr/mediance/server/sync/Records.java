package fr.mediance.server.sync;

import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import fr.mediance.protocol.EntityDto;
import fr.mediance.protocol.json.MedianceJson;

/** Small record helpers. */
final class Records {
    private Records() {}

    /** The record with the caller's structure, every other field as pushed (through the wire form). */
    @SuppressWarnings("unchecked")
    static <T extends EntityDto> T inStructure(T record, String structureId) {
        JsonObject tree = WireFields.tree(record);
        tree.add("structureId", new JsonPrimitive(structureId));
        return (T) MedianceJson.gson().fromJson(tree, record.getClass());
    }
}
