package fr.mediance.app.core.overindebtedness;

import fr.mediance.app.core.BackgroundWork;
import fr.mediance.app.core.FieldErrors;
import fr.mediance.app.core.Outcome;
import fr.mediance.app.core.Texts;
import fr.mediance.app.core.visit.FrenchInput;
import fr.mediance.protocol.OverindebtednessFileDto;
import fr.mediance.protocol.OverindebtednessFiles;
import fr.mediance.rules.Overindebtedness;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
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

/**
 * « Surendettement »: the household's Banque de France file — channel, co-depositor, the days it was begun and
 * filed, where it stands, the commission's decisions and what they fixed, the FICP listing — with the deadline that
 * matters said in plain French (the 15 days to appeal an inadmissibility, the 6 months an online draft is kept).
 * The latest file opens; « Nouveau dossier » begins another. Saved on « Enregistrer »; problems beside their field.
 */
public final class OverindebtednessViewModel {
    public static final List<String> FIELDS = List.of(
            "channel",
            "startedOn",
            "filedOn",
            "status",
            "admissibilityDecisionOn",
            "orientationDecisionOn",
            "planMonths",
            "resteAVivreCents",
            "monthlyRepaymentCents",
            "note");

    private final OverindebtednessService files;
    private final ResourceBundle texts;
    private final BackgroundWork work;
    private Consumer<String> onMessage = m -> {};

    private final ObjectProperty<String> channel = new SimpleObjectProperty<>(this, "channel", "paper");
    private final BooleanProperty coDepositor = new SimpleBooleanProperty(this, "coDepositor");
    private final StringProperty startedOn = new SimpleStringProperty(this, "startedOn", "");
    private final StringProperty filedOn = new SimpleStringProperty(this, "filedOn", "");
    private final ObjectProperty<String> status = new SimpleObjectProperty<>(this, "status", "preparing");
    private final StringProperty admissibilityDecisionOn =
            new SimpleStringProperty(this, "admissibilityDecisionOn", "");
    private final StringProperty orientationDecisionOn = new SimpleStringProperty(this, "orientationDecisionOn", "");
    private final StringProperty planMonths = new SimpleStringProperty(this, "planMonths", "");
    private final StringProperty resteAVivre = new SimpleStringProperty(this, "resteAVivre", "");
    private final StringProperty monthlyRepayment = new SimpleStringProperty(this, "monthlyRepayment", "");
    private final BooleanProperty ficp = new SimpleBooleanProperty(this, "ficp");
    private final StringProperty note = new SimpleStringProperty(this, "note", "");
    private final ReadOnlyStringWrapper deadline = new ReadOnlyStringWrapper(this, "deadline", "");
    private final ReadOnlyStringWrapper formError = new ReadOnlyStringWrapper(this, "formError", "");
    private final ReadOnlyBooleanWrapper loaded = new ReadOnlyBooleanWrapper(this, "loaded");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final FieldErrors errors = new FieldErrors(FIELDS.toArray(String[]::new));

    private OverindebtednessFileDto current;

    public OverindebtednessViewModel(
            OverindebtednessService files, ResourceBundle texts, Executor background, Executor fx) {
        this.files = Objects.requireNonNull(files);
        this.texts = Objects.requireNonNull(texts);
        this.work = new BackgroundWork(background, fx);
        status.addListener((o, a, b) -> computeDeadline());
        admissibilityDecisionOn.addListener((o, a, b) -> computeDeadline());
        channel.addListener((o, a, b) -> computeDeadline());
        startedOn.addListener((o, a, b) -> computeDeadline());
    }

    public void setOnMessage(Consumer<String> onMessage) {
        this.onMessage = Objects.requireNonNull(onMessage);
    }

    /** Opens the household's latest file, or begins one. */
    public CompletableFuture<Void> load(String residentId) {
        return work.supply(
                        "loading a household's overindebtedness file",
                        () -> files.files(residentId).stream().findFirst().orElseGet(() -> files.start(residentId)),
                        f -> {
                            show(f);
                            loaded.set(true);
                        },
                        e -> formError.set(texts.getString("common.load.failed")))
                .<Void>thenApply(f -> null)
                .exceptionally(e -> null);
    }

    /** Begins another file (after one was closed or declared inadmissible). */
    public CompletableFuture<Void> begin() {
        String resident = current.residentId();
        return work.supply("beginning an overindebtedness file", () -> files.start(resident), this::show, e -> {})
                .<Void>thenApply(f -> null)
                .exceptionally(e -> null);
    }

    private void show(OverindebtednessFileDto f) {
        current = f;
        errors.clear();
        formError.set("");
        channel.set(f.channel());
        coDepositor.set(f.coDepositor());
        startedOn.set(FrenchInput.format(f.startedOn()));
        filedOn.set(FrenchInput.format(f.filedOn()));
        status.set(f.status());
        admissibilityDecisionOn.set(FrenchInput.format(f.admissibilityDecisionOn()));
        orientationDecisionOn.set(FrenchInput.format(f.orientationDecisionOn()));
        planMonths.set(f.planMonths() == null ? "" : f.planMonths().toString());
        resteAVivre.set(FrenchInput.typedAmount(f.resteAVivreCents()));
        monthlyRepayment.set(FrenchInput.typedAmount(f.monthlyRepaymentCents()));
        ficp.set(f.ficp());
        note.set(f.note() == null ? "" : f.note());
        computeDeadline();
    }

