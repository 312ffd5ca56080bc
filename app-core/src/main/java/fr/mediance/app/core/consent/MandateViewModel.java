package fr.mediance.app.core.consent;

import fr.mediance.app.core.BackgroundWork;
import fr.mediance.app.core.Outcome;
import fr.mediance.app.core.Texts;
import fr.mediance.app.core.consent.MandateService.MandateForm;
import fr.mediance.app.core.reference.CodeItem;
import fr.mediance.app.core.reference.ReferenceService;
import fr.mediance.app.core.resident.ResidentValidation;
import fr.mediance.app.core.signature.Signature;
import fr.mediance.protocol.ListNames;
import fr.mediance.protocol.MandateDto;
import java.text.MessageFormat;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.ResourceBundle;
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
import javafx.collections.ObservableSet;

/**
 * The mandate screen: démarches, named creditors, duration (the end date is shown as it is computed), first day,
 * place, the declaration, and the two drawn signatures. A resident under protection gets the explanation of whom
 * to contact instead of the form. Errors show beside their fields; nothing typed is lost.
 */
public final class MandateViewModel {
    public static final List<String> FIELDS = List.of(
            "demarches",
            "creditors",
            "duration",
            "startDate",
            "place",
            "notUnderProtection",
            "channel",
            "residentSignature",
            "agentSignature");

    private final MandateService mandates;
    private final ReferenceService reference;
    private final Clock clock;
    private final ZoneId zone;
    private final ResourceBundle texts;
    private final BackgroundWork work;
    private Consumer<MandateDto> onSigned = m -> {};

    private final ObservableList<CodeItem> domains = FXCollections.observableArrayList();
    private final ObservableList<CodeItem> durations = FXCollections.observableArrayList();
    private final ObservableSet<String> demarches = FXCollections.observableSet();
    private final StringProperty creditors = new SimpleStringProperty(this, "creditors", "");
    private final ObjectProperty<String> duration = new SimpleObjectProperty<>(this, "duration");
    private final StringProperty startDate = new SimpleStringProperty(this, "startDate", "");
    private final StringProperty place = new SimpleStringProperty(this, "place", "");
    private final BooleanProperty notUnderProtection = new SimpleBooleanProperty(this, "notUnderProtection");
    private final ObjectProperty<Signature> residentSignature = new SimpleObjectProperty<>(this, "residentSignature");
    private final ObjectProperty<Signature> agentSignature = new SimpleObjectProperty<>(this, "agentSignature");
    private final ReadOnlyStringWrapper endDate = new ReadOnlyStringWrapper(this, "endDate", "");
    private final ReadOnlyStringWrapper blocked = new ReadOnlyStringWrapper(this, "blocked", "");
    private final ReadOnlyStringWrapper formError = new ReadOnlyStringWrapper(this, "formError", "");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final Map<String, ReadOnlyStringWrapper> errors = new LinkedHashMap<>();
    private String residentId;
    private int endGeneration;

    public MandateViewModel(
            MandateService mandates,
            ReferenceService reference,
            Clock clock,
            ZoneId zone,
            ResourceBundle texts,
            Executor background,
            Executor fx) {
        this.mandates = Objects.requireNonNull(mandates);
        this.reference = Objects.requireNonNull(reference);
        this.clock = Objects.requireNonNull(clock);
        this.zone = Objects.requireNonNull(zone);
        this.texts = Objects.requireNonNull(texts);
        this.work = new BackgroundWork(background, fx);
        for (String f : FIELDS) {
            errors.put(f, new ReadOnlyStringWrapper(this, f + "Error", ""));
        }
        startDate.set(Texts.DATE.format(today())); // a typed field: dd/MM/yyyy, whatever the language
        duration.addListener((o, a, b) -> {
            errors.get("duration").set("");
            computeEnd();
        });
        startDate.addListener((o, a, b) -> {
            LocalDate d = ResidentValidation.parseDate(b);
            errors.get("startDate").set(b != null && !b.isBlank() && d == null ? text("mandate.error.date") : "");
            computeEnd();
        });
        demarches.addListener((javafx.collections.SetChangeListener<String>)
                c -> errors.get("demarches").set(""));
        place.addListener((o, a, b) -> errors.get("place").set(""));
        notUnderProtection.addListener(
                (o, a, b) -> errors.get("notUnderProtection").set(""));
        residentSignature.addListener(
                (o, a, b) -> errors.get("residentSignature").set(""));
        agentSignature.addListener((o, a, b) -> errors.get("agentSignature").set(""));
    }

