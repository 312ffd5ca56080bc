package fr.mediance.app.core.checkin;

import fr.mediance.app.core.BackgroundWork;
import fr.mediance.app.core.Outcome;
import fr.mediance.app.core.Texts;
import fr.mediance.app.core.platform.Location;
import fr.mediance.app.core.platform.Position;
import fr.mediance.protocol.CheckInDto;
import java.text.MessageFormat;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Objects;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
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
    private static final System.Logger LOG = System.getLogger(CheckInViewModel.class.getName());
    private final BackgroundWork work;

    private String reportId;
    private boolean loading;
    private final ReadOnlyBooleanWrapper visible = new ReadOnlyBooleanWrapper(this, "visible");
    private final BooleanProperty enabled = new SimpleBooleanProperty(this, "enabled");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyStringWrapper statusText = new ReadOnlyStringWrapper(this, "statusText", "");
    private final ReadOnlyBooleanWrapper recorded = new ReadOnlyBooleanWrapper(this, "recorded");

    public CheckInViewModel(
            CheckInService service,
            Location location,
            Clock clock,
            ZoneId zone,
            ResourceBundle texts,
            Executor background,
            Executor fx) {
        this.service = Objects.requireNonNull(service);
        this.location = Objects.requireNonNull(location);
        this.clock = Objects.requireNonNull(clock);
        this.zone = Objects.requireNonNull(zone);
        this.texts = Objects.requireNonNull(texts);
        this.work = new BackgroundWork(background, fx);
        enabled.addListener((o, was, on) -> {
            if (!loading) {
                work.run(
                        "saving the check-in setting",
                        () -> service.setEnabled(on),
                        () -> {},
                        e -> statusText.set(text("checkin.setting.failed")));
            }
        });
    }

    /** Follows a report (null: none); the bar shows only for a draft, on a device with a position service. */
    public CompletableFuture<Void> setReport(String id) {
        this.reportId = id;
        if (id == null || !location.available()) {
            visible.set(false);
            return CompletableFuture.completedFuture(null);
        }
        record State(boolean draft, boolean on, Optional<CheckInDto> existing) {}
        return work.supply(
                        "reading the check-in of a report",
                        () -> new State(service.isDraft(id), service.enabled(), service.find(id)),
                        st -> {
                            if (Objects.equals(reportId, id)) {
                                loading = true;
                                enabled.set(st.on());
                                loading = false;
                                visible.set(st.draft());
                                recorded.set(st.existing().isPresent());
                                statusText.set(
                                        st.existing().map(this::recordedText).orElse(""));
                            }
                        },
                        e -> visible.set(false))
                .<Void>thenApply(st -> null)
                .exceptionally(e -> null);
    }

    /** Follows the draft report of an appointment (none: the bar hides). */
    public CompletableFuture<Void> setAppointment(String appointmentId) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        work.supply(
                "finding the draft of an appointment",
                () -> service.draftOf(appointmentId),
                draft -> setReport(draft.orElse(null)).thenRun(() -> done.complete(null)),
                e -> setReport(null).thenRun(() -> done.complete(null)));
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
        // A position service that throws instead of completing is treated as "no position" (and logged).
        return CompletableFuture.<Void>completedFuture(null)
                .thenCompose(x -> location.current(TIMEOUT))
                .handle((position, failure) -> {
                    if (failure != null) {
                        LOG.log(System.Logger.Level.WARNING, "The position could not be read", failure);
                    }
                    return failure == null && position != null ? position : Optional.<Position>empty();
                })
                .thenCompose(p -> work.supply(
                                "recording the arrival position",
                                () -> p.isEmpty()
                                        ? Outcome.<CheckInDto>failed(text("checkin.unavailable"))
                                        : service.record(
                                                id,
                                                p.get(),
                                                p.get().at() == null
                                                        ? clock.instant()
                                                        : p.get().at()),
                                o -> {
                                    busy.set(false);
                                    if (o.isOk()) {
                                        recorded.set(true);
                                        statusText.set(recordedText(o.value()));
                                    } else {
                                        statusText.set(o.message());
                                    }
                                },
                                e -> {
                                    busy.set(false);
                                    statusText.set(text("checkin.failed"));
                                })
                        .thenApply(Outcome::isOk)
                        .exceptionally(e -> false));
    }

    private String recordedText(CheckInDto c) {
        String time = Texts.time(texts).format(c.at().atZone(zone));
        return c.accuracyMeters() == null
                ? text("checkin.recorded", time)
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
