package fr.mediance.app.core.agenda;

import fr.mediance.app.core.BackgroundWork;
import fr.mediance.app.core.Texts;
import fr.mediance.app.core.reference.ReferenceService;
import fr.mediance.app.core.sync.SyncService;
import fr.mediance.protocol.EntityType;
import fr.mediance.protocol.ListNames;
import java.text.MessageFormat;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The agenda's banner « 3 changements depuis hier » (or « depuis votre dernier passage » when she last looked today):
 * what others changed in the counsellor's upcoming appointments since she last looked, as a list that opens under
 * the banner; « J'ai vu » records the current state as seen. Reloads when a sync brings appointments.
 */
public final class AgendaChangesViewModel {

    /** One line of the list: « Rendez-vous déplacé », « Fatima Benali : jeu. 03/12 09:30 → ven. 04/12 10:00 ». */
    public record Item(AgendaChanges.Kind kind, String appointmentId, String title, String detail) {}

    private final AgendaChanges changes;
    private final ReferenceService reference;
    private final Clock clock;
    private final ZoneId zone;
    private final ResourceBundle texts;
    private final BackgroundWork work;
    private final Runnable removeListener;

    private final ObservableList<Item> items = FXCollections.observableArrayList();
    private final ReadOnlyIntegerWrapper count = new ReadOnlyIntegerWrapper(this, "count");
    private final ReadOnlyStringWrapper bannerText = new ReadOnlyStringWrapper(this, "bannerText", "");
    private final ReadOnlyBooleanWrapper visible = new ReadOnlyBooleanWrapper(this, "visible");
    private final BooleanProperty expanded = new SimpleBooleanProperty(this, "expanded");
    private int generation;

    public AgendaChangesViewModel(
            AgendaChanges changes,
            ReferenceService reference,
            SyncService sync,
            Clock clock,
            ZoneId zone,
            ResourceBundle texts,
            Executor background,
            Executor fx) {
        this.changes = Objects.requireNonNull(changes);
        this.reference = Objects.requireNonNull(reference);
        this.clock = Objects.requireNonNull(clock);
        this.zone = Objects.requireNonNull(zone);
        this.texts = Objects.requireNonNull(texts);
        this.work = new BackgroundWork(background, fx);
        removeListener = sync == null ? () -> {} : sync.addDataListener(this::onSynced);
    }

    private void onSynced(Set<EntityType> changed) {
        if (changed.contains(EntityType.APPOINTMENT) || changed.contains(EntityType.RESIDENT)) {
            refresh();
        }
    }

    /** Reads what changed since the last look (background). */
    public CompletableFuture<AgendaChanges.Since> refresh() {
        int gen = ++generation;
        return work.supply(
                "reading the agenda's changes",
                changes::changes,
                since -> {
                    if (gen == generation) {
                        show(since);
                    }
                },
                e -> {});
    }

    /** « J'ai vu »: what is shown becomes seen; the banner goes. */
    public CompletableFuture<Void> markSeen() {
        int gen = ++generation;
        return work.run(
                "recording the agenda as seen",
                changes::markSeen,
                () -> {
                    if (gen == generation) {
                        show(new AgendaChanges.Since(clock.instant(), List.of()));
                    }
                },
                e -> {});
    }

    /** Opens or closes the list under the banner. */
    public void toggle() {
        expanded.set(!expanded.get());
    }

    private void show(AgendaChanges.Since since) {
        items.setAll(since.changes().stream().map(this::item).toList());
        int n = items.size();
        count.set(n);
        visible.set(n > 0);
        if (n == 0) {
            expanded.set(false);
            bannerText.set("");
            return;
        }
        LocalDate today = LocalDate.now(clock.withZone(zone));
        LocalDate seenDay =
                since.seenAt() == null ? today : since.seenAt().atZone(zone).toLocalDate();
        if (seenDay.equals(today)) {
            bannerText.set(text("agendaChanges.banner.today", n));
        } else if (seenDay.equals(today.minusDays(1))) {
            bannerText.set(text("agendaChanges.banner.yesterday", n));
        } else {
            bannerText.set(
                    text("agendaChanges.banner.since", n, Texts.date(texts).format(seenDay)));
        }
    }

    private Item item(AgendaChanges.Change c) {
        String name = c.residentName() == null || c.residentName().isBlank()
                ? text("agendaChanges.someone")
                : c.residentName();
        String when = when(c.start());
        String detail = switch (c.kind()) {
            case MOVED -> moved(name, c);
            case CANCELLED ->
                c.reason() == null || c.reason().isBlank()
                        ? text("agendaChanges.detail", name, when)
                        : text(
                                "agendaChanges.detail.reason",
                                name,
                                when,
                                reference.label(ListNames.CANCEL_REASON, c.reason()));
            default -> text("agendaChanges.detail", name, when);
        };
        String title = switch (c.kind()) {
            case NEW -> text("agendaChanges.new");
            case MOVED -> text("agendaChanges.moved");
            case REASSIGNED -> text("agendaChanges.reassigned", c.counsellorName() == null ? "" : c.counsellorName());
            case CANCELLED -> text("agendaChanges.cancelled");
            case LOCKED -> text("agendaChanges.locked");
            case UNLOCKED -> text("agendaChanges.unlocked");
            case REMOVED -> text("agendaChanges.removed");
        };
        return new Item(c.kind(), c.appointmentId(), title, detail);
    }

    /** « Jean Martin, lun. 30/11 : 09:30 → 10:15 » on the same day, both days and times otherwise. */
    private String moved(String name, AgendaChanges.Change c) {
        if (c.previousStart() == null) {
            return text("agendaChanges.detail", name, when(c.start()));
        }
        var before = c.previousStart().atZone(zone);
        var after = c.start().atZone(zone);
        if (before.toLocalDate().equals(after.toLocalDate())) {
            return text(
                    "agendaChanges.detail.movedSameDay",
                    name,
                    java.time.format.DateTimeFormatter.ofPattern("EEE dd/MM", Texts.locale(texts))
                            .format(after),
                    Texts.time(texts).format(before),
                    Texts.time(texts).format(after));
        }
        return text("agendaChanges.detail.moved", name, when(c.previousStart()), when(c.start()));
    }

    /** « jeu. 03/12 à 09:30 ». */
    private String when(Instant t) {
        if (t == null) {
            return "";
        }
        var at = t.atZone(zone);
        return text(
                "agendaChanges.when",
                java.time.format.DateTimeFormatter.ofPattern("EEE dd/MM", Texts.locale(texts))
                        .format(at),
                Texts.time(texts).format(at));
    }

    /** Stops following sync changes. */
    public void dispose() {
        removeListener.run();
    }

    private String text(String key, Object... args) {
        String pattern = texts.getString(key);
        return args.length == 0 ? pattern : new MessageFormat(pattern, Texts.locale(texts)).format(args);
    }

    public ObservableList<Item> items() {
        return items;
    }

    public ReadOnlyIntegerProperty countProperty() {
        return count.getReadOnlyProperty();
    }

    /** « 3 changements depuis hier », empty when nothing changed. */
    public ReadOnlyStringProperty bannerTextProperty() {
        return bannerText.getReadOnlyProperty();
    }

    /** Whether there is anything to show. */
    public ReadOnlyBooleanProperty visibleProperty() {
        return visible.getReadOnlyProperty();
    }

    public BooleanProperty expandedProperty() {
        return expanded;
    }
}
