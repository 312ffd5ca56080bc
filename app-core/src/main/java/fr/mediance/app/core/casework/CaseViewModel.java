package fr.mediance.app.core.casework;

import fr.mediance.app.core.BackgroundWork;
import fr.mediance.app.core.FieldErrors;
import fr.mediance.app.core.Outcome;
import fr.mediance.app.core.Texts;
import fr.mediance.app.core.reference.CodeItem;
import fr.mediance.app.core.reference.ReferenceService;
import fr.mediance.app.core.reference.UserItem;
import fr.mediance.app.core.visit.FrenchInput;
import fr.mediance.protocol.CaseDto;
import fr.mediance.protocol.CaseOutcomeDto;
import fr.mediance.protocol.Casework;
import fr.mediance.protocol.CodeDto;
import fr.mediance.protocol.ListNames;
import fr.mediance.protocol.RequestDto;
import fr.mediance.protocol.Role;
import java.text.MessageFormat;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.ResourceBundle;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The case (accompagnement) of one resident in their file: its status, when it opened, its referent, domains and
 * goals (one per line), the requests received, and the cases closed before. "Ouvrir un accompagnement" opens one,
 * "Mettre en attente" / "Reprendre" switch it, "Clôturer" closes it with a reason and outcomes (some with an
 * amount), "Rouvrir" reopens the last closed one. A new request is typed in the same screen. Errors show beside
 * their field ({@link #error}); other failures are messages.
 */
public final class CaseViewModel {
    /** An outcome that may be ticked when closing, with its amount when the list says it has one. */
    public static final class OutcomeLine {
        private final Choice choice;
        private final boolean withAmount;
        private final BooleanProperty selected = new SimpleBooleanProperty(this, "selected", false);
        private final StringProperty amount = new SimpleStringProperty(this, "amount", "");

        OutcomeLine(Choice choice, boolean withAmount) {
            this.choice = choice;
            this.withAmount = withAmount;
        }

        public Choice choice() {
            return choice;
        }

        public boolean withAmount() {
            return withAmount;
        }

        public BooleanProperty selectedProperty() {
            return selected;
        }

        public StringProperty amountProperty() {
            return amount;
        }
    }

    /**
     * A request as listed: "27/11/2026 · Téléphone · EDF Solidarité", its domains, urgencies and status (its text and
     * its code, one of {@link Casework#REQUEST_STATUSES}).
     */
    public record RequestRow(
            String id, String heading, String details, String urgencies, String status, String statusCode) {}

    /** A case closed before: "Du 02/01/2026 au 30/06/2026 · Objectifs atteints", and its outcomes. */
    public record PastCase(String id, String heading, String outcomes) {}

    private final CaseService cases;
    private final ReferenceService reference;
    private final Supplier<LocalDate> today;
    private final ResourceBundle texts;
    private final BackgroundWork work;
    private Consumer<String> onMessage = m -> {};

    private String residentId;
    private CaseDto current;
    private CaseDto lastClosed;

    private final ReadOnlyBooleanWrapper hasCase = new ReadOnlyBooleanWrapper(this, "hasCase", false);
    private final ReadOnlyBooleanWrapper onHold = new ReadOnlyBooleanWrapper(this, "onHold", false);
    private final ReadOnlyBooleanWrapper canReopen = new ReadOnlyBooleanWrapper(this, "canReopen", false);
    private final ReadOnlyStringWrapper statusText = new ReadOnlyStringWrapper(this, "statusText", "");
    private final ReadOnlyStringWrapper openedText = new ReadOnlyStringWrapper(this, "openedText", "");
    private final StringProperty referentId = new SimpleStringProperty(this, "referentId", null);
    private final StringProperty goals = new SimpleStringProperty(this, "goals", "");
    private final ObservableList<String> domains = FXCollections.observableArrayList();
    private final ObservableList<RequestRow> requests = FXCollections.observableArrayList();
    private final ObservableList<PastCase> history = FXCollections.observableArrayList();

    private final StringProperty closingReason = new SimpleStringProperty(this, "closingReason", null);
    private final StringProperty closedOn = new SimpleStringProperty(this, "closedOn", "");
    private final ObservableList<OutcomeLine> outcomes = FXCollections.observableArrayList();

    private final StringProperty channel = new SimpleStringProperty(this, "channel", Casework.CHANNEL_PHONE);
    private final StringProperty referrer = new SimpleStringProperty(this, "referrer", null);
    private final ObservableList<String> requestDomains = FXCollections.observableArrayList();
    private final Map<String, BooleanProperty> urgencies = new HashMap<>();
    private final StringProperty courtDate = new SimpleStringProperty(this, "courtDate", "");
    private final StringProperty description = new SimpleStringProperty(this, "description", "");
    private final StringProperty receivedOn = new SimpleStringProperty(this, "receivedOn", "");

    private final FieldErrors errors = FieldErrors.anyField();
    private final ObservableList<Choice> domainOptions = FXCollections.observableArrayList();
    private final ObservableList<Choice> referrerOptions = FXCollections.observableArrayList();
    private final ObservableList<Choice> closingReasonOptions = FXCollections.observableArrayList();
    private final ObservableList<Choice> referentOptions = FXCollections.observableArrayList();

    public CaseViewModel(
            CaseService cases,
            ReferenceService reference,
            Supplier<LocalDate> today,
            ResourceBundle texts,
            Executor background,
            Executor fx) {
        this.cases = Objects.requireNonNull(cases);
        this.reference = Objects.requireNonNull(reference);
        this.today = Objects.requireNonNull(today);
        this.texts = Objects.requireNonNull(texts);
        this.work = new BackgroundWork(background, fx);
        for (String u : Casework.URGENCIES) {
            urgencies.put(u, new SimpleBooleanProperty(this, u, false));
        }
    }

    public void setOnMessage(Consumer<String> onMessage) {
        this.onMessage = Objects.requireNonNull(onMessage);
    }

    // --- options

    /** The domains offered (read with the case, off the FX thread). */
    public ObservableList<Choice> domainOptions() {
        return domainOptions;
    }

    public ObservableList<Choice> referrerOptions() {
        return referrerOptions;
    }

    public ObservableList<Choice> closingReasonOptions() {
        return closingReasonOptions;
    }

    public List<Choice> channelOptions() {
        List<Choice> out = new ArrayList<>();
        for (String c : Casework.CHANNELS) {
            out.add(new Choice(c, text("casework.channel." + c)));
        }
        return out;
    }

    public ObservableList<Choice> referentOptions() {
        return referentOptions;
    }

    private List<Choice> referents() {
        List<Choice> out = new ArrayList<>();
        for (Role role : List.of(Role.COUNSELLOR, Role.COORDINATOR)) {
            for (UserItem u : reference.users(role)) {
                out.add(new Choice(u.id(), u.displayName()));
            }
        }
        return out;
    }

    private List<Choice> choices(String list) {
        List<Choice> out = new ArrayList<>();
        for (CodeItem c : reference.codes(list)) {
            if (c.active()) {
                out.add(new Choice(c.code(), c.labelOrCode()));
            }
        }
        return out;
    }

    // --- loading

    /** Reads the resident's case, past cases and requests. Completes on the FX executor. */
    public CompletableFuture<Void> load(String residentId) {
        this.residentId = Objects.requireNonNull(residentId);
        record Loaded(
                List<CaseDto> all,
                List<RequestDto> requests,
                List<CodeDto> outcomeCodes,
                List<List<Choice>> options,
                List<RequestRow> rows,
                List<PastCase> past) {}
        boolean withOptions = domainOptions.isEmpty();
        return work.supply(
                        "loading the case",
                        () -> {
                            List<CaseDto> all = cases.cases(residentId);
                            List<RequestDto> reqs = cases.requests(residentId);
                            return new Loaded(
                                    all,
                                    reqs,
                                    reference.entries(ListNames.OUTCOME),
                                    withOptions
                                            ? List.of(
                                                    choices(ListNames.DOMAIN),
                                                    choices(ListNames.REFERRER),
                                                    choices(ListNames.CLOSING_REASON),
                                                    referents())
                                            : List.of(),
                                    rows(reqs),
                                    past(all));
                        },
                        l -> {
                            if (!l.options().isEmpty()) {
                                domainOptions.setAll(l.options().get(0));
                                referrerOptions.setAll(l.options().get(1));
                                closingReasonOptions.setAll(l.options().get(2));
                                referentOptions.setAll(l.options().get(3));
                            }
                            show(l.all(), l.rows(), l.past(), l.outcomeCodes());
                        },
                        e -> onMessage.accept(text("casework.load.failed")))
                .<Void>thenApply(x -> null)
                .exceptionally(e -> null);
    }

    private List<RequestRow> rows(List<RequestDto> reqs) {
        List<RequestRow> rows = new ArrayList<>();
        for (RequestDto r : reqs) {
            rows.add(requestRow(r));
        }
        return rows;
    }

    private List<PastCase> past(List<CaseDto> all) {
        List<PastCase> past = new ArrayList<>();
        for (CaseDto k : all) {
            if (Casework.CASE_CLOSED.equals(k.status())) {
                past.add(new PastCase(
                        k.id(),
                        text(
                                "casework.past.heading",
                                FrenchInput.format(k.openedOn()),
                                FrenchInput.format(k.closedOn()),
                                label(ListNames.CLOSING_REASON, k.closingReason())),
                        outcomesText(k.outcomes())));
            }
        }
        return past;
    }

    private void show(List<CaseDto> all, List<RequestRow> rows, List<PastCase> past, List<CodeDto> outcomeCodes) {
        current = all.stream()
                .filter(k -> !Casework.CASE_CLOSED.equals(k.status()))
                .findFirst()
                .orElse(null);
        lastClosed = all.stream()
                .filter(k -> Casework.CASE_CLOSED.equals(k.status()))
                .findFirst()
                .orElse(null);
        hasCase.set(current != null);
        onHold.set(current != null && Casework.CASE_ON_HOLD.equals(current.status()));
        canReopen.set(current == null && lastClosed != null);
        if (current != null) {
            statusText.set(text("casework.status." + current.status()));
            openedText.set(text("casework.opened", FrenchInput.format(current.openedOn())));
            referentId.set(current.referentId());
            domains.setAll(current.domains());
            goals.set(String.join("\n", current.goals()));
        } else {
            statusText.set(text(lastClosed == null ? "casework.status.none" : "casework.status.closed"));
            openedText.set("");
            referentId.set(null);
            domains.clear();
            goals.set("");
        }
        history.setAll(past);
        requests.setAll(rows);
        List<OutcomeLine> lines = new ArrayList<>();
        for (CodeDto c : outcomeCodes) {
            if (c.active()) {
                lines.add(new OutcomeLine(
                        new Choice(c.code(), c.label() == null ? c.code() : c.label()),
                        Casework.OUTCOME_WITH_AMOUNT.equals(c.value())));
            }
        }
        outcomes.setAll(lines);
        closedOn.set(FrenchInput.format(today.get()));
        closingReason.set(null);
    }

    private RequestRow requestRow(RequestDto r) {
        List<String> parts = new ArrayList<>();
        parts.add(FrenchInput.format(r.receivedOn()));
        parts.add(text("casework.channel." + r.channel()));
        if (r.referrer() != null) {
            parts.add(label(ListNames.REFERRER, r.referrer()));
        }
        List<String> doms = new ArrayList<>();
        for (String d : r.domains()) {
            doms.add(label(ListNames.DOMAIN, d));
        }
        String details = String.join(", ", doms);
        if (r.description() != null) {
            details = details.isEmpty() ? r.description() : details + " — " + r.description();
        }
        List<String> urg = new ArrayList<>();
        for (String u : r.urgencies()) {
            urg.add(
                    Casework.URGENCY_COURT_DATE.equals(u) && r.courtDate() != null
                            ? text("casework.urgency.court_date.on", FrenchInput.format(r.courtDate()))
                            : text("casework.urgency." + u));
        }
        return new RequestRow(
                r.id(),
                String.join(" · ", parts),
                details,
                String.join(" · ", urg),
                text("casework.request.status." + r.status()),
                r.status());
    }

    private String outcomesText(List<CaseOutcomeDto> list) {
        List<String> out = new ArrayList<>();
        for (CaseOutcomeDto o : list) {
            String l = label(ListNames.OUTCOME, o.code());
            out.add(o.amountCents() == null ? l : l + " : " + FrenchInput.money(o.amountCents()));
        }
        return String.join(" · ", out);
    }

    private String label(String list, String code) {
        return code == null ? "" : reference.label(list, code);
    }

    // --- commands on the case

    /** "Ouvrir un accompagnement". */
    public CompletableFuture<Boolean> openCase() {
        return act("opening a case", () -> cases.ensureOpen(residentId, List.of()), "casework.opened.message");
    }

    /** Saves domains, goals and referent. */
    public CompletableFuture<Boolean> save() {
        if (current == null) {
            return CompletableFuture.completedFuture(false);
        }
        String id = current.id();
        List<String> doms = List.copyOf(domains);
        List<String> lines =
                List.of(goals.get() == null ? new String[0] : goals.get().split("\n"));
        String ref = referentId.get();
        return act("saving the case", () -> cases.edit(id, doms, lines, ref), "casework.saved");
    }

    /** "Mettre en attente" or "Reprendre". */
    public CompletableFuture<Boolean> toggleHold() {
        if (current == null) {
            return CompletableFuture.completedFuture(false);
        }
        String id = current.id();
        boolean hold = !onHold.get();
        return act(
                "putting a case on hold",
                () -> cases.setOnHold(id, hold),
                hold ? "casework.onHold.message" : "casework.resumed.message");
    }

    /** "Clôturer" with the reason, the date typed (today if blank) and the ticked outcomes. */
    public CompletableFuture<Boolean> close() {
        errors.clear();
        if (current == null) {
            return CompletableFuture.completedFuture(false);
        }
        LocalDate day = null;
        if (!FrenchInput.blank(closedOn.get())) {
            day = FrenchInput.date(closedOn.get()).orElse(null);
            if (day == null) {
                errors.replace("closedOn", text("casework.error.date"));
                return CompletableFuture.completedFuture(false);
            }
        }
        List<CaseOutcomeDto> ticked = new ArrayList<>();
        for (OutcomeLine line : outcomes) {
            if (line.selectedProperty().get()) {
                Long cents = null;
                if (line.withAmount()
                        && !FrenchInput.blank(line.amountProperty().get())) {
                    cents = FrenchInput.cents(line.amountProperty().get()).orElse(null);
                    if (cents == null) {
                        errors.replace("outcomes", text("casework.error.amount"));
                        return CompletableFuture.completedFuture(false);
                    }
                }
                ticked.add(new CaseOutcomeDto(line.choice().code(), cents));
            }
        }
        String id = current.id();
        LocalDate on = day;
        String reason = closingReason.get();
        return act("closing a case", () -> cases.close(id, on, reason, ticked), "casework.closed.message");
    }

    /** "Rouvrir" the last closed case. */
    public CompletableFuture<Boolean> reopen() {
        if (lastClosed == null) {
            return CompletableFuture.completedFuture(false);
        }
        String id = lastClosed.id();
        return act("reopening a case", () -> cases.reopen(id), "casework.reopened.message");
    }

    // --- a new request

    /** Records the typed request (opens the case if none is open) and clears the form. */
    public CompletableFuture<Boolean> recordRequest() {
        errors.clear();
        LocalDate received = null;
        if (!FrenchInput.blank(receivedOn.get())) {
            received = FrenchInput.date(receivedOn.get()).orElse(null);
            if (received == null) {
                errors.replace("receivedOn", text("casework.error.date"));
                return CompletableFuture.completedFuture(false);
            }
        }
        LocalDate court = null;
        if (!FrenchInput.blank(courtDate.get())) {
            court = FrenchInput.date(courtDate.get()).orElse(null);
            if (court == null) {
                errors.replace("courtDate", text("casework.error.date"));
                return CompletableFuture.completedFuture(false);
            }
        }
        List<String> flags = new ArrayList<>();
        for (String u : Casework.URGENCIES) {
            if (urgencies.get(u).get()) {
                flags.add(u);
            }
        }
        RequestForm form = new RequestForm(
                residentId,
                received,
                channel.get(),
                referrer.get(),
                List.copyOf(requestDomains),
                flags,
                court,
                description.get());
        return work.supply(
                        "recording a request",
                        () -> cases.recordRequest(form),
                        o -> {
                            if (o.isOk()) {
                                requestDomains.clear();
                                urgencies.values().forEach(p -> p.set(false));
                                courtDate.set("");
                                description.set("");
                                receivedOn.set("");
                                referrer.set(null);
                                onMessage.accept(text("casework.request.recorded"));
                                load(residentId);
                            } else {
                                errors.show(o, onMessage);
                            }
                        },
                        e -> onMessage.accept(text("casework.save.failed")))
                .thenApply(Outcome::isOk)
                .exceptionally(e -> false);
    }

    /** The statuses a request may be given: new, answered, oriented, closed. */
    public List<Choice> requestStatusOptions() {
        List<Choice> out = new ArrayList<>();
        for (String st : Casework.REQUEST_STATUSES) {
            out.add(new Choice(st, text("casework.request.status." + st)));
        }
        return out;
    }

    /** Gives a request a status ("Orientée", "Close"...); the list is read again. */
    public CompletableFuture<Boolean> setRequestStatus(String requestId, String status) {
        return work.supply(
                        "changing a request's status",
                        () -> cases.setRequestStatus(requestId, status, null),
                        o -> {
                            if (o.isOk()) {
                                onMessage.accept(text("casework.request.statusChanged"));
                                load(residentId);
                            } else {
                                errors.show(o, onMessage);
                            }
                        },
                        e -> onMessage.accept(text("casework.save.failed")))
                .thenApply(Outcome::isOk)
                .exceptionally(e -> false);
    }

    private CompletableFuture<Boolean> act(String what, Supplier<Outcome<CaseDto>> action, String doneKey) {
        errors.clear();
        return work.supply(
                        what,
                        action,
                        o -> {
                            if (o.isOk()) {
                                onMessage.accept(text(doneKey));
                                load(residentId);
                            } else {
                                errors.show(o, onMessage);
                            }
                        },
                        e -> onMessage.accept(text("casework.save.failed")))
                .thenApply(Outcome::isOk)
                .exceptionally(e -> false);
    }

    // --- properties

    /** The error beside a field (wire names: domains, goals, referentId, closingReason, closedOn, outcomes, channel, referrer, receivedOn, urgencies, courtDate, description), "" if none. */
    public ReadOnlyStringProperty errorProperty(String field) {
        return errors.property(field);
    }

    public ReadOnlyBooleanProperty hasCaseProperty() {
        return hasCase.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty onHoldProperty() {
        return onHold.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canReopenProperty() {
        return canReopen.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusTextProperty() {
        return statusText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty openedTextProperty() {
        return openedText.getReadOnlyProperty();
    }

    public StringProperty referentIdProperty() {
        return referentId;
    }

    public StringProperty goalsProperty() {
        return goals;
    }

    /** The case's domains (codes), as ticked. */
    public ObservableList<String> domains() {
        return domains;
    }

    public ObservableList<RequestRow> requests() {
        return requests;
    }

    public ObservableList<PastCase> history() {
        return history;
    }

    public StringProperty closingReasonProperty() {
        return closingReason;
    }

    public StringProperty closedOnProperty() {
        return closedOn;
    }

    public ObservableList<OutcomeLine> outcomes() {
        return outcomes;
    }

    public StringProperty channelProperty() {
        return channel;
    }

    public StringProperty referrerProperty() {
        return referrer;
    }

    /** The new request's domains (codes), as ticked. */
    public ObservableList<String> requestDomains() {
        return requestDomains;
    }

    /** The flag of one urgency of {@link Casework#URGENCIES}. */
    public BooleanProperty urgencyProperty(String urgency) {
        return Objects.requireNonNull(urgencies.get(urgency), urgency);
    }

    public StringProperty courtDateProperty() {
        return courtDate;
    }

    public StringProperty descriptionProperty() {
        return description;
    }

    public StringProperty receivedOnProperty() {
        return receivedOn;
    }

    private String text(String key, Object... args) {
        String pattern = texts.getString(key);
        return args.length == 0 ? pattern : new MessageFormat(pattern, Texts.locale(texts)).format(args);
    }
}
