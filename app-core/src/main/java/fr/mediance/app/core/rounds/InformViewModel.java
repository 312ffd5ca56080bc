package fr.mediance.app.core.rounds;

import fr.mediance.app.core.BackgroundWork;
import fr.mediance.app.core.Outcome;
import fr.mediance.app.core.agenda.AgendaItem;
import fr.mediance.app.core.agenda.AgendaService;
import fr.mediance.app.core.agenda.AppointmentStatus;
import fr.mediance.app.core.platform.ExternalApps;
import fr.mediance.protocol.ContactPersonDto;
import fr.mediance.protocol.ResidentDto;
import java.text.MessageFormat;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * « Personnes à prévenir »: the residents whose appointment is proposed and not yet confirmed, by date, with their
 * phone numbers (and their contacts'), the day, time and counsellor. Once the person is told: « Prévenu·e, confirmé »
 * confirms the appointment; « Ne peut pas » cancels it as cancelled by the person (reason « Personne
 * indisponible »), and the request goes back to the queue. Both are saved on this device and synced.
 */
public final class InformViewModel {
    /** The reason code (list "cancel_reason") of a person who cannot receive at the proposed time. */
    public static final String CANNOT_REASON = "resident_unavailable";

    /** How far ahead proposed appointments are listed. */
    static final int WEEKS_AHEAD = 26;

    /** A number to call: whose (« Fatima Benali », « Karim, fils ») and the number. */
    public record Phone(String who, String number) {}

    /** A person to inform of a proposed appointment. */
    public record Row(
            String appointmentId, String name, String fileNumber, String when, String counsellor, List<Phone> phones) {}

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm");

    private final AgendaService agenda;
    private final RequestQueue queue;
    private final ExternalApps apps;
    private final Clock clock;
    private final ZoneId zone;
    private final ResourceBundle texts;
    private final BackgroundWork work;
    private final ObservableList<Row> rows = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper(this, "summary", "");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private Consumer<String> onMessage = m -> {};

    public InformViewModel(
            AgendaService agenda,
            RequestQueue queue,
            ExternalApps apps,
            Clock clock,
            ZoneId zone,
            ResourceBundle texts,
            Executor background,
            Executor fx) {
        this.agenda = agenda;
        this.queue = queue;
        this.apps = apps;
        this.clock = clock;
        this.zone = zone;
        this.texts = texts;
        this.work = new BackgroundWork(background, fx);
    }

    public void setOnMessage(Consumer<String> onMessage) {
        this.onMessage = onMessage == null ? m -> {} : onMessage;
    }

    public CompletableFuture<Void> refresh() {
        record Loaded(List<AgendaItem> items, Map<String, ResidentDto> residents) {}
        CompletableFuture<Void> done = new CompletableFuture<>();
        LocalDate today = LocalDate.ofInstant(clock.instant(), zone);
        work.supply(
                "loading the persons to inform",
                () -> {
                    List<AgendaItem> items = agenda.planned(today, today.plusWeeks(WEEKS_AHEAD)).stream()
                            .filter(i -> AppointmentStatus.PROPOSED.equals(i.status()))
                            .filter(i -> !i.start().isBefore(clock.instant()))
                            .toList();
                    return new Loaded(
                            items,
                            queue.residents(
                                    items.stream().map(AgendaItem::residentId).toList()));
                },
                l -> {
                    rows.setAll(l.items().stream()
                            .map(i -> row(i, l.residents().get(i.residentId())))
                            .toList());
                    summary.set(MessageFormat.format(text("inform.summary"), rows.size()));
                    done.complete(null);
                },
                e -> {
                    error.set(text("inform.loadFailed"));
                    done.complete(null);
                });
        return done;
    }

    private Row row(AgendaItem i, ResidentDto r) {
        List<Phone> phones = new ArrayList<>();
        if (r != null && r.phone() != null && !r.phone().isBlank()) {
            phones.add(new Phone(RequestQueueViewModel.displayName(r), r.phone().strip()));
        } else if (r == null && i.residentPhone() != null && !i.residentPhone().isBlank()) {
            phones.add(new Phone(i.residentName(), i.residentPhone().strip()));
        }
        if (r != null) {
            for (ContactPersonDto c : r.contacts()) {
                if (c.phone() != null && !c.phone().isBlank()) {
                    String who = c.link() == null || c.link().isBlank() ? c.name() : c.name() + ", " + c.link();
                    phones.add(new Phone(who, c.phone().strip()));
                }
            }
        }
        var start = i.start().atZone(zone);
        String when = MessageFormat.format(
                text("inform.when"),
                start.getDayOfWeek().getDisplayName(TextStyle.FULL, fr.mediance.app.core.Texts.locale(texts)),
                DAY.format(start),
                HH_MM.format(start),
                HH_MM.format(i.end().atZone(zone)));
        return new Row(
                i.appointmentId(),
                i.residentName() == null ? "" : i.residentName(),
                r == null || r.fileNumber() == null ? "" : r.fileNumber(),
                when,
                i.counsellorName() == null ? "" : i.counsellorName(),
                List.copyOf(phones));
    }

    /** Whether tapping a number calls it (a phone); otherwise the numbers are only shown. */
    public boolean canCall() {
        return apps.canCall();
    }

    public void call(Phone phone) {
        ExternalApps.Result r = apps.call(phone.number());
        if (r == ExternalApps.Result.FAILED || r == ExternalApps.Result.UNAVAILABLE) {
            error.set(text("inform.callFailed"));
        }
    }

    /** « Prévenu·e, confirmé »: the appointment is confirmed. */
    public CompletableFuture<Boolean> confirmed(Row row) {
        return change(row, AppointmentStatus.CONFIRMED, null, "inform.confirmed");
    }

    /** « Ne peut pas »: cancelled by the person (their request is back in the queue). */
    public CompletableFuture<Boolean> cannot(Row row) {
        return change(row, AppointmentStatus.CANCELLED_BY_RESIDENT, CANNOT_REASON, "inform.cannot.done");
    }

    private CompletableFuture<Boolean> change(Row row, String status, String reason, String doneKey) {
        CompletableFuture<Boolean> done = new CompletableFuture<>();
        error.set("");
        work.supply(
                "changing a proposed appointment",
                () -> agenda.setStatus(row.appointmentId(), status, reason),
                (Outcome<AgendaItem> o) -> {
                    if (o.isOk()) {
                        onMessage.accept(MessageFormat.format(text(doneKey), row.name()));
                        refresh().thenRun(() -> done.complete(true));
                    } else {
                        error.set(o.message());
                        done.complete(false);
                    }
                },
                e -> {
                    error.set(text("inform.failed"));
                    done.complete(false);
                });
        return done;
    }

    private String text(String key) {
        return texts.getString(key);
    }

    public ObservableList<Row> rows() {
        return rows;
    }

    /** « 3 personnes à prévenir ». */
    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }
}
