package fr.mediance.app.core.gdpr;

import fr.mediance.app.core.BackgroundWork;
import fr.mediance.app.core.remote.RemoteResult;
import fr.mediance.app.core.resident.Resident;
import fr.mediance.protocol.ProblemDto;
import fr.mediance.protocol.RightsRequestDto;
import fr.mediance.protocol.RightsRequests;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * « Demandes RGPD »: the office's register of the requests of residents to exercise their rights (access,
 * rectification, erasure, restriction, objection), with the one-month deadline the server computes (three months
 * once extended with a reason) and the overdue ones flagged. The form records a request or updates the selected one
 * (extension, answer); a refused field gets the server's French message beside it (the same check,
 * {@link RightsRequests#problems}, runs here first).
 */
public final class RightsRequestsViewModel {
    private static final DateTimeFormatter DAY =
            DateTimeFormatter.ofPattern("dd/MM/uuuu").withResolverStyle(java.time.format.ResolverStyle.STRICT);

    /** A choice of the form's pickers. */
    public record Choice(String id, String label) {
        @Override
        public String toString() {
            return label;
        }
    }

    /** One request as the register shows it. */
    public record Row(
            RightsRequestDto request,
            String person,
            String kind,
            String received,
            String due,
            String status,
            boolean overdue) {}

    private final RightsRequestService service;
    private final Clock clock;
    private final ZoneId zone;
    private final BackgroundWork work;
    private Consumer<String> onMessage = m -> {};

    private final ObservableList<Row> rows = FXCollections.observableArrayList();
    private final ObservableList<Choice> residents = FXCollections.observableArrayList();
    private final List<Choice> kinds = new ArrayList<>();
    private final List<Choice> statuses = new ArrayList<>();
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper(this, "summary", "");
    private final ReadOnlyStringWrapper loadError = new ReadOnlyStringWrapper(this, "loadError", "");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyStringWrapper formTitle = new ReadOnlyStringWrapper(this, "formTitle", "");

    private final ObjectProperty<Choice> resident = new SimpleObjectProperty<>(this, "resident");
    private final ObjectProperty<Choice> kind = new SimpleObjectProperty<>(this, "kind");
    private final StringProperty receivedOn = new SimpleStringProperty(this, "receivedOn", "");
    private final BooleanProperty extended = new SimpleBooleanProperty(this, "extended");
    private final StringProperty extensionReason = new SimpleStringProperty(this, "extensionReason", "");
    private final ObjectProperty<Choice> status = new SimpleObjectProperty<>(this, "status");
    private final StringProperty answeredOn = new SimpleStringProperty(this, "answeredOn", "");
    private final StringProperty answer = new SimpleStringProperty(this, "answer", "");
    private final Map<String, ReadOnlyStringWrapper> errors = new HashMap<>();
    private RightsRequestDto editing;

    public RightsRequestsViewModel(
            RightsRequestService service, Clock clock, ZoneId zone, Executor background, Executor fx) {
        this.service = Objects.requireNonNull(service);
        this.clock = clock;
        this.zone = zone;
        this.work = new BackgroundWork(background, fx);
        RightsRequests.KINDS.forEach((k, v) -> kinds.add(new Choice(k, v)));
        RightsRequests.STATUSES.forEach((k, v) -> statuses.add(new Choice(k, v)));
        for (String f : List.of(
                "residentId", "kind", "receivedOn", "extensionReason", "status", "answeredOn", "answer", "form")) {
            errors.put(f, new ReadOnlyStringWrapper(this, f + "Error", ""));
        }
        startNew();
    }

    public void setOnMessage(Consumer<String> onMessage) {
        this.onMessage = Objects.requireNonNull(onMessage);
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), zone);
    }

    /** Loads the register and the residents to choose from. */
    public CompletableFuture<Void> refresh() {
        busy.set(true);
        return work.supply(
                        "loading the rights requests",
                        () -> new Loaded(service.list(), service.residents()),
                        this::show,
                        e -> {
                            busy.set(false);
                            loadError.set("Le registre n'a pas pu être lu. Réessayez.");
                        })
                .thenApply(x -> null);
    }

    private record Loaded(RemoteResult<List<RightsRequestDto>> requests, List<Resident> residents) {}

    private void show(Loaded l) {
        busy.set(false);
        List<Choice> people = new ArrayList<>();
        for (Resident r : l.residents()) {
            people.add(new Choice(r.id(), r.lastName() + (r.firstName() == null ? "" : " " + r.firstName())));
        }
        residents.setAll(people);
        if (!l.requests().isOk()) {
            rows.clear();
            loadError.set(
                    "Registre indisponible hors connexion : " + l.requests().userMessage());
            summary.set("");
            return;
        }
        loadError.set("");
        List<Row> list = new ArrayList<>();
        int open = 0;
        int late = 0;
        for (RightsRequestDto q : l.requests().value()) {
            list.add(row(q));
            if (RightsRequests.OPEN.equals(q.status())) {
                open++;
            }
            if (q.overdue()) {
                late++;
            }
        }
        rows.setAll(list);
        summary.set(
                list.isEmpty()
                        ? "Aucune demande enregistrée."
                        : open + (open > 1 ? " demandes en cours" : " demande en cours")
                                + (late == 0 ? "" : ", dont " + late + " en retard") + " — réponse sous un mois "
                                + "(trois si prolongée avec motif).");
    }

    private Row row(RightsRequestDto q) {
        String person =
                q.residentLabel() == null || q.residentLabel().isBlank() ? "Dossier anonymisé" : q.residentLabel();
        String due = q.dueOn() == null ? "" : DAY.format(q.dueOn()) + (q.extended() ? " (prolongée)" : "");
        String st = RightsRequests.STATUSES.getOrDefault(q.status(), q.status());
        if (q.answeredOn() != null) {
            st = st + " le " + DateTimeFormatter.ofPattern("dd/MM").format(q.answeredOn());
        }
        return new Row(
                q,
                person,
                RightsRequests.KINDS.getOrDefault(q.kind(), q.kind()),
                q.receivedOn() == null ? "" : DAY.format(q.receivedOn()),
                due,
                q.overdue() ? "En retard" : st,
                q.overdue());
    }

    /** Empties the form for a new request received today. */
    public void startNew() {
        editing = null;
        formTitle.set("Nouvelle demande");
        resident.set(null);
        kind.set(kinds.get(0));
        receivedOn.set(DAY.format(today()));
        extended.set(false);
        extensionReason.set("");
        status.set(statuses.get(0));
        answeredOn.set("");
        answer.set("");
        clearErrors();
    }

    /** Opens the form on a request of the register (to extend or answer it). */
    public void edit(Row row) {
        RightsRequestDto q = row.request();
        editing = q;
        formTitle.set("Demande de " + row.person());
        resident.set(residents.stream()
                .filter(c -> c.id().equals(q.residentId()))
                .findFirst()
                .orElse(new Choice(q.residentId(), row.person())));
        kind.set(kinds.stream().filter(c -> c.id().equals(q.kind())).findFirst().orElse(null));
        receivedOn.set(q.receivedOn() == null ? "" : DAY.format(q.receivedOn()));
        extended.set(q.extended());
        extensionReason.set(q.extensionReason() == null ? "" : q.extensionReason());
        status.set(statuses.stream()
                .filter(c -> c.id().equals(q.status()))
                .findFirst()
                .orElse(statuses.get(0)));
        answeredOn.set(q.answeredOn() == null ? "" : DAY.format(q.answeredOn()));
        answer.set(q.answer() == null ? "" : q.answer());
        clearErrors();
    }

    private void clearErrors() {
        errors.values().forEach(e -> e.set(""));
    }

    /** Checks and saves the form; answers whether it was saved. */
    public CompletableFuture<Boolean> save() {
        clearErrors();
        LocalDate received = day("receivedOn", receivedOn.get());
        LocalDate answered =
                answeredOn.get() == null || answeredOn.get().isBlank() ? null : day("answeredOn", answeredOn.get());
        if (!errors.get("receivedOn").get().isEmpty()
                || !errors.get("answeredOn").get().isEmpty()) {
            return CompletableFuture.completedFuture(false);
        }
        RightsRequestDto q = new RightsRequestDto(
                editing == null ? null : editing.id(),
                resident.get() == null ? null : resident.get().id(),
                null,
                kind.get() == null ? null : kind.get().id(),
                received,
                null,
                extended.get(),
                blankToNull(extensionReason.get()),
                status.get() == null ? RightsRequests.OPEN : status.get().id(),
                answered,
                blankToNull(answer.get()),
                false);
        List<RightsRequests.Problem> problems = RightsRequests.problems(q, today());
        if (!problems.isEmpty()) {
            problems.forEach(
                    p -> errors.getOrDefault(p.field(), errors.get("form")).set(p.message()));
            return CompletableFuture.completedFuture(false);
        }
        boolean isNew = editing == null;
        busy.set(true);
        return work.supply(
                        "saving a rights request",
                        () -> service.save(q, isNew),
                        result -> {
                            busy.set(false);
                            if (result.isOk()) {
                                onMessage.accept(isNew ? "Demande enregistrée." : "Demande mise à jour.");
                                startNew();
                                refresh();
                            } else {
                                showRefusal(result);
                            }
                        },
                        e -> {
                            busy.set(false);
                            errors.get("form").set("La demande n'a pas pu être enregistrée. Réessayez.");
                        })
                .thenApply(RemoteResult::isOk);
    }

    private void showRefusal(RemoteResult<RightsRequestDto> result) {
        ProblemDto p = result instanceof RemoteResult.ClientError<RightsRequestDto> c ? c.problem() : null;
        if (p != null && p.errors() != null && !p.errors().isEmpty()) {
            p.errors()
                    .forEach(f ->
                            errors.getOrDefault(f.field(), errors.get("form")).set(f.message()));
        } else {
            errors.get("form").set(result.userMessage());
        }
    }

    private LocalDate day(String field, String text) {
        try {
            return LocalDate.parse(text == null ? "" : text.trim(), DAY);
        } catch (DateTimeParseException e) {
            errors.get(field).set("Date invalide (exemple : 31/01/2026).");
            return null;
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    public ObservableList<Row> rows() {
        return rows;
    }

    public ObservableList<Choice> residents() {
        return residents;
    }

    public List<Choice> kinds() {
        return kinds;
    }

    public List<Choice> statuses() {
        return statuses;
    }

    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty loadErrorProperty() {
        return loadError.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty formTitleProperty() {
        return formTitle.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorProperty(String field) {
        return errors.get(field).getReadOnlyProperty();
    }

    public ObjectProperty<Choice> residentProperty() {
        return resident;
    }

    public ObjectProperty<Choice> kindProperty() {
        return kind;
    }

    public StringProperty receivedOnProperty() {
        return receivedOn;
    }

    public BooleanProperty extendedProperty() {
        return extended;
    }

    public StringProperty extensionReasonProperty() {
        return extensionReason;
    }

    public ObjectProperty<Choice> statusProperty() {
        return status;
    }

    public StringProperty answeredOnProperty() {
        return answeredOn;
    }

    public StringProperty answerProperty() {
        return answer;
    }
}
