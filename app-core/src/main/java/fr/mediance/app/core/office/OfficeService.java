package fr.mediance.app.core.office;

import fr.mediance.app.core.Outcome;
import java.util.List;
import java.util.Optional;

/**
 * The office's view of the synchronised visit reports. The list and the fields are local (received by
 * sync), including which photos have arrived ("2 photos sur 3 en attente"); photos and their thumbnails are
 * downloaded on demand into the encrypted local cache.
 */
public interface OfficeService {
    /** Completed reports held locally, most recent first. */
    List<ReceivedReport> receivedReports();

    Optional<ReportDetail> open(String reportId);

    /** A mandate held on this device (named by an action on behalf), or empty. */
    Optional<fr.mediance.protocol.MandateDto> mandate(String mandateId);

    /**
     * The decrypted bytes of a report's photo: from the encrypted cache, or downloaded from the server
     * (verified by hash, then cached encrypted). Blocking, may use the network. Fails with a French message
     * when offline or when the server does not have the photo yet.
     */
    Outcome<byte[]> photo(String documentId);

    /**
     * A small JPEG preview of a report's photo (long edge {@code Limits.THUMBNAIL_EDGE} px) made by the server,
     * for the list: from the encrypted cache, or downloaded once and cached encrypted. Falls back to the photo
     * itself when it is already on this device. Blocking, may use the network. Fails with a French message when
     * the photo has not arrived yet or the server cannot be reached.
     */
    Outcome<byte[]> thumbnail(String documentId);

    /**
     * The number of photos of received reports still awaited by the office. Which photos have arrived is told
     * by the server's blob status records that come with each sync, so this reads the local database only
     * (run a sync for news); photos received before those records existed are asked once with HEAD.
     */
    Outcome<Integer> refreshPhotoAvailability();
}
