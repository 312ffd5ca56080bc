package fr.mediance.app.core.office;

import fr.mediance.app.core.Outcome;

import java.util.List;
import java.util.Optional;

/**
 * The office's view of the synchronised visit reports. The list and the fields are local (received by
 * sync); photos are downloaded on demand into the encrypted local cache.
 */
public interface OfficeService {
    /** Completed reports held locally, most recent first. */
    List<ReceivedReport> receivedReports();

    Optional<ReportDetail> open(String reportId);

    /**
     * The decrypted bytes of a report's photo: from the encrypted cache, or downloaded from the server
     * (verified by hash, then cached encrypted). Blocking, may use the network. Fails with a French message
     * when offline or when the server does not have the photo yet.
     */
    Outcome<byte[]> photo(String documentId);

    /**
     * Asks the server which photos it already holds among those not downloaded (HEAD per photo) and updates
     * {@link ReceivedReport#photosAwaited()}. Returns the number of photos still awaited. Blocking, network.
     */
    Outcome<Integer> refreshPhotoAvailability();
}
