package fr.mediance.app.core.budget;

import fr.mediance.app.core.BackgroundWork;
import fr.mediance.app.core.FieldErrors;
import fr.mediance.app.core.Outcome;
import fr.mediance.app.core.Texts;
import fr.mediance.app.core.reference.ReferenceService;
import fr.mediance.app.core.visit.FrenchInput;
import fr.mediance.protocol.BudgetDto;
import fr.mediance.protocol.BudgetLineDto;
import fr.mediance.protocol.Budgets;
import fr.mediance.rules.BudgetCategories;
import fr.mediance.rules.BudgetSheet;
import fr.mediance.rules.LegalReference;
import fr.mediance.rules.Periodicity;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;

/**
 * The household's budget sheet: income, charges and credits typed in French, the figures computed as they are
 * typed by the rules (monthly income and charges, reste à vivre in all and per person, energy effort rate and its
 * 8 % flag), saved on the device after a pause in the typing; the earlier snapshots, and one compared side by
 * side with the sheet on screen. A colleague's sheet is read only: « Nouvelle fiche » starts the counsellor's own
 * from it. Problems show beside their line; nothing typed is lost.
 */
public final class BudgetViewModel {
    /** The income category that may be paid to the landlord (the screen asks it only there). */
    public static final String HOUSING_AID = BudgetCategories.HOUSING_AID;

    private static final Pattern LINE_FIELD = Pattern.compile("lines\\[(\\d+)]\\..*");

    /**
     * A snapshot of the household's history: its day, its reste à vivre, whether the user wrote it, whether it is
     * the one on screen.
     */
    public record Snapshot(String id, String title, String rest, boolean mine, boolean shown) {}

    /** One row of a comparison: what, on the sheet on screen, on the other one. */
    public record ComparisonRow(String label, String current, String other) {}

    private final BudgetService budgets;
    private final ReferenceService reference;
    private final Clock clock;
    private final ZoneId zone;
    private final ResourceBundle texts;
    private final BackgroundWork work;
    private final BackgroundWork pause;
    private Consumer<String> onMessage = m -> {};

    private final ObservableList<BudgetLine> incomes = FXCollections.observableArrayList();
    private final ObservableList<BudgetLine> charges = FXCollections.observableArrayList();
    private final ObservableList<BudgetLine> credits = FXCollections.observableArrayList();
    private final StringProperty persons = new SimpleStringProperty(this, "persons", "1");
    private final StringProperty adults = new SimpleStringProperty(this, "adults", "1");
    private final ReadOnlyStringWrapper adultsError = new ReadOnlyStringWrapper(this, "adultsError", "");
    private final ReadOnlyStringWrapper rsaFloor = new ReadOnlyStringWrapper(this, "rsaFloor", "");
    private final ReadOnlyStringWrapper rsaNote = new ReadOnlyStringWrapper(this, "rsaNote", "");
    private final ReadOnlyBooleanWrapper belowRsa = new ReadOnlyBooleanWrapper(this, "belowRsa");
    private LegalReference legal = LegalReference.standard();
    private final StringProperty note = new SimpleStringProperty(this, "note", "");
    private final ReadOnlyStringWrapper personsError = new ReadOnlyStringWrapper(this, "personsError", "");
    private final ReadOnlyStringWrapper noteError = new ReadOnlyStringWrapper(this, "noteError", "");
    private final ReadOnlyStringWrapper formError = new ReadOnlyStringWrapper(this, "formError", "");
    private final ReadOnlyStringWrapper saveStatus = new ReadOnlyStringWrapper(this, "saveStatus", "");
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper(this, "title", "");
    private final ReadOnlyStringWrapper author = new ReadOnlyStringWrapper(this, "author", "");
    private final ReadOnlyBooleanWrapper editable = new ReadOnlyBooleanWrapper(this, "editable");
    private final ReadOnlyBooleanWrapper loaded = new ReadOnlyBooleanWrapper(this, "loaded");
    private final ReadOnlyStringWrapper income = new ReadOnlyStringWrapper(this, "income", "");
    private final ReadOnlyStringWrapper spending = new ReadOnlyStringWrapper(this, "spending", "");
    private final ReadOnlyStringWrapper rest = new ReadOnlyStringWrapper(this, "rest", "");
    private final ReadOnlyStringWrapper restPerPerson = new ReadOnlyStringWrapper(this, "restPerPerson", "");
    private final ReadOnlyStringWrapper effortRate = new ReadOnlyStringWrapper(this, "effortRate", "");
    private final ReadOnlyBooleanWrapper precarity = new ReadOnlyBooleanWrapper(this, "precarity");
    private final ReadOnlyBooleanWrapper negativeRest = new ReadOnlyBooleanWrapper(this, "negativeRest");
    private final ObservableList<Snapshot> history = FXCollections.observableArrayList();
    private final ObservableList<ComparisonRow> comparison = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper comparedWith = new ReadOnlyStringWrapper(this, "comparedWith", "");

