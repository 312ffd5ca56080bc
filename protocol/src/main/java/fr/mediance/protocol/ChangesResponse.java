package fr.mediance.protocol;

import java.util.List;

/**
 * A page of the change feed. Apply the changes and store {@code cursor} in one transaction, the cursor last;
 * ask again with it while {@code hasMore}.
 */
public record ChangesResponse(List<ChangeDto> changes, String cursor, boolean hasMore) {
    public ChangesResponse {
        changes = changes == null ? List.of() : List.copyOf(changes);
    }
}
