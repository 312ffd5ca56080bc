package fr.mediance.app.platform;

import com.gluonhq.attach.position.Parameters;
import com.gluonhq.attach.position.PositionService;
import com.gluonhq.attach.util.Platform;
import fr.mediance.app.core.platform.Location;
import fr.mediance.app.core.platform.Position;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.beans.value.ChangeListener;

/**
 * The position through Attach Position, on a device only: started when the counsellor taps "Je suis
 * arrivé·e", stopped at the first fix or after the timeout (never kept running in the background). Attach
 * does not give the accuracy: it is left empty.
 */
public final class AttachLocation implements Location {

    private final PositionService service;
    private final Clock clock;

    private AttachLocation(PositionService service, Clock clock) {
        this.service = service;
        this.clock = clock;
    }

    /** The device's position service; empty on a desktop (the check-in is hidden there). */
    public static Optional<Location> create(Clock clock) {
        if (Platform.isDesktop()) {
            return Optional.empty();
        }
        return PositionService.create().map(s -> new AttachLocation(s, clock));
    }

    @Override
    public boolean available() {
        return true;
    }

    @Override
    public CompletableFuture<Optional<Position>> current(Duration timeout) {
        CompletableFuture<Optional<Position>> result = new CompletableFuture<>();
        javafx.application.Platform.runLater(() -> {
            ChangeListener<com.gluonhq.attach.position.Position> listener = (obs, old, p) -> {
                if (p != null) {
                    result.complete(
                            Optional.of(new Position(p.getLatitude(), p.getLongitude(), null, clock.instant())));
                }
            };
            service.positionProperty().addListener(listener);
            result.whenComplete((p, e) -> javafx.application.Platform.runLater(() -> {
                service.positionProperty().removeListener(listener);
                service.stop();
            }));
            try {
                service.start(new Parameters(Parameters.Accuracy.HIGHEST, false));
            } catch (RuntimeException e) {
                result.complete(Optional.empty()); // permission refused, no provider
            }
        });
        return result.completeOnTimeout(Optional.empty(), timeout.toMillis(), TimeUnit.MILLISECONDS);
    }
}
