package fr.mediance.server.sync;

import com.google.gson.JsonObject;
import fr.mediance.protocol.EntityDto;
import fr.mediance.protocol.EntityType;
import fr.mediance.protocol.OpStatus;
import fr.mediance.protocol.OperationDto;
import fr.mediance.server.db.Tx;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Merges a pushed update of a shared record (resident, appointment) into its current server version, field by
 * field.
 *
 * <p>The fields the update sets are {@link OperationDto#changedFields()} when the device names them; otherwise
 * the fields where the pushed record differs from the base version (or, when the base is unknown, from the
 * current version: the whole record, as before merging existed). Each of those fields takes the pushed value;
 * every other field keeps the server's current value.
 *
 * <p>A field is in conflict when, since the base version, someone else changed it to a value other than the
 * pushed one: the current value differs from the base value and from the pushed value, and the last change of
 * that field was made by another account (a device's own earlier edit, still unacknowledged when it made the
 * next one, is not a conflict). The pushed value is applied anyway (the later arrival wins, so the device that
 * just worked sees its value) and the conflict keeps base, server and client values.
 *
 * <p>When the base version's content is not in the history (records older than the history), a field whose
 * current value differs from the pushed one after a concurrent change is counted as a conflict with an unknown
 * base value: better a conflict to look at than a value lost silently.
 */
public final class FieldMerge {
    private final EntityStore store;

    FieldMerge(EntityStore store) {
        this.store = store;
    }

    /** A field changed on both sides. */
    public record FieldConflict(
            String field, String baseValue, String serverValue, String clientValue, String serverAuthorId) {}

    /** The merged record, the fields the update set, and what happened. */
    public record Outcome(EntityDto merged, Set<String> fields, OpStatus status, List<FieldConflict> conflicts) {}

    Outcome merge(Tx tx, StoredEntity current, OperationDto op, EntityDto pushed, String userId) {
        EntityType type = current.type();
        List<String> mergeable = WireFields.of(type);
        Long base = op.baseVersion();
        boolean concurrent = base != null && current.version() > base;

        List<RecordVersion> history = concurrent ? store.versionsFrom(tx, type, current.id(), base) : List.of();
        JsonObject baseTree = null;
        if (base != null && base == current.version()) {
            baseTree = WireFields.tree(current.data());
        } else if (!history.isEmpty() && history.get(0).version() == base) {
            baseTree = WireFields.tree(history.get(0).data());
        }
        JsonObject currentTree = WireFields.tree(current.data());
        JsonObject pushedTree = WireFields.tree(pushed);

        Set<String> fields = new LinkedHashSet<>();
        if (!op.changedFields().isEmpty()) {
            for (String f : op.changedFields()) {
                if (!mergeable.contains(f)) {
                    throw RejectedOp.invalid(
                            "changedFields",
                            "Le champ « " + FieldChecks.shorten(f)
                                    + " » de « changedFields » n'existe pas ou ne peut pas être modifié.");
                }
                fields.add(f);
            }
        } else {
            JsonObject reference = baseTree != null ? baseTree : currentTree;
            for (String f : mergeable) {
                if (!Objects.equals(WireFields.text(pushedTree, f), WireFields.text(reference, f))) {
                    fields.add(f);
                }
            }
        }

        Map<String, String> values = new LinkedHashMap<>();
        for (String f : fields) {
            values.put(f, WireFields.text(pushedTree, f));
        }
        EntityDto merged = WireFields.with(current.data(), values);

        List<FieldConflict> conflicts = new ArrayList<>();
        if (concurrent) {
            for (String f : fields) {
                String server = WireFields.text(currentTree, f);
                String client = values.get(f);
                if (Objects.equals(server, client)) {
                    continue;
                }
                String baseValue = baseTree == null ? null : WireFields.text(baseTree, f);
                if (baseTree != null && Objects.equals(server, baseValue)) {
                    continue;
                }
                String author = lastChangedBy(history, baseTree, f);
                if (userId.equals(author)) {
                    continue;
                }
                conflicts.add(new FieldConflict(f, baseValue, server, client, author));
            }
        }
        OpStatus status = !conflicts.isEmpty() ? OpStatus.CONFLICT : concurrent ? OpStatus.MERGED : OpStatus.APPLIED;
        return new Outcome(merged, fields, status, conflicts);
    }

    /**
     * Who last changed a field after the base version, from the history; with no base content, the author of
     * the latest version.
     */
    private static String lastChangedBy(List<RecordVersion> history, JsonObject baseTree, String field) {
        if (baseTree == null) {
            return history.isEmpty() ? null : history.get(history.size() - 1).changedBy();
        }
        String author = null;
        String previous = WireFields.text(baseTree, field);
        for (RecordVersion v : history) {
            String value = WireFields.text(WireFields.tree(v.data()), field);
            if (!Objects.equals(value, previous)) {
                author = v.changedBy();
            }
            previous = value;
        }
        return author;
    }
}