    private final List<BudgetDto> snapshots = new ArrayList<>();
    private BudgetDto current;
    private String residentId;
    private boolean applying;
    /** Something was typed since the sheet was shown or saved. */
    private boolean dirty;

    private int saveGeneration;
    private CompletableFuture<?> saves = CompletableFuture.completedFuture(null);

    /**
     * @param debounce runs its tasks after the pause in the typing that precedes a save ({@code Runnable::run} in
     *     tests)
     */
    public BudgetViewModel(
            BudgetService budgets,
            ReferenceService reference,
            Clock clock,
            ZoneId zone,
            ResourceBundle texts,
            Executor debounce,
            Executor background,
            Executor fx) {
        this.budgets = Objects.requireNonNull(budgets);
        this.reference = Objects.requireNonNull(reference);
        this.clock = Objects.requireNonNull(clock);
        this.zone = Objects.requireNonNull(zone);
        this.texts = Objects.requireNonNull(texts);
        this.work = new BackgroundWork(background, fx);
        this.pause = new BackgroundWork(debounce, fx);
        for (ObservableList<BudgetLine> list : List.of(incomes, charges, credits)) {
            list.addListener((ListChangeListener<BudgetLine>) c -> edited());
        }
        persons.addListener((o, a, b) -> edited());
        adults.addListener((o, a, b) -> edited());
        note.addListener((o, a, b) -> edited());
    }

    public void setOnMessage(Consumer<String> onMessage) {
        this.onMessage = Objects.requireNonNull(onMessage);
    }

    // ------------------------------------------------------------------ loading

    /** Loads the resident's sheets: the user's latest to go on with, or a new one started from the latest. */
    public CompletableFuture<Void> load(String residentId) {
        this.residentId = residentId;
        record Loaded(List<BudgetDto> all, BudgetDto toEdit, LegalReference legal) {}
        return work.supply(
                        "loading a household's budget sheets",
                        () -> {
                            List<BudgetDto> all = budgets.snapshots(residentId);
                            BudgetDto edit = all.isEmpty() || !budgets.isMine(all.get(0))
                                    ? budgets.startSnapshot(residentId)
                                    : all.get(0);
                            return new Loaded(all, edit, reference.legal());
                        },
                        l -> {
                            legal = l.legal();
                            snapshots.clear();
                            snapshots.addAll(l.all());
                            show(l.toEdit());
                            renderHistory();
                            loaded.set(true);
                        },
                        e -> formError.set(texts.getString("common.load.failed")))
                .<Void>thenApply(l -> null)
                .exceptionally(e -> null);
    }

    /** Starts a new snapshot of today from the sheet on screen (saved once something is typed, or on « Enregistrer »). */
    public CompletableFuture<Void> newSnapshot() {
        return flush().thenCompose(x -> work.supply(
                        "starting a budget sheet",
                        () -> budgets.startSnapshot(residentId),
                        fresh -> {
                            BudgetDto fromScreen = build(fresh).orElse(fresh);
                            show(new BudgetDto(
                                    fresh.id(),
                                    fresh.structureId(),
                                    fresh.residentId(),
                                    fresh.authorId(),
                                    fresh.snapshotDate(),
                                    fromScreen.householdPersons(),
                                    fromScreen.householdAdults(),
                                    fromScreen.lines(),
                                    null,
                                    null));
                            onMessage.accept(texts.getString("budget.new.started"));
                        },
                        e -> formError.set(texts.getString("common.load.failed"))))
                .<Void>thenApply(d -> null)
                .exceptionally(e -> null);
    }

