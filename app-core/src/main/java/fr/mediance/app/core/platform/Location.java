package fr.mediance.app.core.platform;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * The device's position service (a tablet's GPS). None on a desktop: {@link #available()} is false and the
 * screens hide the check-in. The position is read once, when asked, never in the background.
 */
public interface Location {
    /** No position service (desktop, tests). */
    Location NONE = new Location() {
        @Override
        public boolean available() {
            return false;
        }

        @Override
        public CompletableFuture<Optional<Position>> current(Duration timeout) {
            return CompletableFuture.completedFuture(Optional.empty());
        }
    };

    boolean available();

    /**
     * Reads the position once; completes empty when none came within {@code timeout} (no fix, permission
     * refused). Never completes exceptionally for those cases.
     */
    CompletableFuture<Optional<Position>> current(Duration timeout);
}
