package fr.mediance.app.core.audit;

import fr.mediance.app.core.BackgroundWork;
import fr.mediance.app.core.Texts;
import fr.mediance.app.core.remote.RemoteClient;
import fr.mediance.app.core.remote.RemoteResult;
import fr.mediance.protocol.Audit;
import fr.mediance.protocol.AuditEventDto;
import fr.mediance.protocol.AuditPage;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Function;
import java.util.function.Supplier;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * « Journal des accès » (admin): the audit log read from the server, filtered by person, account, action and
 * period, newest first, a page at a time. Nothing of it is kept on the device: it is read online, and the reading is
 * itself logged by the server.
 */
public final class AuditLogViewModel {
    /** Events asked for per page. */
    public static final int PAGE = 50;

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");

    /** One line of the journal, ready to show. */
    public record Row(String when, String who, String action, String what, String resident, String summary) {}

    private final Supplier<Optional<RemoteClient>> remote;
    private final Function<String, Optional<String>> residentName;
    private final ZoneId zone;
    private final ResourceBundle texts;
    private final BackgroundWork work;

    private final StringProperty resident = new SimpleStringProperty(this, "resident", "");
    private final StringProperty account = new SimpleStringProperty(this, "account", "");
    /** An action code of {@link Audit#ACTIONS}, or null for all. */
    private final ObjectProperty<String> action = new SimpleObjectProperty<>(this, "action");

    /** The period as typed, dd/MM/yyyy (empty: no bound). */
    private final StringProperty from = new SimpleStringProperty(this, "from", "");

    private final StringProperty to = new SimpleStringProperty(this, "to", "");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/uuuu");
    private final ObservableList<Row> rows = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper hasMore = new ReadOnlyBooleanWrapper(this, "hasMore");
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(this, "loading");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private String next;

    public AuditLogViewModel(
            Supplier<Optional<RemoteClient>> remote,
            Function<String, Optional<String>> residentName,
            ZoneId zone,
            ResourceBundle texts,
            Executor background,
            Executor fx) {
        this.remote = Objects.requireNonNull(remote);
        this.residentName = Objects.requireNonNull(residentName);
        this.zone = Objects.requireNonNull(zone);
        this.texts = Objects.requireNonNull(texts);
        this.work = new BackgroundWork(background, fx);
    }

    /** The first page for the filters as they are. */
    public CompletableFuture<Void> search() {
        return load(null);
    }

    /** The next, older page. */
    public CompletableFuture<Void> more() {
        return next == null ? CompletableFuture.completedFuture(null) : load(next);
    }

    private CompletableFuture<Void> load(String before) {
        Optional<RemoteClient> client = remote.get();
        if (client.isEmpty()) {
            message.set(Texts.format(texts, "audit.offline"));
            return CompletableFuture.completedFuture(null);
        }
        LocalDate fromDay;
        LocalDate toDay;
        try {
            fromDay = day(from.get());
            toDay = day(to.get());
        } catch (java.time.format.DateTimeParseException e) {
            message.set(Texts.format(texts, "audit.badDate"));
            return CompletableFuture.completedFuture(null);
        }
        RemoteClient.AuditQuery q =
                new RemoteClient.AuditQuery(resident.get(), account.get(), action.get(), fromDay, toDay);
        loading.set(true);
        return work.supply(
                        "reading the audit log",
                        () -> client.get().audit(q, before, PAGE),
                        r -> show(r, before == null),
                        e -> {
                            loading.set(false);
                            message.set(Texts.format(
                                    texts, "audit.failed", e.getClass().getSimpleName()));
                        })
                .thenApply(r -> null);
    }

    private void show(RemoteResult<AuditPage> r, boolean first) {
        loading.set(false);
        if (!(r instanceof RemoteResult.Ok<AuditPage> ok)) {
            message.set(
                    r instanceof RemoteResult.NetworkError<?>
                            ? Texts.format(texts, "audit.offline")
                            : Texts.format(texts, "audit.failed", r.userMessage()));
            return;
        }
        List<Row> page = ok.value().events().stream().map(this::row).toList();
        if (first) {
            rows.setAll(page);
        } else {
            rows.addAll(page);
        }
        next = ok.value().next();
        hasMore.set(next != null);
        message.set(
                rows.isEmpty() ? Texts.format(texts, "audit.empty") : Texts.format(texts, "audit.count", rows.size()));
    }

    private Row row(AuditEventDto e) {
        String who = (e.accountName() == null ? e.accountId() : e.accountName())
                + (e.deviceId() == null ? "" : " · " + e.deviceId())
                + (AuditEventDto.SOURCE_DEVICE.equals(e.source())
                        ? " (" + Texts.format(texts, "audit.source.device") + ")"
                        : "");
        String what = Texts.labelOr(texts, "audit.entity." + e.entityType(), e.entityType())
                + (e.entityId() == null || e.entityId().equals(e.residentId()) ? "" : " " + shortId(e.entityId()));
        String person =
                e.residentId() == null ? "" : residentName.apply(e.residentId()).orElse(shortId(e.residentId()));
        return new Row(
                WHEN.format(e.at().atZone(zone)),
                who,
                actionLabel(e.action()),
                what,
                person,
                e.summary() == null ? "" : e.summary());
    }

    private static LocalDate day(String text) {
        return text == null || text.isBlank() ? null : LocalDate.parse(text.trim(), DAY);
    }

    private static String shortId(String id) {
        return id.length() > 8 ? id.substring(0, 8) + "…" : id;
    }

    /** The actions a filter offers, null first (all of them). */
    public List<String> actions() {
        java.util.ArrayList<String> out = new java.util.ArrayList<>();
        out.add(null);
        out.addAll(Audit.ACTIONS);
        return out;
    }

    /** The French label of an action code (null: « Toutes »). */
    public String actionLabel(String code) {
        return Texts.labelOr(texts, "audit.action." + (code == null ? "all" : code), code == null ? "" : code);
    }

    public StringProperty residentProperty() {
        return resident;
    }

    public StringProperty accountProperty() {
        return account;
    }

    public ObjectProperty<String> actionProperty() {
        return action;
    }

    public StringProperty fromProperty() {
        return from;
    }

    public StringProperty toProperty() {
        return to;
    }

    public ObservableList<Row> rows() {
        return rows;
    }

    public ReadOnlyBooleanProperty hasMoreProperty() {
        return hasMore.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }
}