    /** Shows one of the history's snapshots (read only when a colleague wrote it). */
    public CompletableFuture<Void> open(String snapshotId) {
        Optional<BudgetDto> found =
                snapshots.stream().filter(s -> s.id().equals(snapshotId)).findFirst();
        if (found.isEmpty()) {
            return CompletableFuture.completedFuture(null);
        }
        return flush().thenRun(() -> show(found.get()));
    }

    private void show(BudgetDto sheet) {
        applying = true;
        try {
            current = sheet;
            incomes.setAll(rows(sheet, Budgets.INCOME));
            charges.setAll(rows(sheet, Budgets.CHARGE));
            credits.setAll(rows(sheet, Budgets.CREDIT));
            persons.set(Integer.toString(sheet.householdPersons()));
            adults.set(Integer.toString(sheet.householdAdults()));
            adultsError.set("");
            note.set(sheet.note() == null ? "" : sheet.note());
            personsError.set("");
            noteError.set("");
            formError.set("");
            saveStatus.set("");
            boolean mine = budgets.isMine(sheet);
            editable.set(mine);
            title.set(text("budget.sheet.of", Texts.date(texts).format(sheet.snapshotDate())));
            author.set(mine ? "" : texts.getString("budget.colleague.readonly"));
            comparison.clear();
            comparedWith.set("");
            dirty = false;
            renderHistory();
        } finally {
            applying = false;
        }
        recompute();
    }

    private List<BudgetLine> rows(BudgetDto sheet, String kind) {
        List<BudgetLine> rows = new ArrayList<>();
        for (BudgetLineDto l : sheet.lines()) {
            if (l.kind().equals(kind)) {
                BudgetLine row = watched(new BudgetLine(kind));
                row.categoryProperty().set(l.category());
                row.amountProperty().set(FrenchInput.typedAmount(l.amountCents()));
                row.periodicityProperty().set(l.periodicity());
                row.paidToLandlordProperty().set(l.paidToLandlord());
                row.justifiedProperty().set(l.justified());
                row.labelProperty().set(l.label() == null ? "" : l.label());
                rows.add(row);
            }
        }
        return rows;
    }

    private BudgetLine watched(BudgetLine row) {
        row.categoryProperty().addListener((o, a, b) -> edited());
        row.amountProperty().addListener((o, a, b) -> edited());
        row.periodicityProperty().addListener((o, a, b) -> edited());
        row.paidToLandlordProperty().addListener((o, a, b) -> edited());
        row.justifiedProperty().addListener((o, a, b) -> edited());
        row.labelProperty().addListener((o, a, b) -> edited());
        return row;
    }

    // ------------------------------------------------------------------ editing

    /** Adds an empty line of a kind (income, charge, credit) and returns it. */
    public BudgetLine addLine(String kind) {
        BudgetLine row = watched(new BudgetLine(kind));
        if (Budgets.CREDIT.equals(kind)) {
            row.categoryProperty().set("credit");
        }
        list(kind).add(row);
        return row;
    }

    public void removeLine(BudgetLine row) {
        list(row.kind()).remove(row);
    }

    private ObservableList<BudgetLine> list(String kind) {
        return switch (kind) {
            case Budgets.INCOME -> incomes;
            case Budgets.CHARGE -> charges;
            default -> credits;
        };
    }

    private void edited() {
        if (applying || current == null) {
            return;
        }
        recompute();
        if (editable.get()) {
            dirty = true;
            scheduleSave();
        }
    }

