package fr.mediance.app.core.checkin;

import java.text.MessageFormat;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Objects;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

import fr.mediance.app.core.Texts;
import fr.mediance.app.core.Outcome;
import fr.mediance.app.core.platform.Location;
import fr.mediance.app.core.platform.Position;
import fr.mediance.protocol.CheckInDto;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;

/**
 * The check-in bar of a draft report: shown only where the device has a position service; the setting
 * "Enregistrer ma position à l'arrivée" (off by default); "Je suis arrivé·e" reads the position once, only when
 * the setting is on and the user taps, and records it in the draft; then "Position enregistrée à 09:02 (± 12 m)".
 */
public final class CheckInViewModel {
    /** How long to wait for a position fix. */
    public static final Duration TIMEOUT = Duration.ofSeconds(20);

    private final CheckInService service;
    private final Location location;
    private final Clock clock;
    private final ZoneId zone;
    private final ResourceBundle texts;
    private final Executor background;
    private final Executor fx;

    private String reportId;
    private boolean loading;
    private final ReadOnlyBooleanWrapper visible = new ReadOnlyBooleanWrapper(this, "visible");
    private final BooleanProperty enabled = new SimpleBooleanProperty(this, "enabled");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyStringWrapper statusText = new ReadOnlyStringWrapper(this, "statusText", "");
    private final ReadOnlyBooleanWrapper recorded = new ReadOnlyBooleanWrapper(this, "recorded");

    public CheckInViewModel(CheckInService service, Location location, Clock clock, ZoneId zone, ResourceBundle texts,
                            Executor background, Executor fx) {
        this.service = Objects.requireNonNull(service);
        this.location = Objects.requireNonNull(location);
        this.clock = Objects.requireNonNull(clock);
        this.zone = Objects.requireNonNull(zone);
        this.texts = Objects.requireNonNull(texts);
        this.background = Objects.requireNonNull(background);
        this.fx = Objects.requireNonNull(fx);
        enabled.addListener((o, was, on) -> {
            if (!loading) {
                background.execute(() -> service.setEnabled(on));
            }
        });
    }

    /** Follows a report (null: none); the bar shows only for a draft, on a device with a position service. */
    public CompletableFuture<Void> setReport(String id) {
        this.reportId = id;
        CompletableFuture<Void> done = new CompletableFuture<>();
        if (id == null || !location.available()) {
            visible.set(false);
            done.complete(null);
            return done;
        }
        background.execute(() -> {
            boolean draft;
            boolean on;
            Optional<CheckInDto> existing;
            try {
                draft = service.isDraft(id);
                on = service.enabled();
                existing = service.find(id);
            } catch (RuntimeException e) {
                fx.execute(() -> done.complete(null));
                return;
            }
            fx.execute(() -> {
                if (Objects.equals(reportId, id)) {
                    loading = true;
                    enabled.set(on);
                    loading = false;
                    visible.set(draft);
                    recorded.set(existing.isPresent());
                    statusText.set(existing.map(this::recordedText).orElse(""));
                }
                done.complete(null);
            });
        });
        return done;
    }

    /** Follows the draft report of an appointment (none: the bar hides). */
    public CompletableFuture<Void> setAppointment(String appointmentId) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        background.execute(() -> {
            Optional<String> draft;
            try {
                draft = service.draftOf(appointmentId);
            } catch (RuntimeException e) {
                draft = Optional.empty();
            }
            String id = draft.orElse(null);
            fx.execute(() -> setReport(id).thenRun(() -> done.complete(null)));
        });
        return done;
    }

    /** Checks again whether the report is still a draft (after "Terminer la visite" the bar hides). */
    public CompletableFuture<Void> refresh() {
        return setReport(reportId);
    }

    /**
     * "Je suis arrivé·e": reads the position once and records it in the draft. Does nothing unless the setting
     * is on. Completes with whether a position was recorded.
     */
    public CompletableFuture<Boolean> checkIn() {
        if (!visible.get() || !enabled.get() || busy.get() || reportId == null) {
            return CompletableFuture.completedFuture(false);
        }
        busy.set(true);
        statusText.set(text("checkin.reading"));
        String id = reportId;
        CompletableFuture<Boolean> done = new CompletableFuture<>();
        CompletableFuture<Optional<Position>> read;
        try {
            read = location.current(TIMEOUT);
        } catch (RuntimeException e) {
            read = CompletableFuture.completedFuture(Optional.empty());
        }
        read.whenComplete((position, failure) -> background.execute(() -> {
            Optional<Position> p = failure == null && position != null ? position : Optional.empty();
            Outcome<CheckInDto> o = p.isEmpty() ? Outcome.failed(text("checkin.unavailable"))
                    : saved(id, p.get());
            fx.execute(() -> {
                busy.set(false);
                if (o.isOk()) {
                    recorded.set(true);
                    statusText.set(recordedText(o.value()));
                } else {
                    statusText.set(o.message());
                }
                done.complete(o.isOk());
            });
        }));
        return done;
    }

    private Outcome<CheckInDto> saved(String id, Position p) {
        try {
            return service.record(id, p, p.at() == null ? clock.instant() : p.at());
        } catch (RuntimeException e) {
            return Outcome.failed(text("checkin.failed"));
        }
    }

    private String recordedText(CheckInDto c) {
        String time = Texts.time(texts).format(c.at().atZone(zone));
        return c.accuracyMeters() == null ? text("checkin.recorded", time)
                : text("checkin.recorded.accuracy", time, c.accuracyMeters());
    }

    private String text(String key, Object... args) {
        String pattern = texts.getString(key);
        return args.length == 0 ? pattern : new MessageFormat(pattern, Texts.locale(texts)).format(args);
    }

    /** Whether the bar is shown: a position service and a draft report. */
    public ReadOnlyBooleanProperty visibleProperty() {
        return visible.getReadOnlyProperty();
    }

    /** "Enregistrer ma position à l'arrivée" (kept on this device). */
    public BooleanProperty enabledProperty() {
        return enabled;
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** Whether the draft has a position. */
    public ReadOnlyBooleanProperty recordedProperty() {
        return recorded.getReadOnlyProperty();
    }

    /** "Position enregistrée à 09:02 (± 12 m)", or why none was recorded. */
    public ReadOnlyStringProperty statusTextProperty() {
        return statusText.getReadOnlyProperty();
    }
}