    public void setOnSigned(Consumer<MandateDto> onSigned) {
        this.onSigned = Objects.requireNonNull(onSigned);
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), zone);
    }

    /** Loads the lists and whether the resident may sign. */
    public CompletableFuture<Void> load(String residentId) {
        this.residentId = residentId;
        record Loaded(List<CodeItem> domains, List<CodeItem> durations, String block) {}
        return work.supply(
                        "loading the mandate form",
                        () -> new Loaded(
                                reference.codes(ListNames.DOMAIN),
                                reference.codes(ListNames.MANDATE_DURATION),
                                mandates.protectionBlock(residentId).orElse("")),
                        l -> {
                            domains.setAll(l.domains());
                            durations.setAll(l.durations());
                            blocked.set(l.block());
                        },
                        e -> formError.set(text("common.load.failed")))
                .<Void>thenApply(l -> null)
                .exceptionally(e -> null);
    }

    private void computeEnd() {
        String d = duration.get();
        LocalDate start = ResidentValidation.parseDate(startDate.get());
        int gen = ++endGeneration;
        if (d == null || start == null) {
            endDate.set("");
            return;
        }
        work.supply(
                "computing a mandate's end date",
                () -> mandates.endDate(d, start)
                        .map(e -> text("mandate.end.shown", Texts.date(texts).format(e)))
                        .orElse(""),
                shown -> {
                    if (gen == endGeneration) {
                        endDate.set(shown);
                    }
                },
                e -> {
                    if (gen == endGeneration) {
                        endDate.set("");
                    }
                });
    }

    public void toggleDemarche(String code, boolean selected) {
        if (selected) {
            demarches.add(code);
        } else {
            demarches.remove(code);
        }
    }

    /** Signs: checks the form, saves the mandate and both signatures; completes with true once saved. */
    public CompletableFuture<Boolean> sign() {
        formError.set("");
        if (!blocked.get().isEmpty()) {
            formError.set(blocked.get());
            return CompletableFuture.completedFuture(false);
        }
        LocalDate start = ResidentValidation.parseDate(startDate.get());
        if (start == null) {
            errors.get("startDate")
                    .set(
                            startDate.get() == null || startDate.get().isBlank()
                                    ? text("mandate.error.required")
                                    : text("mandate.error.date"));
        }
        List<String> chosen =
                domains.stream().map(CodeItem::code).filter(demarches::contains).toList();
        List<String> named = Arrays.stream((creditors.get() == null ? "" : creditors.get()).split("[,;\\n]"))
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .toList();
        MandateForm form = new MandateForm(
                residentId, chosen, named, duration.get(), start, place.get(), notUnderProtection.get(), null);
        Signature resident = residentSignature.get();
        Signature agent = agentSignature.get();
        busy.set(true);
        return work.supply(
                        "signing a mandate",
                        () -> mandates.create(form, resident, agent),
                        o -> {
                            busy.set(false);
                            if (o.isOk()) {
                                onSigned.accept(o.value());
                                return;
                            }
                            o.fieldErrors().forEach((f, m) -> {
                                if (errors.containsKey(f) && !("startDate".equals(f) && start == null)) {
                                    errors.get(f).set(m);
                                }
                            });
                            formError.set(o.fieldErrors().isEmpty() ? o.message() : text("mandate.error.form"));
                        },
                        e -> {
                            busy.set(false);
                            formError.set(text("mandate.error.save"));
                        })
                .thenApply(Outcome::isOk)
                .exceptionally(e -> false);
    }

    private String text(String key, Object... args) {
        String pattern = texts.getString(key);
        return args.length == 0 ? pattern : new MessageFormat(pattern, Texts.locale(texts)).format(args);
    }

    public ObservableList<CodeItem> domains() {
        return domains;
    }

    public ObservableList<CodeItem> durations() {
        return durations;
    }

    public ObservableSet<String> demarches() {
        return demarches;
    }

    public StringProperty creditorsProperty() {
        return creditors;
    }

    public ObjectProperty<String> durationProperty() {
        return duration;
    }

    public StringProperty startDateProperty() {
        return startDate;
    }

    public StringProperty placeProperty() {
        return place;
    }

    public BooleanProperty notUnderProtectionProperty() {
        return notUnderProtection;
    }

    public ObjectProperty<Signature> residentSignatureProperty() {
        return residentSignature;
    }

    public ObjectProperty<Signature> agentSignatureProperty() {
        return agentSignature;
    }

    /** "Jusqu'au 26/12/2026 inclus", once a duration and a first day are chosen. */
    public ReadOnlyStringProperty endDateProperty() {
        return endDate.getReadOnlyProperty();
    }

    /** Why the resident cannot sign (a legal protection and whom to contact), or empty. */
    public ReadOnlyStringProperty blockedProperty() {
        return blocked.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty formErrorProperty() {
        return formError.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorProperty(String field) {
        return errors.get(field).getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }
}
