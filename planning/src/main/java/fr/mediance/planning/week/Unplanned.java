package fr.mediance.planning.week;

/**
 * A request left out of the week.
 *
 * @param requestId the request
 * @param fileNumber its file number
 * @param reason the reason, as a code
 * @param message the reason, as a French sentence for the coordinator
 */
public record Unplanned(String requestId, String fileNumber, Reason reason, String message) {

    /** Why a request is left out. */
    public enum Reason {
        /** The request itself is invalid (no location, impossible duration…): see the input problems. */
        INVALID_REQUEST,
        /** The resident is available at no moment when a counsellor works this week. */
        NO_AVAILABILITY,
        /** The resident is available, but the team's week is full at those moments. */
        WEEK_FULL,
        /** An urgent request that cannot be visited on or before its deadline. */
        URGENT_DEADLINE_IMPOSSIBLE
    }
}
