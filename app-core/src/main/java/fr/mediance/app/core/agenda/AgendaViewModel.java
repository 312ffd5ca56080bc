package fr.mediance.app.core.agenda;

import java.text.MessageFormat;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.Objects;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

import fr.mediance.app.core.reference.CodeLists;
import fr.mediance.app.core.reference.ReferenceService;
import fr.mediance.app.core.sync.SyncService;
import fr.mediance.protocol.EntityType;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * "Mes rendez-vous": the counsellor's appointments of today or of the week, read locally, with what is needed
 * to find the resident. Reloads when a sync brings new appointments. One tap opens the visit.
 */
public final class AgendaViewModel {

    public enum Range { TODAY, WEEK }

    /** How an appointment's status is shown. */
    public enum StatusKind { PLANNED, DONE, CANCELLED }

    /** One appointment as the list shows it; {@code dayText} is set on the first item of each day. */
    public record Row(String appointmentId, String dayText, String timeRange, String residentName, String address,
                      String accessNotes, String typeLabel, String statusLabel, StatusKind statusKind,
                      String reportLabel, boolean pendingSync) {
    }

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE dd/MM", Locale.FRANCE);

    private final AgendaService agenda;
    private final ReferenceService reference;
    private final Clock clock;
    private final ZoneId zone;
    private final ResourceBundle texts;
    private final Executor background;
    private final Executor fx;
    private final Consumer<String> onOpen;
    private final Runnable removeListener;

    private final ObjectProperty<Range> range = new SimpleObjectProperty<>(this, "range", Range.TODAY);
    private final ObservableList<Row> items = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper heading = new ReadOnlyStringWrapper(this, "heading", "");
    private final ReadOnlyStringWrapper emptyText = new ReadOnlyStringWrapper(this, "emptyText", "");
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(this, "loading");
    private final ReadOnlyBooleanWrapper empty = new ReadOnlyBooleanWrapper(this, "empty", true);
    private int generation;

    /**
     * @param onOpen called on the FX executor with the appointment id when the user opens an appointment
     */
    public AgendaViewModel(AgendaService agenda, ReferenceService reference, SyncService sync, Clock clock, ZoneId zone,
                           ResourceBundle texts, Executor background, Executor fx, Consumer<String> onOpen) {
        this.agenda = Objects.requireNonNull(agenda);
        this.reference = Objects.requireNonNull(reference);
        this.clock = Objects.requireNonNull(clock);
        this.zone = Objects.requireNonNull(zone);
        this.texts = Objects.requireNonNull(texts);
        this.background = Objects.requireNonNull(background);
        this.fx = Objects.requireNonNull(fx);
        this.onOpen = Objects.requireNonNull(onOpen);
        range.addListener((obs, old, r) -> refresh());
        removeListener = sync == null ? () -> { } : sync.addDataListener(this::onSynced);
    }

    private void onSynced(Set<EntityType> changed) {
        if (changed.contains(EntityType.APPOINTMENT) || changed.contains(EntityType.RESIDENT)
                || changed.contains(EntityType.VISIT_REPORT) || changed.contains(EntityType.CODE)) {
            refresh();
        }
    }

    /** Reloads the list from the local store (background). */
    public void refresh() {
        Range r = range.get();
        LocalDate today = LocalDate.now(clock.withZone(zone));
        int gen = ++generation;
        loading.set(true);
        background.execute(() -> {
            List<AgendaItem> found = r == Range.TODAY ? agenda.myDay(today) : agenda.myWeek(today);
            List<Row> rows = rows(found, r);
            fx.execute(() -> {
                if (gen != generation) {
                    return;
                }
                LocalDate monday = today.with(DayOfWeek.MONDAY);
                heading.set(r == Range.TODAY ? text("agenda.today.heading", DATE.format(today))
                        : text("agenda.week.heading", DATE.format(monday), DATE.format(monday.plusDays(6))));
                emptyText.set(text(r == Range.TODAY ? "agenda.empty.today" : "agenda.empty.week"));
                items.setAll(rows);
                empty.set(rows.isEmpty());
                loading.set(false);
            });
        });
    }

    private List<Row> rows(List<AgendaItem> found, Range r) {
        java.util.ArrayList<Row> rows = new java.util.ArrayList<>();
        LocalDate lastDay = null;
        for (AgendaItem i : found) {
            LocalDate day = i.start().atZone(zone).toLocalDate();
            String dayText = "";
            if (r == Range.WEEK && !day.equals(lastDay)) {
                dayText = capitalise(DAY.format(day));
                lastDay = day;
            }
            String time = text("agenda.time.range", TIME.format(i.start().atZone(zone)),
                    i.end() == null ? "" : TIME.format(i.end().atZone(zone)));
            String report = switch (i.reportState() == null ? ReportState.NONE : i.reportState()) {
                case NONE -> "";
                case DRAFT -> text("agenda.report.draft");
                case COMPLETED -> text("agenda.report.done");
            };
            rows.add(new Row(i.appointmentId(), dayText, time, nullToEmpty(i.residentName()), nullToEmpty(i.address()),
                    nullToEmpty(i.accessNotes()), codeLabel(CodeLists.APPOINTMENT_TYPE, "appointment.type.", i.type()),
                    codeLabel(CodeLists.APPOINTMENT_STATUS, "appointment.status.", i.status()), kind(i.status()),
                    report, i.pendingSync()));
        }
        return rows;
    }

    static StatusKind kind(String status) {
        if (AppointmentStatus.DONE.equals(status)) {
            return StatusKind.DONE;
        }
        if (status != null && (status.startsWith("cancelled") || AppointmentStatus.NO_SHOW.equals(status))) {
            return StatusKind.CANCELLED;
        }
        return StatusKind.PLANNED;
    }

    /** The label from the synchronised code list; the bundle's when the list does not have the code yet. */
    private String codeLabel(String list, String bundlePrefix, String code) {
        if (code == null || code.isBlank()) {
            return "";
        }
        String label = reference.label(list, code);
        if (label != null && !label.equals(code)) {
            return label;
        }
        try {
            return texts.getString(bundlePrefix + code);
        } catch (MissingResourceException e) {
            return code;
        }
    }

    /** Opens an appointment (its visit report). */
    public void open(String appointmentId) {
        onOpen.accept(appointmentId);
    }

    /** Stops following sync changes. */
    public void dispose() {
        removeListener.run();
    }

    private static String capitalise(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }

    private String text(String key, Object... args) {
        String pattern = texts.getString(key);
        return args.length == 0 ? pattern : new MessageFormat(pattern, Locale.FRANCE).format(args); // keys with arguments use '' for an apostrophe
    }

    public ObjectProperty<Range> rangeProperty() {
        return range;
    }

    public ObservableList<Row> items() {
        return items;
    }

    /** "Aujourd'hui, 05/03/2026" or "Semaine du 02/03/2026 au 08/03/2026". */
    public ReadOnlyStringProperty headingProperty() {
        return heading.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty emptyTextProperty() {
        return emptyText.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty emptyProperty() {
        return empty.getReadOnlyProperty();
    }
}
