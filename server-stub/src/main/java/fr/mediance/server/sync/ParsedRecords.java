package fr.mediance.server.sync;

import fr.mediance.protocol.EntityDto;
import fr.mediance.protocol.EntityType;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * The records last read from their stored JSON, by type and JSON text: a pull page reads up to 200 records, and
 * when a whole team syncs at once every tablet's pull reads the same colleagues' records, each parsed once per
 * tablet. The key is the stored text itself, so a record changed in place (anonymised, say) is a new key and is
 * read anew: an entry never answers for other text than its own. The records are immutable (their lists are
 * never changed after reading). Least recently used entries go first, within a budget of characters of JSON.
 */
final class ParsedRecords {
    private static final int SEGMENTS = 16;

    private final Segment[] segments = new Segment[SEGMENTS];

    /** {@code maxChars}: the JSON text kept at most, over all entries. */
    ParsedRecords(long maxChars) {
        for (int i = 0; i < SEGMENTS; i++) {
            segments[i] = new Segment(Math.max(1, maxChars / SEGMENTS));
        }
    }

    /** The record this JSON is, parsed by {@code parse} unless it was read recently. */
    EntityDto read(EntityType type, String json, BiFunction<EntityType, String, EntityDto> parse) {
        Key key = new Key(type, json);
        Segment s = segments[(key.hashCode() & 0x7fffffff) % SEGMENTS];
        EntityDto hit = s.get(key);
        if (hit != null) {
            return hit;
        }
        EntityDto parsed = parse.apply(type, json);
        s.put(key, parsed);
        return parsed;
    }

    /** How many records are kept (for tests). */
    int size() {
        int n = 0;
        for (Segment s : segments) {
            synchronized (s) {
                n += s.map.size();
            }
        }
        return n;
    }

    private record Key(EntityType type, String json) {}

    private static final class Segment {
        private final long maxChars;
        private long chars;
        private final LinkedHashMap<Key, EntityDto> map = new LinkedHashMap<>(256, 0.75f, true);

        Segment(long maxChars) {
            this.maxChars = maxChars;
        }

        synchronized EntityDto get(Key key) {
            return map.get(key);
        }

        synchronized void put(Key key, EntityDto value) {
            long size = key.json().length();
            if (size > maxChars) {
                return;
            }
            if (map.put(key, value) == null) {
                chars += size;
            }
            var it = map.entrySet().iterator();
            while (chars > maxChars && it.hasNext()) {
                Map.Entry<Key, EntityDto> eldest = it.next();
                chars -= eldest.getKey().json().length();
                it.remove();
            }
        }
    }
}