    /** The sheet on screen as it would be saved, or empty (with the problems shown) while a line is not valid. */
    private Optional<BudgetDto> build(BudgetDto base) {
        List<BudgetLineDto> lines = new ArrayList<>();
        boolean valid = true;
        for (BudgetLine row : all()) {
            row.error.set("");
            String problem = null;
            Optional<Long> cents = FrenchInput.cents(row.amountProperty().get());
            if (row.categoryProperty().get() == null) {
                problem = texts.getString("budget.error.category");
            } else if (cents.isEmpty()) {
                problem = FieldErrors.amountProblem(row.amountProperty().get(), texts);
            }
            if (problem != null) {
                row.error.set(problem);
                valid = false;
                continue;
            }
            String label = row.labelProperty().get() == null
                    ? null
                    : row.labelProperty().get().strip();
            lines.add(new BudgetLineDto(
                    row.kind(),
                    row.categoryProperty().get(),
                    cents.get(),
                    row.periodicityProperty().get(),
                    Budgets.INCOME.equals(row.kind())
                            && BudgetCategories.HOUSING_AID.equals(
                                    row.categoryProperty().get())
                            && row.paidToLandlordProperty().get(),
                    row.justifiedProperty().get(),
                    label == null || label.isEmpty() ? null : label));
        }
        Integer household = householdPersons();
        personsError.set(household == null ? text("budget.error.persons", Budgets.MAX_PERSONS) : "");
        Integer grownUps = householdAdults(household);
        adultsError.set(household != null && grownUps == null ? texts.getString("budget.error.adults") : "");
        if (household == null || grownUps == null || !valid) {
            return Optional.empty();
        }
        return Optional.of(new BudgetDto(
                base.id(),
                base.structureId(),
                base.residentId(),
                base.authorId(),
                base.snapshotDate(),
                household,
                grownUps,
                lines,
                note.get(),
                base.updatedAt()));
    }

    private Integer householdAdults(Integer household) {
        return FrenchInput.wholeNumber(adults.get(), 1, Math.min(2, household == null ? 2 : household))
                .orElse(null);
    }

    private Integer householdPersons() {
        return FrenchInput.wholeNumber(persons.get(), 1, Budgets.MAX_PERSONS).orElse(null);
    }

    private List<BudgetLine> all() {
        List<BudgetLine> rows = new ArrayList<>(incomes);
        rows.addAll(charges);
        rows.addAll(credits);
        return rows;
    }

    /** The figures of the lines that are valid now (the others show their problem). */
    private void recompute() {
        build(current);
        List<BudgetLineDto> valid = new ArrayList<>();
        for (BudgetLine row : all()) {
            Optional<Long> cents = FrenchInput.cents(row.amountProperty().get());
            if (row.error.get().isEmpty()
                    && cents.isPresent()
                    && row.categoryProperty().get() != null) {
                valid.add(new BudgetLineDto(
                        row.kind(),
                        row.categoryProperty().get(),
                        cents.get(),
                        row.periodicityProperty().get(),
                        row.paidToLandlordProperty().get(),
                        false,
                        null));
            }
        }
        Integer household = householdPersons();
        BudgetSheet.Figures f = Budgets.figures(new BudgetDto(
                current.id(),
                null,
                current.residentId(),
                null,
                current.snapshotDate(),
                household == null ? 1 : household,
                valid,
                null,
                null));
        income.set(money(f.monthlyIncome()));
        spending.set(money(f.monthlyCharges()));
        rest.set(money(f.resteAVivre()));
        negativeRest.set(f.resteAVivre().signum() < 0);
        restPerPerson.set(household == null ? "—" : money(f.resteAVivrePerPerson()));
        Integer grownUps = householdAdults(household);
        Optional<Budgets.RsaFloor> floor = household == null || grownUps == null
                ? Optional.empty()
                : Budgets.rsaFloor(
                        new BudgetDto(
                                current.id(),
                                null,
                                current.residentId(),
                                null,
                                current.snapshotDate(),
                                household,
                                grownUps,
                                List.of(),
                                null,
                                null),
                        legal);
        rsaFloor.set(floor.map(r -> money(r.amount())).orElse("—"));
        rsaNote.set(floor.map(r -> text("budget.rsa.note", r.year())).orElse(""));
        belowRsa.set(floor.isPresent() && f.resteAVivre().compareTo(floor.get().amount()) < 0);
        effortRate.set(f.energyEffortRate().map(this::percent).orElse("—"));
        precarity.set(f.energyPrecarity());
    }

    private String money(BigDecimal euros) {
        return Texts.money(
                texts, euros.movePointRight(2).setScale(0, RoundingMode.HALF_UP).longValueExact());
    }

    private String percent(BigDecimal rate) {
        return text("budget.percent", rate.doubleValue());
    }

    // ------------------------------------------------------------------ saving

    private void scheduleSave() {
        int gen = ++saveGeneration;
        saveStatus.set(texts.getString("resident.saving"));
        pause.run(
                "waiting for a pause in the typing",
                () -> {},
                () -> {
                    if (gen == saveGeneration) {
                        flush();
                    }
                },
                e -> {});
    }

    /** « Enregistrer »: saves the sheet on screen now, even unchanged (a budget found the same at this visit). */
    public CompletableFuture<?> save() {
        dirty = true;
        return flush();
    }

