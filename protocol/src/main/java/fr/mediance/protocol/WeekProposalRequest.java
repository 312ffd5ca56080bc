package fr.mediance.protocol;

import java.time.LocalDate;
import java.util.List;

/**
 * Asks the office server to propose a week: {@code monday} the week (a Monday), {@code counsellorIds} the counsellors
 * to plan for (empty: every active counsellor of the structure), {@code seconds} how long the optimiser may search
 * ({@link Rounds#MIN_SEARCH_SECONDS} … {@link Rounds#MAX_SEARCH_SECONDS}; null: {@link Rounds#DEFAULT_SEARCH_SECONDS}).
 * Every request waiting for a home visit (a wish, not closed, no live appointment answering it) is planned.
 */
public record WeekProposalRequest(LocalDate monday, List<String> counsellorIds, Integer seconds) {
    public WeekProposalRequest {
        counsellorIds = counsellorIds == null ? List.of() : List.copyOf(counsellorIds);
    }
}
