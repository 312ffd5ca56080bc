package fr.mediance.app.core.casework;

import fr.mediance.app.core.BackgroundWork;
import fr.mediance.app.core.FieldErrors;
import fr.mediance.app.core.Outcome;
import fr.mediance.app.core.Texts;
import fr.mediance.app.core.reference.CodeItem;
import fr.mediance.app.core.reference.ReferenceService;
import fr.mediance.app.core.resident.Resident;
import fr.mediance.app.core.resident.ResidentService;
import fr.mediance.app.core.visit.FrenchInput;
import fr.mediance.app.core.visit.VisitReport;
import fr.mediance.app.core.visit.VisitService;
import fr.mediance.protocol.Casework;
import fr.mediance.protocol.Limits;
import fr.mediance.protocol.ListNames;
import fr.mediance.protocol.RequestDto;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * "Contact sans rendez-vous": a desk, phone or home contact that was not an appointment. With a resident, it records
 * the request (which opens the resident's case if none is open) and starts the report of that kind, answering the
 * request ({@link #start}); the report screen then opens ({@code onOpenReport}). Without a name ("Contact
 * anonyme"), it records the domains, motifs, what was done, an age band at most and the duration, nothing else
 * ({@link #recordAnonymous}).
 */
public final class UnplannedContactViewModel {
    /** A resident found by the search: id and "Bénali Fatima · D-001". */
    public record Found(String residentId, String text) {}

    private final CaseService cases;
    private final VisitService visits;
    private final ResidentService residents;
    private final ReferenceService reference;
    private final ResourceBundle texts;
    private final BackgroundWork work;
    private Consumer<String> onOpenReport = id -> {};
    private Consumer<String> onMessage = m -> {};

    private final BooleanProperty anonymous = new SimpleBooleanProperty(this, "anonymous", false);
    private final StringProperty channel = new SimpleStringProperty(this, "channel", Casework.CHANNEL_DESK);
    private final StringProperty query = new SimpleStringProperty(this, "query", "");
    private final ObservableList<Found> found = FXCollections.observableArrayList();
    private final StringProperty residentId = new SimpleStringProperty(this, "residentId", null);
    private final ReadOnlyStringWrapper residentText = new ReadOnlyStringWrapper(this, "residentText", "");
    private final ObservableList<String> domains = FXCollections.observableArrayList();
    private final ObservableList<String> motifs = FXCollections.observableArrayList();
    private final ObservableList<String> actionTypes = FXCollections.observableArrayList();
    private final Map<String, BooleanProperty> urgencies = new HashMap<>();
    private final StringProperty courtDate = new SimpleStringProperty(this, "courtDate", "");
    private final StringProperty referrer = new SimpleStringProperty(this, "referrer", null);
    private final StringProperty description = new SimpleStringProperty(this, "description", "");
    private final StringProperty ageBand = new SimpleStringProperty(this, "ageBand", null);
    private final StringProperty duration = new SimpleStringProperty(this, "duration", "");
    private final FieldErrors errors = FieldErrors.anyField();
    private final ObservableList<Choice> domainOptions = FXCollections.observableArrayList();
    private final ObservableList<Choice> motifOptions = FXCollections.observableArrayList();
    private final ObservableList<Choice> actionTypeOptions = FXCollections.observableArrayList();
    private final ObservableList<Choice> referrerOptions = FXCollections.observableArrayList();
    private List<CodeItem> allMotifs = List.of();

    public UnplannedContactViewModel(
            CaseService cases,
            VisitService visits,
            ResidentService residents,
            ReferenceService reference,
            ResourceBundle texts,
            Executor background,
            Executor fx) {
        this.cases = Objects.requireNonNull(cases);
        this.visits = Objects.requireNonNull(visits);
        this.residents = Objects.requireNonNull(residents);
        this.reference = Objects.requireNonNull(reference);
        this.texts = Objects.requireNonNull(texts);
        this.work = new BackgroundWork(background, fx);
        for (String u : Casework.URGENCIES) {
            urgencies.put(u, new SimpleBooleanProperty(this, u, false));
        }
        domains.addListener((javafx.collections.ListChangeListener<String>) c -> filterMotifs());
        anonymous.addListener((o, was, now) -> {
            if (now && !Casework.ANONYMOUS_CHANNELS.contains(channel.get())) {
                channel.set(Casework.CHANNEL_DESK);
            }
        });
    }

    public void setOnOpenReport(Consumer<String> onOpenReport) {
        this.onOpenReport = Objects.requireNonNull(onOpenReport);
    }

    public void setOnMessage(Consumer<String> onMessage) {
        this.onMessage = Objects.requireNonNull(onMessage);
    }

    // --- options

    /** The channels offered: desk, phone and home for a resident; desk and phone for an anonymous contact. */
    public List<Choice> channelOptions() {
        List<Choice> out = new ArrayList<>();
        for (String c : anonymous.get() ? Casework.ANONYMOUS_CHANNELS : Casework.UNPLANNED_CHANNELS) {
            out.add(new Choice(c, text("casework.channel." + c)));
        }
        return out;
    }

    /** The domains offered (read by {@link #load}, off the FX thread). */
    public ObservableList<Choice> domainOptions() {
        return domainOptions;
    }

    /** The motifs of the ticked domains (all of them when none is ticked). */
    public ObservableList<Choice> motifOptions() {
        return motifOptions;
    }

    public ObservableList<Choice> actionTypeOptions() {
        return actionTypeOptions;
    }

    public ObservableList<Choice> referrerOptions() {
        return referrerOptions;
    }

    /** Reads the lists offered; completes on the FX executor. */
    public CompletableFuture<Void> load() {
        record Options(List<Choice> domains, List<CodeItem> motifs, List<Choice> actions, List<Choice> referrers) {}
        return work.supply(
                        "loading the lists of a contact",
                        () -> new Options(
                                choices(ListNames.DOMAIN, null),
                                reference.codes(ListNames.MOTIF),
                                choices(ListNames.ACTION_TYPE, null),
                                choices(ListNames.REFERRER, null)),
                        o -> {
                            allMotifs = o.motifs();
                            domainOptions.setAll(o.domains());
                            actionTypeOptions.setAll(o.actions());
                            referrerOptions.setAll(o.referrers());
                            filterMotifs();
                        },
                        e -> onMessage.accept(text("casework.load.failed")))
                .<Void>thenApply(x -> null)
                .exceptionally(e -> null);
    }

    private void filterMotifs() {
        List<Choice> out = new ArrayList<>();
        for (CodeItem c : allMotifs) {
            if (c.active() && (domains.isEmpty() || domains.contains(c.parent()))) {
                out.add(new Choice(c.code(), c.labelOrCode()));
            }
        }
        motifOptions.setAll(out);
        motifs.removeIf(m -> out.stream().noneMatch(c -> c.code().equals(m)));
    }

    public List<Choice> ageBandOptions() {
        List<Choice> out = new ArrayList<>();
        for (String b : Casework.AGE_BANDS) {
            out.add(new Choice(b, text("casework.ageBand." + b)));
        }
        return out;
    }

    private List<Choice> choices(String list, String parent) {
        List<Choice> out = new ArrayList<>();
        for (CodeItem c : reference.codes(list)) {
            if (c.active() && (parent == null || parent.equals(c.parent()))) {
                out.add(new Choice(c.code(), c.labelOrCode()));
            }
        }
        return out;
    }

    // --- the resident

    /** Searches the residents on this device by what was typed. */
    public CompletableFuture<Void> search() {
        String q = query.get() == null ? "" : query.get();
        return work.supply(
                        "searching residents for a contact",
                        () -> residents.search(q, 20),
                        list -> {
                            List<Found> out = new ArrayList<>();
                            for (Resident r : list) {
                                out.add(new Found(
                                        r.id(),
                                        r.fileNumber() == null
                                                ? r.displayName()
                                                : r.displayName() + " · " + r.fileNumber()));
                            }
                            found.setAll(out);
                        },
                        e -> onMessage.accept(text("casework.load.failed")))
                .<Void>thenApply(x -> null)
                .exceptionally(e -> null);
    }

    /** Chooses the resident the contact is with. */
    public void choose(Found f) {
        residentId.set(f.residentId());
        residentText.set(f.text());
        errors.replace("residentId", "");
    }

    /** Chooses a resident by id (the contact started from their file). */
    public CompletableFuture<Void> chooseResident(String id) {
        return work.supply(
                        "finding a resident for a contact",
                        () -> residents.find(id),
                        r -> {
                            if (r.isPresent()) {
                                choose(new Found(id, r.get().displayName()));
                            }
                        },
                        e -> onMessage.accept(text("casework.load.failed")))
                .<Void>thenApply(x -> null)
                .exceptionally(e -> null);
    }

    // --- commands

    /**
     * With a resident: records the request, then starts the report of the contact's kind and opens it; the request
     * is answered by that report. Completes with whether the report opened.
     */
    public CompletableFuture<Boolean> start() {
        errors.clear();
        String who = residentId.get();
        if (who == null) {
            errors.replace("residentId", text("casework.error.resident"));
            return CompletableFuture.completedFuture(false);
        }
        java.time.LocalDate court = null;
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
        String medium = medium(channel.get());
        RequestForm form = new RequestForm(
                who, null, channel.get(), referrer.get(), List.copyOf(domains), flags, court, description.get());
        record Started(Outcome<RequestDto> request, Optional<VisitReport> report) {}
        return work.supply(
                        "starting a contact without appointment",
                        () -> {
                            Outcome<RequestDto> r = cases.recordRequest(form);
                            if (!r.isOk()) {
                                return new Started(r, Optional.empty());
                            }
                            Optional<VisitReport> report = visits.startContact(who, medium);
                            report.ifPresent(
                                    v -> cases.setRequestStatus(r.value().id(), Casework.REQUEST_ANSWERED, v.id()));
                            return new Started(r, report);
                        },
                        s -> {
                            if (!s.request().isOk()) {
                                errors.show(s.request(), onMessage);
                            } else if (s.report().isPresent()) {
                                onOpenReport.accept(s.report().get().id());
                            } else {
                                onMessage.accept(text("casework.contact.notStarted"));
                            }
                        },
                        e -> onMessage.accept(text("casework.save.failed")))
                .thenApply(s -> s.request().isOk() && s.report().isPresent())
                .exceptionally(e -> false);
    }

    /** The medium (a code of the "medium" list) of a report for a contact by this channel. */
    public static String medium(String channel) {
        if (Casework.CHANNEL_PHONE.equals(channel)) {
            return "phone";
        } else if (Casework.CHANNEL_DESK.equals(channel)) {
            return "desk_spontaneous";
        }
        return "home_visit";
    }

    /** Records the anonymous contact and clears the form for the next one. */
    public CompletableFuture<Boolean> recordAnonymous() {
        errors.clear();
        Integer minutes = null;
        if (!FrenchInput.blank(duration.get())) {
            minutes = FrenchInput.wholeNumber(duration.get(), Limits.MIN_CONTACT_MINUTES, Limits.MAX_CONTACT_MINUTES)
                    .orElse(null);
            if (minutes == null) {
                errors.replace("durationMinutes", text("casework.error.duration"));
                return CompletableFuture.completedFuture(false);
            }
        }
        AnonymousContactForm form = new AnonymousContactForm(
                channel.get(),
                List.copyOf(domains),
                List.copyOf(motifs),
                List.copyOf(actionTypes),
                ageBand.get(),
                minutes);
        return work.supply(
                        "recording an anonymous contact",
                        () -> cases.recordAnonymous(form),
                        o -> {
                            if (o.isOk()) {
                                domains.clear();
                                motifs.clear();
                                actionTypes.clear();
                                ageBand.set(null);
                                duration.set("");
                                onMessage.accept(text("casework.anonymous.recorded"));
                            } else {
                                errors.show(o, onMessage);
                            }
                        },
                        e -> onMessage.accept(text("casework.save.failed")))
                .thenApply(Outcome::isOk)
                .exceptionally(e -> false);
    }

    // --- properties

    /** The error beside a field (residentId, channel, domains, motifs, actionTypes, ageBand, durationMinutes, referrer, urgencies, courtDate, description), "" if none. */
    public ReadOnlyStringProperty errorProperty(String field) {
        return errors.property(field);
    }

    public BooleanProperty anonymousProperty() {
        return anonymous;
    }

    public StringProperty channelProperty() {
        return channel;
    }

    public StringProperty queryProperty() {
        return query;
    }

    public ObservableList<Found> found() {
        return found;
    }

    public ReadOnlyStringProperty residentTextProperty() {
        return residentText.getReadOnlyProperty();
    }

    public StringProperty residentIdProperty() {
        return residentId;
    }

    public ObservableList<String> domains() {
        return domains;
    }

    public ObservableList<String> motifs() {
        return motifs;
    }

    public ObservableList<String> actionTypes() {
        return actionTypes;
    }

    public BooleanProperty urgencyProperty(String urgency) {
        return Objects.requireNonNull(urgencies.get(urgency), urgency);
    }

    public StringProperty courtDateProperty() {
        return courtDate;
    }

    public StringProperty referrerProperty() {
        return referrer;
    }

    public StringProperty descriptionProperty() {
        return description;
    }

    public StringProperty ageBandProperty() {
        return ageBand;
    }

    public StringProperty durationProperty() {
        return duration;
    }

    private String text(String key, Object... args) {
        String pattern = texts.getString(key);
        return args.length == 0 ? pattern : new MessageFormat(pattern, Texts.locale(texts)).format(args);
    }
}