    /** Saves what was typed, if anything (leaving the screen, or after the pause in the typing). */
    public CompletableFuture<?> flush() {
        if (current == null || !editable.get() || !dirty) {
            return saves;
        }
        Optional<BudgetDto> sheet = build(current);
        if (sheet.isEmpty()) {
            saveStatus.set(texts.getString("budget.not.saved"));
            return saves;
        }
        saveGeneration++;
        dirty = false;
        CompletableFuture<Void> done = new CompletableFuture<>();
        BudgetDto toSave = sheet.get();
        saves = saves.handle((x, e) -> null)
                .thenCompose(x -> work.supply("saving a budget sheet", () -> budgets.save(toSave), this::saved, e -> {
                            saveStatus.set(texts.getString("budget.not.saved"));
                            onMessage.accept(texts.getString("common.save.failed"));
                        })
                        .handle((s, e) -> {
                            done.complete(null);
                            return null;
                        }));
        return done;
    }

    private void saved(Outcome<BudgetDto> o) {
        if (o.isOk()) {
            BudgetDto saved = o.value();
            if (current != null && current.id().equals(saved.id())) {
                current = saved;
            }
            snapshots.removeIf(s -> s.id().equals(saved.id()));
            snapshots.add(0, saved);
            snapshots.sort((a, b) -> b.snapshotDate().compareTo(a.snapshotDate()));
            renderHistory();
            saveStatus.set(text(
                    "resident.saved", Texts.time(texts).format(clock.instant().atZone(zone))));
            return;
        }
        dirty = true;
        saveStatus.set(texts.getString("budget.not.saved"));
        if (o.fieldErrors().isEmpty()) {
            formError.set(o.message());
            return;
        }
        List<BudgetLine> rows = all();
        o.fieldErrors().forEach((field, message) -> {
            Matcher m = LINE_FIELD.matcher(field);
            if (m.matches() && Integer.parseInt(m.group(1)) < rows.size()) {
                rows.get(Integer.parseInt(m.group(1))).error.set(message);
            } else if ("householdPersons".equals(field)) {
                personsError.set(message);
            } else if ("note".equals(field)) {
                noteError.set(message);
            } else {
                formError.set(message);
            }
        });
    }

    // ------------------------------------------------------------------ history and comparison

    private void renderHistory() {
        history.setAll(snapshots.stream()
                .map(s -> new Snapshot(
                        s.id(),
                        text("budget.sheet.of", Texts.date(texts).format(s.snapshotDate())),
                        Budgets.problem(s).isEmpty()
                                ? text(
                                        "budget.history.rest",
                                        money(Budgets.figures(s).resteAVivre()))
                                : "",
                        budgets.isMine(s),
                        current != null && current.id().equals(s.id())))
                .toList());
    }

    /** Compares the sheet on screen with another snapshot, figure by figure and category by category. */
    public void compareWith(String snapshotId) {
        Optional<BudgetDto> other =
                snapshots.stream().filter(s -> s.id().equals(snapshotId)).findFirst();
        Optional<BudgetDto> shown = build(current);
        if (other.isEmpty() || shown.isEmpty() || Budgets.problem(other.get()).isPresent()) {
            return;
        }
        BudgetSheet.Figures a = Budgets.figures(shown.get());
        BudgetSheet.Figures b = Budgets.figures(other.get());
        List<ComparisonRow> rows = new ArrayList<>();
        rows.add(new ComparisonRow(
                texts.getString("budget.income"), money(a.monthlyIncome()), money(b.monthlyIncome())));
        rows.add(new ComparisonRow(
                texts.getString("budget.charges"), money(a.monthlyCharges()), money(b.monthlyCharges())));
        rows.add(new ComparisonRow(texts.getString("budget.rest"), money(a.resteAVivre()), money(b.resteAVivre())));
        rows.add(new ComparisonRow(
                texts.getString("budget.rest.person"),
                money(a.resteAVivrePerPerson()),
                money(b.resteAVivrePerPerson())));
        rows.add(new ComparisonRow(
                texts.getString("budget.effort"),
                a.energyEffortRate().map(this::percent).orElse("—"),
                b.energyEffortRate().map(this::percent).orElse("—")));
        Map<String, BigDecimal[]> byCategory = new LinkedHashMap<>();
        addMonthly(byCategory, shown.get(), 0);
        addMonthly(byCategory, other.get(), 1);
        byCategory.forEach((key, amounts) -> rows.add(new ComparisonRow(
                categoryLabel(key.substring(key.indexOf(':') + 1)),
                amounts[0] == null ? "—" : money(amounts[0]),
                amounts[1] == null ? "—" : money(amounts[1]))));
        comparison.setAll(rows);
        comparedWith.set(text(
                "budget.compared.with", Texts.date(texts).format(other.get().snapshotDate())));
    }

