package fr.mediance.server.code;

import fr.mediance.protocol.CodeDto;
import fr.mediance.protocol.ListNames;
import fr.mediance.protocol.json.MedianceJson;
import fr.mediance.rules.LegalReference;
import fr.mediance.rules.LegalValues;
import fr.mediance.server.db.Tx;
import java.util.HashMap;
import java.util.Map;

/**
 * The legal values the casework rules compute with at the office: the structure's {@code legal_value} entries (edited
 * at the office, checked by {@link LegalValues#problem}) over the standard ones, as the tablets read them too.
 */
public final class LegalValuesStore {
    private LegalValuesStore() {}

    public static LegalReference reference(Tx tx) {
        Map<String, String> values = new HashMap<>();
        tx.query(
                "SELECT data FROM codes WHERE list_name = ? AND deleted = 0",
                r -> {
                    CodeDto c = MedianceJson.gson().fromJson(r.getString("data"), CodeDto.class);
                    if (c.active() && c.value() != null) {
                        values.put(c.code(), c.value());
                    }
                    return c;
                },
                ListNames.LEGAL_VALUE);
        return LegalValues.apply(LegalReference.standard(), values);
    }
}
