package fr.mediance.app.core.reference;

import fr.mediance.app.core.Outcome;
import fr.mediance.protocol.CodeDto;
import fr.mediance.protocol.Role;
import fr.mediance.rules.LegalReference;
import java.util.List;
import java.util.Optional;

/**
 * Reference data held locally: code lists (received by sync) and the structure's accounts (cached from
 * the server). Reads are local and fast; they block briefly on the database (call off the FX thread).
 */
public interface ReferenceService {
    /** Active entries of a list (see {@link CodeLists}), by sort order then label. */
    List<CodeItem> codes(String list);

    /** One entry (active or not), e.g. to show the label of an old report's code. */
    Optional<CodeItem> code(String list, String code);

    /** The label of a code, or the code itself if unknown (never null for a non-null code). */
    String label(String list, String code);

    /**
     * The creditors and suppliers offered for a creditor category: the active partners of the directory that can be
     * the creditor of {@code category} (every active partner for null), by name, as items whose code is the
     * partner's id and label its name.
     */
    List<CodeItem> creditors(String category);

    /**
     * The creditors of {@link #creditors(String)}, and the partner a stored record already names ({@code current})
     * at the end when it is not among them (made inactive since): a record keeps its creditor.
     */
    default List<CodeItem> creditors(String category, String current) {
        List<CodeItem> offered = creditors(category);
        if (current == null || offered.stream().anyMatch(c -> c.code().equals(current))) {
            return offered;
        }
        List<CodeItem> all = new java.util.ArrayList<>(offered);
        all.add(new CodeItem(
                fr.mediance.protocol.ListNames.PARTNER, current, partnerName(current), category, 0, false));
        return List.copyOf(all);
    }

    /** The name of a partner of the directory (active or not), or the id itself when unknown (null for null). */
    String partnerName(String partnerId);

    /** Every entry of a list, active or not, by sort order then code: what the office's list editor shows. */
    List<CodeDto> entries(String list);

    /**
     * Saves an entry of a code list (office, coordinator, administrator): a new one ({@code creating}: its code
     * must be new in the list) or a change of an existing one (label, parent, value, order, active; the code
     * stays). Validated, written locally and queued for the server in one transaction; the server then gives
     * it to every device. Field keys of {@link Outcome.Invalid}: code, label, parent, value, sortOrder. A
     * French failure for a counsellor.
     */
    Outcome<CodeDto> saveEntry(CodeDto entry, boolean creating);

    /**
     * The legal values the casework rules compute with: the standard ones, with the office's edited entries of
     * {@link fr.mediance.protocol.ListNames#LEGAL_VALUE} over them (reached by sync).
     */
    LegalReference legal();

    /** Cached accounts, optionally of one role, sorted by name. */
    List<UserItem> users(Role role);

    Optional<UserItem> user(String userId);

    /**
     * Fetches the structure's accounts from the server and replaces the cache (blocking, network).
     * Returns the number of accounts, or a French failure message.
     */
    Outcome<Integer> refreshUsers();
}