    private static void addMonthly(Map<String, BigDecimal[]> byCategory, BudgetDto sheet, int column) {
        for (BudgetLineDto l : sheet.lines()) {
            BigDecimal monthly = Periodicity.fromCode(l.periodicity()).monthly(BigDecimal.valueOf(l.amountCents(), 2));
            BigDecimal[] amounts = byCategory.computeIfAbsent(l.kind() + ":" + l.category(), k -> new BigDecimal[2]);
            amounts[column] = amounts[column] == null ? monthly : amounts[column].add(monthly);
        }
    }

    // ------------------------------------------------------------------ labels and lists

    /** The categories a line of this kind may take, in the order of the Banque de France form. */
    public List<String> categories(String kind) {
        return Budgets.categories(kind);
    }

    public List<String> periodicities() {
        return java.util.Arrays.stream(Periodicity.values())
                .map(Periodicity::code)
                .toList();
    }

    public String categoryLabel(String code) {
        return Texts.labelOr(texts, "budget.category." + code, code);
    }

    public String periodicityLabel(String code) {
        return Texts.labelOr(texts, "budget.periodicity." + code, code);
    }

    private String text(String key, Object... args) {
        return Texts.format(texts, key, args);
    }

    public ObservableList<BudgetLine> incomes() {
        return incomes;
    }

    public ObservableList<BudgetLine> charges() {
        return charges;
    }

    public ObservableList<BudgetLine> credits() {
        return credits;
    }

    public StringProperty personsProperty() {
        return persons;
    }

    public StringProperty noteProperty() {
        return note;
    }

    /** The adults of the household (1 or 2), as typed. */
    public StringProperty adultsProperty() {
        return adults;
    }

    public ReadOnlyStringProperty adultsErrorProperty() {
        return adultsError.getReadOnlyProperty();
    }

    /** The RSA lump sum for the household's composition (the floor a commission never goes below). */
    public ReadOnlyStringProperty rsaFloorProperty() {
        return rsaFloor.getReadOnlyProperty();
    }

    /** Which year's amount the floor is computed from. */
    public ReadOnlyStringProperty rsaNoteProperty() {
        return rsaNote.getReadOnlyProperty();
    }

    /** The reste à vivre is below the RSA lump sum of the household. */
    public ReadOnlyBooleanProperty belowRsaProperty() {
        return belowRsa.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty personsErrorProperty() {
        return personsError.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty noteErrorProperty() {
        return noteError.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty formErrorProperty() {
        return formError.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty saveStatusProperty() {
        return saveStatus.getReadOnlyProperty();
    }

    /** « Fiche du 07/12/2026 ». */
    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    /** Says why a colleague's sheet is read only; empty for the user's own. */
    public ReadOnlyStringProperty authorProperty() {
        return author.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty editableProperty() {
        return editable.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty loadedProperty() {
        return loaded.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty incomeProperty() {
        return income.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty spendingProperty() {
        return spending.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty restProperty() {
        return rest.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty restPerPersonProperty() {
        return restPerPerson.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty effortRateProperty() {
        return effortRate.getReadOnlyProperty();
    }

    /** The energy effort rate is above 8 % (ONPE). */
    public ReadOnlyBooleanProperty precarityProperty() {
        return precarity.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty negativeRestProperty() {
        return negativeRest.getReadOnlyProperty();
    }

    public ObservableList<Snapshot> history() {
        return history;
    }

    public ObservableList<ComparisonRow> comparison() {
        return comparison;
    }

    /** « Comparée à la fiche du … », empty when no comparison is shown. */
    public ReadOnlyStringProperty comparedWithProperty() {
        return comparedWith.getReadOnlyProperty();
    }
}
