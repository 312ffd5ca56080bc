package fr.mediance.app.core.conflict;

import fr.mediance.app.core.BackgroundWork;
import fr.mediance.app.core.Outcome;
import fr.mediance.app.core.Texts;
import fr.mediance.app.core.sync.SyncService;
import fr.mediance.protocol.EntityType;
import java.text.MessageFormat;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Objects;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * "Conflits à résoudre", for the office and the coordinators: two people changed the same field of a shared
 * record (a resident's phone…) and the server kept both values. Each conflict shows the record, the field in
 * French and the two values with who saved them; the user keeps one of them or types another, and the choice
 * is queued for the server, which writes it into the record everywhere. The open count is the navigation's
 * badge. Counsellors may read a conflict they are part of but never resolve it.
 */
public final class ConflictsViewModel {

    /** Which value to keep. */
    public enum Choice {
        /** The value saved first (by the other person). */
        SERVER,
        /** The value saved last, which the record holds now. */
        CLIENT,
        /** A value typed by the person resolving. */
        OTHER
    }

    /**
     * One open conflict as the screen shows it.
     *
     * @param serverValueText the first value for reading ("(vide)" for an empty field, a date as 26/11/2026)
     * @param serverByText    "Par Sophie Martin · enregistrée en premier"
     * @param clientByText    "Par Awa Diallo · le 27/11/2026 à 10:02 · valeur actuelle de la fiche"
     * @param baseText        "Valeur de départ : …"
     */
    public record Row(
            String conflictId,
            String recordLabel,
            String fieldLabel,
            String baseText,
            String serverValue,
            String serverValueText,
            String serverByText,
            String clientValue,
            String clientValueText,
            String clientByText,
            boolean overlap) {
        /** A conflict of values. */
        public Row(
                String conflictId,
                String recordLabel,
                String fieldLabel,
                String baseText,
                String serverValue,
                String serverValueText,
                String serverByText,
                String clientValue,
                String clientValueText,
                String clientByText) {
            this(
                    conflictId,
                    recordLabel,
                    fieldLabel,
                    baseText,
                    serverValue,
                    serverValueText,
                    serverByText,
                    clientValue,
                    clientValueText,
                    clientByText,
                    false);
        }
    }

    /** Above this, the badge says "9+". */
    public static final int BADGE_MAX = 9;

    private final ConflictService conflicts;
    private final ZoneId zone;
    private final ResourceBundle texts;
    private final BackgroundWork work;
    private final Runnable removeListener;
    private Consumer<String> onMessage = m -> {};

    private final ObservableList<Row> items = FXCollections.observableArrayList();
    private final ReadOnlyIntegerWrapper openCount = new ReadOnlyIntegerWrapper(this, "openCount");
    private final ReadOnlyStringWrapper badgeText = new ReadOnlyStringWrapper(this, "badgeText", "");
    private final ReadOnlyBooleanWrapper canResolve = new ReadOnlyBooleanWrapper(this, "canResolve");
    private final ReadOnlyBooleanWrapper empty = new ReadOnlyBooleanWrapper(this, "empty", true);
    private final ReadOnlyBooleanWrapper loaded = new ReadOnlyBooleanWrapper(this, "loaded");

    public ConflictsViewModel(
            ConflictService conflicts,
            SyncService sync,
            ZoneId zone,
            ResourceBundle texts,
            Executor background,
            Executor fx) {
        this.conflicts = Objects.requireNonNull(conflicts);
        this.zone = Objects.requireNonNull(zone);
        this.texts = Objects.requireNonNull(texts);
        this.work = new BackgroundWork(background, fx);
        removeListener = sync == null ? () -> {} : sync.addDataListener(this::onSynced);
    }

    /** Where to send short messages for a snackbar ("Conflit résolu…"). */
    public void setOnMessage(Consumer<String> onMessage) {
        this.onMessage = Objects.requireNonNull(onMessage);
    }

    private void onSynced(Set<EntityType> changed) {
        if (changed.contains(EntityType.CONFLICT)
                || changed.contains(EntityType.RESIDENT)
                || changed.contains(EntityType.APPOINTMENT)) {
            refresh();
        }
    }

    /** Reads the open conflicts (local) on the background executor. */
    public CompletableFuture<Void> refresh() {
        record Loaded(List<Row> rows, boolean may) {}
        return work.supply(
                        "loading the open conflicts",
                        () -> new Loaded(
                                conflicts.openConflicts().stream()
                                        .map(this::row)
                                        .toList(),
                                conflicts.canResolve()),
                        l -> {
                            canResolve.set(l.may());
                            show(l.rows());
                            loaded.set(true);
                        },
                        e -> onMessage.accept(text("common.load.failed"))) // what is shown stays
                .<Void>thenApply(l -> null)
                .exceptionally(e -> null);
    }

    private void show(List<Row> rows) {
        items.setAll(rows);
        count();
    }

    private void count() {
        int n = items.size();
        openCount.set(n);
        empty.set(n == 0);
        badgeText.set(n == 0 ? "" : n > BADGE_MAX ? text("conflict.badge.many", BADGE_MAX) : String.valueOf(n));
    }

    Row row(ConflictItem c) {
        if (c.overlap()) {
            return new Row(
                    c.id(),
                    nonNull(c.recordLabel()),
                    nonNull(c.fieldLabel()),
                    text("conflict.overlap.hint"),
                    c.serverValue(),
                    nonNull(c.serverValue()),
                    text("conflict.overlap.by", orSomeone(c.serverAuthorName())),
                    c.clientValue(),
                    nonNull(c.clientValue()),
                    text("conflict.overlap.by", orSomeone(c.clientAuthorName())),
                    true);
        }
        String base = c.baseValue() == null && c.serverValue() == null && c.clientValue() == null
                ? ""
                : text("conflict.base", display(c.baseValue()));
        // needs: when the first value was saved (the conflict record carries only when the second one arrived)
        String serverBy = text("conflict.by.first", orSomeone(c.serverAuthorName()));
        String clientBy;
        if (c.detectedAt() == null) {
            clientBy = text("conflict.by.last.undated", orSomeone(c.clientAuthorName()));
        } else {
            ZonedDateTime at = c.detectedAt().atZone(zone);
            clientBy = text(
                    "conflict.by.last",
                    orSomeone(c.clientAuthorName()),
                    Texts.date(texts).format(at),
                    Texts.time(texts).format(at));
        }
        return new Row(
                c.id(),
                nonNull(c.recordLabel()),
                nonNull(c.fieldLabel()),
                base,
                c.serverValue(),
                display(c.serverValue()),
                serverBy,
                c.clientValue(),
                display(c.clientValue()),
                clientBy);
    }

    /** A field's wire text for reading: "(vide)" for nothing, a date as 26/11/2026, anything else as it is. */
    public String display(String wire) {
        if (wire == null || wire.isBlank()) {
            return text("conflict.empty");
        }
        if (wire.length() == 10 && wire.charAt(4) == '-' && wire.charAt(7) == '-') {
            try {
                return Texts.date(texts).format(LocalDate.parse(wire));
            } catch (DateTimeParseException e) {
                return wire;
            }
        }
        return wire;
    }

    private String orSomeone(String name) {
        return name == null || name.isBlank() ? text("conflict.someone") : name;
    }

    /**
     * Keeps one value: the first one, the last one, or {@code other} as typed. Refused with a French message
     * for an account that may not resolve conflicts, when no choice is made or the typed value is blank.
     * Completes on the FX executor; on success the conflict leaves the list and a message says that the
     * choice is on its way to the server.
     */
    public CompletableFuture<Outcome<Void>> resolve(String conflictId, Choice choice, String other) {
        CompletableFuture<Outcome<Void>> result = new CompletableFuture<>();
        if (!canResolve.get()) {
            result.complete(Outcome.failed(text("conflict.error.role")));
            return result;
        }
        Row row = items.stream()
                .filter(r -> r.conflictId().equals(conflictId))
                .findFirst()
                .orElse(null);
        if (row == null) {
            result.complete(Outcome.failed(text("conflict.error.gone")));
            return result;
        }
        if (choice == null) {
            result.complete(Outcome.failed(text("conflict.error.choose")));
            return result;
        }
        if (choice == Choice.OTHER && (other == null || other.isBlank())) {
            result.complete(Outcome.failed(text("conflict.error.other.blank")));
            return result;
        }
        String value = switch (choice) {
            case SERVER -> row.serverValue();
            case CLIENT -> row.clientValue();
            case OTHER -> other.strip();
        };
        work.supply(
                "resolving a conflict",
                () -> conflicts.resolve(conflictId, value),
                outcome -> {
                    if (outcome.isOk()) {
                        items.removeIf(r -> r.conflictId().equals(conflictId));
                        count();
                        onMessage.accept(text("conflict.resolved"));
                        result.complete(Outcome.ok(null));
                    } else {
                        String message =
                                outcome.message() == null || outcome.message().isBlank()
                                        ? outcome.fieldErrors().values().stream()
                                                .findFirst()
                                                .orElse(text("conflict.error.failed"))
                                        : outcome.message();
                        result.complete(Outcome.failed(message));
                    }
                },
                e -> result.complete(Outcome.failed(text("conflict.error.failed"))));
        return result;
    }

    public void dispose() {
        removeListener.run();
    }

    private static String nonNull(String s) {
        return s == null ? "" : s;
    }

    private String text(String key, Object... args) {
        String pattern = texts.getString(key);
        return args.length == 0
                ? pattern
                : new MessageFormat(pattern, Texts.locale(texts))
                        .format(args); // keys with arguments use '' for an apostrophe
    }

    public ObservableList<Row> items() {
        return items;
    }

    /** Open conflicts, for the navigation's badge. */
    public ReadOnlyIntegerProperty openCountProperty() {
        return openCount.getReadOnlyProperty();
    }

    /** "3", "9+", or empty when there is none. */
    public ReadOnlyStringProperty badgeTextProperty() {
        return badgeText.getReadOnlyProperty();
    }

    /** This account may resolve (office, coordinator, administrator). */
    public ReadOnlyBooleanProperty canResolveProperty() {
        return canResolve.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty emptyProperty() {
        return empty.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty loadedProperty() {
        return loaded.getReadOnlyProperty();
    }
}