    private void computeDeadline() {
        Optional<LocalDate> decided = FrenchInput.date(admissibilityDecisionOn.get());
        Optional<LocalDate> started = FrenchInput.date(startedOn.get());
        if ("inadmissible".equals(status.get()) && decided.isPresent()) {
            deadline.set(Texts.format(
                    texts,
                    "overindebtedness.appeal",
                    Texts.date(texts).format(Overindebtedness.appealUntil(decided.get()))));
        } else if ("preparing".equals(status.get()) && "online".equals(channel.get()) && started.isPresent()) {
            deadline.set(Texts.format(
                    texts,
                    "overindebtedness.draft",
                    Texts.date(texts).format(Overindebtedness.draftEditableUntil(started.get()))));
        } else {
            deadline.set("");
        }
    }

    /** Saves the form; completes with true once saved. */
    public CompletableFuture<Boolean> save() {
        if (current == null) {
            return CompletableFuture.completedFuture(false);
        }
        errors.clear();
        formError.set("");
        LocalDate started = errors.date("startedOn", startedOn.get(), texts);
        LocalDate filed = errors.date("filedOn", filedOn.get(), texts);
        LocalDate admissibility = errors.date("admissibilityDecisionOn", admissibilityDecisionOn.get(), texts);
        LocalDate orientation = errors.date("orientationDecisionOn", orientationDecisionOn.get(), texts);
        Integer months = null;
        if (!FrenchInput.blank(planMonths.get())) {
            months = FrenchInput.wholeNumber(planMonths.get(), 1, 84).orElse(null);
            if (months == null) {
                errors.replace("planMonths", texts.getString("overindebtedness.error.months"));
            }
        }
        Long rest = errors.amount("resteAVivreCents", resteAVivre.get(), texts);
        Long repayment = errors.amount("monthlyRepaymentCents", monthlyRepayment.get(), texts);
        if (errors.any()) {
            formError.set(texts.getString("overindebtedness.error.form"));
            return CompletableFuture.completedFuture(false);
        }
        OverindebtednessFileDto form = new OverindebtednessFileDto(
                current.id(),
                current.structureId(),
                current.residentId(),
                channel.get(),
                coDepositor.get(),
                started,
                filed,
                status.get(),
                admissibility,
                orientation,
                months,
                rest,
                repayment,
                ficp.get(),
                note.get(),
                current.updatedAt());
        busy.set(true);
        return work.supply(
                        "saving an overindebtedness file",
                        () -> files.save(form),
                        o -> {
                            busy.set(false);
                            if (o.isOk()) {
                                current = o.value();
                                onMessage.accept(texts.getString("overindebtedness.saved"));
                            } else {
                                o.fieldErrors().forEach((f, m) -> {
                                    if (FIELDS.contains(f)) {
                                        errors.replace(f, m);
                                    } else {
                                        formError.set(m);
                                    }
                                });
                                if (formError.get().isEmpty()) {
                                    formError.set(
                                            o.fieldErrors().isEmpty()
                                                    ? o.message()
                                                    : texts.getString("overindebtedness.error.form"));
                                }
                            }
                        },
                        e -> {
                            busy.set(false);
                            formError.set(texts.getString("common.save.failed"));
                        })
                .thenApply(Outcome::isOk)
                .exceptionally(e -> false);
    }

    public List<String> statuses() {
        return OverindebtednessFiles.STATUSES;
    }

    public List<String> channels() {
        return OverindebtednessFiles.CHANNELS;
    }

    public String statusLabel(String code) {
        return Texts.labelOr(texts, "overindebtedness.status." + code, code);
    }

    public String channelLabel(String code) {
        return Texts.labelOr(texts, "overindebtedness.channel." + code, code);
    }

    public ReadOnlyStringProperty error(String field) {
        return errors.property(field);
    }

    public ObjectProperty<String> channelProperty() {
        return channel;
    }

    public BooleanProperty coDepositorProperty() {
        return coDepositor;
    }

    public StringProperty startedOnProperty() {
        return startedOn;
    }

    public StringProperty filedOnProperty() {
        return filedOn;
    }

    public ObjectProperty<String> statusProperty() {
        return status;
    }

    public StringProperty admissibilityDecisionOnProperty() {
        return admissibilityDecisionOn;
    }

    public StringProperty orientationDecisionOnProperty() {
        return orientationDecisionOn;
    }

    public StringProperty planMonthsProperty() {
        return planMonths;
    }

    public StringProperty resteAVivreProperty() {
        return resteAVivre;
    }

    public StringProperty monthlyRepaymentProperty() {
        return monthlyRepayment;
    }

    public BooleanProperty ficpProperty() {
        return ficp;
    }

    public StringProperty noteProperty() {
        return note;
    }

    /** The deadline that matters now, in plain French (empty when none). */
    public ReadOnlyStringProperty deadlineProperty() {
        return deadline.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty formErrorProperty() {
        return formError.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty loadedProperty() {
        return loaded.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }
}
