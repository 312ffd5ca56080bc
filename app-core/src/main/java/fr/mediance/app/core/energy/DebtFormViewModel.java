package fr.mediance.app.core.energy;

import fr.mediance.app.core.BackgroundWork;
import fr.mediance.app.core.FieldErrors;
import fr.mediance.app.core.Outcome;
import fr.mediance.app.core.Texts;
import fr.mediance.app.core.reference.CodeItem;
import fr.mediance.app.core.reference.ReferenceService;
import fr.mediance.app.core.visit.FrenchInput;
import fr.mediance.protocol.DebtDto;
import fr.mediance.protocol.DebtStageDto;
import fr.mediance.protocol.EnergyContractDto;
import fr.mediance.protocol.ListNames;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
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
 * The form of a debt of any creditor category (§5.5: energy, water, rent, consumer credit, a CAF overpayment…): its
 * category, creditor (of that category), customer number, the invoices concerned, amount and fees (« 1 234,56 € »),
 * the date of the oldest unpaid invoice and its due date, the first reminder, an FSL filed or received, a written
 * complaint and its status. An unpaid energy bill also names its contract, the second letter (the 20-day notice) and
 * the stages of the procedure with their dates. The service refuses, beside the field, what the server would refuse,
 * dates in an order the procedure cannot have included (the rules' unpaid timeline).
 */
public final class DebtFormViewModel {
    /** The form's fields, the keys of {@link #errorProperty}. */
    public static final List<String> FIELDS = List.of(
            "category",
            "contractId",
            "creditor",
            "customerNumber",
            "invoices",
            "amount",
            "fees",
            "issueDate",
            "dueDate",
            "firstReminder",
            "secondLetter",
            "fslFiled",
            "fslAid",
            "complaint",
            "status",
            "newStage",
            "newStageDate");

    /** A contract offered for the bill. */
    public record ContractChoice(String id, String label, String supplier) {}

    private final EnergyService energy;
    private final ReferenceService reference;
    private final ResourceBundle texts;
    private final BackgroundWork work;
    private final EnergyLabels labels;

    private final ObjectProperty<String> contractId = new SimpleObjectProperty<>(this, "contractId");
    private final ObjectProperty<String> category = new SimpleObjectProperty<>(this, "category", DebtDto.ENERGY);
    private final ReadOnlyBooleanWrapper energyDebt = new ReadOnlyBooleanWrapper(this, "energyDebt", true);
    private final ReadOnlyBooleanWrapper mayWrite = new ReadOnlyBooleanWrapper(this, "mayWrite");
    private final ObjectProperty<String> creditor = new SimpleObjectProperty<>(this, "creditor");
    private final StringProperty customerNumber = new SimpleStringProperty(this, "customerNumber", "");
    private final StringProperty invoices = new SimpleStringProperty(this, "invoices", "");
    private final StringProperty amount = new SimpleStringProperty(this, "amount", "");
    private final StringProperty fees = new SimpleStringProperty(this, "fees", "");
    private final StringProperty issueDate = new SimpleStringProperty(this, "issueDate", "");
    private final StringProperty dueDate = new SimpleStringProperty(this, "dueDate", "");
    private final StringProperty firstReminder = new SimpleStringProperty(this, "firstReminder", "");
    private final StringProperty secondLetter = new SimpleStringProperty(this, "secondLetter", "");
    private final StringProperty fslFiled = new SimpleStringProperty(this, "fslFiled", "");
    private final StringProperty fslAid = new SimpleStringProperty(this, "fslAid", "");
    private final StringProperty complaint = new SimpleStringProperty(this, "complaint", "");
    private final ObjectProperty<String> status = new SimpleObjectProperty<>(this, "status", "unknown");
    private final ObjectProperty<String> newStage = new SimpleObjectProperty<>(this, "newStage");
    private final StringProperty newStageDate = new SimpleStringProperty(this, "newStageDate", "");
    private final ObservableList<ContractChoice> contracts = FXCollections.observableArrayList();
    private final ObservableList<CodeItem> categories = FXCollections.observableArrayList();
    private final ObservableList<CodeItem> creditors = FXCollections.observableArrayList();
    /** The creditors the directory offers for each category (and the one a stored debt names). */
    private final Map<String, List<CodeItem>> creditorsByCategory = new java.util.HashMap<>();

    private final ObservableList<DebtStageDto> stages = FXCollections.observableArrayList();
    private final ObservableList<String> stageLines = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper aidedHint = new ReadOnlyStringWrapper(this, "aidedHint", "");
    private final FieldErrors errors = new FieldErrors(FIELDS.toArray(String[]::new));
    private final List<EnergyContractDto> loadedContracts = new ArrayList<>();
    private Consumer<String> onMessage = m -> {};
    private Consumer<DebtDto> onSaved = d -> {};
    private String residentId;
    private String newCategory = DebtDto.ENERGY;
    private DebtDto debt;

    public DebtFormViewModel(
            EnergyService energy, ReferenceService reference, ResourceBundle texts, Executor background, Executor fx) {
        this.energy = Objects.requireNonNull(energy);
        this.reference = Objects.requireNonNull(reference);
        this.texts = Objects.requireNonNull(texts);
        this.work = new BackgroundWork(background, fx);
        this.labels = new EnergyLabels(texts, reference);
        contractId.addListener((o, a, b) -> contractChosen(b));
        category.addListener((o, a, b) -> categoryChosen(b));
        stages.addListener((javafx.collections.ListChangeListener<DebtStageDto>) c -> stageLines.setAll(stages.stream()
                .map(s -> labels.date(s.date()) + " · " + labels.code("stage", s.stage()))
                .toList()));
    }

    private void categoryChosen(String code) {
        energyDebt.set(DebtDto.ENERGY.equals(code));
        creditors.setAll(creditorsByCategory.getOrDefault(code, List.of()));
        if (creditor.get() != null && creditors.stream().noneMatch(c -> c.code().equals(creditor.get()))) {
            creditor.set(null);
        }
    }

    private void contractChosen(String id) {
        Optional<EnergyContractDto> c =
                loadedContracts.stream().filter(x -> x.id().equals(id)).findFirst();
        if (c.isPresent() && creditor.get() == null) {
            creditor.set(c.get().supplier());
        }
        aidedHint.set(c.flatMap(x -> x.chequesEnergie().stream()
                        .filter(ch -> ch.attestationSentOn() != null)
                        .max(java.util.Comparator.comparing(ch -> ch.attestationSentOn())))
                .map(ch -> Texts.format(texts, "energy.form.aided", labels.date(ch.attestationSentOn())))
                .orElse(""));
    }

    public void setOnMessage(Consumer<String> onMessage) {
        this.onMessage = Objects.requireNonNull(onMessage);
    }

    public void setOnSaved(Consumer<DebtDto> onSaved) {
        this.onSaved = Objects.requireNonNull(onSaved);
    }

    private record Loaded(
            List<EnergyContractDto> contracts,
            Optional<DebtDto> debt,
            List<CodeItem> categories,
            Map<String, List<CodeItem>> creditors,
            boolean mayWrite) {}

    /** Opens a resident's bill ({@code debtId}), or a new unpaid energy bill (null). Completes on the FX executor. */
    public CompletableFuture<Void> load(String residentId, String debtId) {
        return load(residentId, debtId, DebtDto.ENERGY);
    }

    /**
     * Opens a resident's debt ({@code debtId}), or a new one (null) of the creditor category {@code newCategory}
     * ("energie", "eau", "loyer"…; the category stays choosable). Completes on the FX executor.
     */
    public CompletableFuture<Void> load(String residentId, String debtId, String newCategory) {
        this.residentId = Objects.requireNonNull(residentId);
        this.newCategory = newCategory == null ? DebtDto.ENERGY : newCategory;
        return work.supply(
                        "loading a debt",
                        () -> {
                            Optional<DebtDto> stored = debtId == null ? Optional.empty() : energy.debt(debtId);
                            String current = stored.map(DebtDto::creditor).orElse(null);
                            List<CodeItem> categories = reference.codes(ListNames.CREDITOR_CATEGORY);
                            Map<String, List<CodeItem>> creditors = new java.util.HashMap<>();
                            for (CodeItem c : categories) {
                                creditors.put(c.code(), reference.creditors(c.code(), current));
                            }
                            return new Loaded(
                                    energy.contracts(residentId), stored, categories, creditors, energy.mayWrite());
                        },
                        this::show,
                        e -> onMessage.accept(texts.getString("common.load.failed")))
                .<Void>thenApply(x -> null)
                .exceptionally(e -> null);
    }

    private void show(Loaded l) {
        loadedContracts.clear();
        loadedContracts.addAll(l.contracts());
        contracts.setAll(l.contracts().stream()
                .map(c -> new ContractChoice(c.id(), labels.contractTitle(c), c.supplier()))
                .toList());
        mayWrite.set(l.mayWrite());
        categories.setAll(l.categories());
        creditorsByCategory.clear();
        creditorsByCategory.putAll(l.creditors());
        debt = l.debt().orElse(null);
        errors.clear();
        if (debt == null) {
            creditor.set(null);
            category.set(newCategory);
            categoryChosen(newCategory);
            contractId.set(
                    contracts.isEmpty() || !isEnergy() ? null : contracts.get(0).id());
            stages.clear();
            return;
        }
        category.set(debt.creditorCategory());
        categoryChosen(debt.creditorCategory());
        creditor.set(debt.creditor());
        contractId.set(debt.contractId());
        customerNumber.set(nonNull(debt.customerNumber()));
        invoices.set(nonNull(debt.invoices()));
        amount.set(FrenchInput.typedAmount(debt.amountCents()));
        fees.set(debt.feesCents() == null ? "" : FrenchInput.typedAmount(debt.feesCents()));
        issueDate.set(FrenchInput.format(debt.issueDate()));
        dueDate.set(FrenchInput.format(debt.dueDate()));
        firstReminder.set(FrenchInput.format(debt.firstReminderOn()));
        secondLetter.set(FrenchInput.format(debt.secondLetterOn()));
        fslFiled.set(FrenchInput.format(debt.fslFiledOn()));
        fslAid.set(FrenchInput.format(debt.fslAidOn()));
        complaint.set(FrenchInput.format(debt.complaintOn()));
        status.set(debt.status());
        stages.setAll(debt.stages());
    }

    /** Adds a stage of the procedure with its date to the bill (kept when the bill is saved). */
    public boolean addStage() {
        errors.clear();
        if (newStage.get() == null) {
            errors.set("newStage", texts.getString("energy.form.required"));
        }
        LocalDate d = date("newStageDate", newStageDate.get(), true);
        if (errors.any()) {
            return false;
        }
        stages.add(new DebtStageDto(newStage.get(), d));
        stages.sort(java.util.Comparator.comparing(DebtStageDto::date));
        newStage.set(null);
        newStageDate.set("");
        return true;
    }

    /** Saves the debt as typed. Completes with true when saved. */
    public CompletableFuture<Boolean> save() {
        errors.clear();
        boolean energyOnly = isEnergy();
        if (category.get() == null) {
            errors.set("category", texts.getString("energy.form.required"));
        }
        Long cents = amount("amount", amount.get(), true);
        Long feeCents = amount("fees", fees.get(), false);
        if (energyOnly && contractId.get() == null) {
            errors.set("contractId", texts.getString("energy.form.contract.required"));
        }
        DebtDto typed = new DebtDto(
                debt == null ? null : debt.id(),
                null,
                residentId,
                category.get(),
                creditor.get(),
                energyOnly ? contractId.get() : null,
                cents,
                date("issueDate", issueDate.get(), true),
                date("dueDate", dueDate.get(), false),
                date("firstReminder", firstReminder.get(), false),
                energyOnly ? date("secondLetter", secondLetter.get(), false) : null,
                date("fslFiled", fslFiled.get(), false),
                date("fslAid", fslAid.get(), false),
                date("complaint", complaint.get(), false),
                status.get(),
                energyOnly ? List.copyOf(stages) : List.of(),
                blankToNull(customerNumber.get()),
                blankToNull(invoices.get()),
                feeCents);
        if (errors.any()) {
            return CompletableFuture.completedFuture(false);
        }
        return work.supply(
                        "saving a debt",
                        () -> energy.saveDebt(typed),
                        this::afterSave,
                        e -> onMessage.accept(texts.getString("common.save.failed")))
                .thenApply(Outcome::isOk)
                .exceptionally(e -> false);
    }

    private void afterSave(Outcome<DebtDto> o) {
        if (o.isOk()) {
            debt = o.value();
            onMessage.accept(texts.getString("energy.form.saved"));
            onSaved.accept(o.value());
            return;
        }
        for (Map.Entry<String, String> e : o.fieldErrors().entrySet()) {
            errors.set(formField(e.getKey()), e.getValue());
        }
        if (!errors.any()) {
            onMessage.accept(o.message());
        }
    }

    /** The form field a wire field's error goes beside. */
    static String formField(String wire) {
        if (wire.startsWith("stages[")) {
            return "newStage";
        }
        return switch (wire) {
            case "amountCents" -> "amount";
            case "feesCents" -> "fees";
            case "creditorCategory" -> "category";
            case "firstReminderOn" -> "firstReminder";
            case "secondLetterOn" -> "secondLetter";
            case "fslFiledOn" -> "fslFiled";
            case "fslAidOn" -> "fslAid";
            case "complaintOn" -> "complaint";
            default -> wire;
        };
    }

    private boolean isEnergy() {
        return DebtDto.ENERGY.equals(category.get());
    }

    private Long amount(String field, String typed, boolean required) {
        if (required && FrenchInput.blank(typed)) {
            errors.set(field, texts.getString("energy.form.required"));
        }
        return errors.amount(field, typed, texts);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static String nonNull(String s) {
        return s == null ? "" : s;
    }

    private LocalDate date(String field, String typed, boolean required) {
        if (FrenchInput.blank(typed)) {
            if (required) {
                errors.set(field, texts.getString("energy.form.required"));
            }
            return null;
        }
        Optional<LocalDate> d = FrenchInput.date(typed);
        if (d.isEmpty()) {
            errors.set(field, texts.getString("energy.form.date.invalid"));
        }
        return d.orElse(null);
    }

    public String label(String group, String code) {
        return labels.code(group, code);
    }

    public ObjectProperty<String> contractIdProperty() {
        return contractId;
    }

    public ObjectProperty<String> creditorProperty() {
        return creditor;
    }

    /** The creditor category ("creditor_category" code); the creditors offered are those of the category. */
    public ObjectProperty<String> categoryProperty() {
        return category;
    }

    /** Whether the signed-in account may save the debt (the office reads it). */
    public ReadOnlyBooleanProperty mayWriteProperty() {
        return mayWrite.getReadOnlyProperty();
    }

    /** Whether the debt is an unpaid energy bill: its contract, second letter and procedure stages are shown. */
    public ReadOnlyBooleanProperty energyDebtProperty() {
        return energyDebt.getReadOnlyProperty();
    }

    public ObservableList<CodeItem> categories() {
        return categories;
    }

    public StringProperty customerNumberProperty() {
        return customerNumber;
    }

    /** The references of the invoices concerned, as the creditor writes them. */
    public StringProperty invoicesProperty() {
        return invoices;
    }

    /** Fees and penalties, typed the French way; blank when none. */
    public StringProperty feesProperty() {
        return fees;
    }

    /** The amount as typed, the French way: « 1 234,56 € ». */
    public StringProperty amountProperty() {
        return amount;
    }

    public StringProperty issueDateProperty() {
        return issueDate;
    }

    public StringProperty dueDateProperty() {
        return dueDate;
    }

    public StringProperty firstReminderProperty() {
        return firstReminder;
    }

    public StringProperty secondLetterProperty() {
        return secondLetter;
    }

    public StringProperty fslFiledProperty() {
        return fslFiled;
    }

    public StringProperty fslAidProperty() {
        return fslAid;
    }

    public StringProperty complaintProperty() {
        return complaint;
    }

    public ObjectProperty<String> statusProperty() {
        return status;
    }

    public ObjectProperty<String> newStageProperty() {
        return newStage;
    }

    public StringProperty newStageDateProperty() {
        return newStageDate;
    }

    public ObservableList<ContractChoice> contracts() {
        return contracts;
    }

    public ObservableList<CodeItem> creditors() {
        return creditors;
    }

    /** The stages with their dates, oldest first, as read: « 20/10/2026 · Première relance ». */
    public ObservableList<String> stageLines() {
        return stageLines;
    }

    /** Said when the chosen contract's chèque énergie attestation was sent: the household counts as aided. */
    public ReadOnlyStringProperty aidedHintProperty() {
        return aidedHint.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorProperty(String field) {
        return errors.property(field);
    }
}
