package fr.mediance.app.core.debt;

import fr.mediance.app.core.BackgroundWork;
import fr.mediance.app.core.Texts;
import fr.mediance.app.core.energy.EnergyService;
import fr.mediance.app.core.reference.CodeItem;
import fr.mediance.app.core.reference.ReferenceService;
import fr.mediance.protocol.DebtDto;
import fr.mediance.protocol.ListNames;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.ResourceBundle;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The resident file's section « Dettes et impayés »: every debt of the household whatever its creditor (energy,
 * water, rent, credit, a CAF overpayment…), what it still owes in all and by creditor category — amounts and fees,
 * less the instalments paid under payment plans and the aid paid to the creditor ({@link PaymentPlanService#balances});
 * nothing for a debt paid or written off — each debt with its creditor, what it comes to, what remains and where it
 * stands. A new debt starts from a category.
 */
public final class DebtsViewModel {
    /** A debt as listed: « Loyer et charges · Logirem · 1 240,00 € », its details, its category code. */
    public record DebtItem(String id, String category, String title, String details) {}

    /** What the household owes in one creditor category: « Énergie : 412,50 € (1 dette) ». */
    public record CategoryTotal(String category, String label, long cents, int count) {}

    private final EnergyService debts;
    private final PaymentPlanService plans;
    private final ReferenceService reference;
    private final ResourceBundle texts;
    private final BackgroundWork work;
    private final ObservableList<DebtItem> items = FXCollections.observableArrayList();
    private final ObservableList<CategoryTotal> totals = FXCollections.observableArrayList();
    private final ObservableList<CodeItem> categories = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper(this, "summary", "");
    private final ReadOnlyBooleanWrapper mayWrite = new ReadOnlyBooleanWrapper(this, "mayWrite");
    private Consumer<String> onMessage = m -> {};
    private String residentId;

    public DebtsViewModel(
            EnergyService debts,
            PaymentPlanService plans,
            ReferenceService reference,
            ResourceBundle texts,
            Executor background,
            Executor fx) {
        this.debts = Objects.requireNonNull(debts);
        this.plans = Objects.requireNonNull(plans);
        this.reference = Objects.requireNonNull(reference);
        this.texts = Objects.requireNonNull(texts);
        this.work = new BackgroundWork(background, fx);
    }

    public void setOnMessage(Consumer<String> onMessage) {
        this.onMessage = Objects.requireNonNull(onMessage);
    }

    private record Loaded(
            List<DebtDto> debts, Map<String, Long> balances, List<CodeItem> categories, boolean mayWrite) {}

    /** Reads the resident's debts. Completes on the FX executor. */
    public CompletableFuture<Void> load(String residentId) {
        this.residentId = Objects.requireNonNull(residentId);
        return refresh();
    }

    /** Reads again (after a debt was saved, after a sync). */
    public CompletableFuture<Void> refresh() {
        String id = residentId;
        return work.supply(
                        "loading the household's debts",
                        () -> new Loaded(
                                debts.debts(id),
                                plans.balances(id),
                                reference.codes(ListNames.CREDITOR_CATEGORY),
                                debts.mayWrite()),
                        this::show,
                        e -> onMessage.accept(texts.getString("common.load.failed")))
                .<Void>thenApply(x -> null)
                .exceptionally(e -> null);
    }

    private void show(Loaded l) {
        mayWrite.set(l.mayWrite());
        categories.setAll(l.categories());
        Map<String, Integer> order = new LinkedHashMap<>();
        for (CodeItem c : l.categories()) {
            order.put(c.code(), c.sortOrder());
        }
        List<DebtDto> sorted = new ArrayList<>(l.debts());
        sorted.sort(Comparator.<DebtDto>comparingInt(d -> order.getOrDefault(d.creditorCategory(), Integer.MAX_VALUE))
                .thenComparing(d -> d.creditorCategory() == null ? "" : d.creditorCategory())
                .thenComparing(DebtDto::issueDate, Comparator.nullsLast(Comparator.naturalOrder())));
        List<DebtItem> rows = new ArrayList<>();
        Map<String, long[]> byCategory = new LinkedHashMap<>();
        long all = 0;
        for (DebtDto d : sorted) {
            long owed = owed(d, l.balances());
            rows.add(new DebtItem(d.id(), d.creditorCategory(), title(d), details(d, owed)));
            long[] t = byCategory.computeIfAbsent(d.creditorCategory(), k -> new long[2]);
            t[0] += owed;
            t[1]++;
            all += owed;
        }
        items.setAll(rows);
        List<CategoryTotal> t = new ArrayList<>();
        byCategory.forEach((code, v) -> t.add(new CategoryTotal(code, category(code), v[0], (int) v[1])));
        totals.setAll(t);
        summary.set(
                sorted.isEmpty()
                        ? texts.getString("debts.none")
                        : Texts.format(texts, "debts.summary", Texts.money(texts, all), sorted.size()));
    }

    /**
     * What is still owed on a debt: nothing once it is paid or forgiven, else its balance (its amount and fees when
     * nothing was paid on it).
     */
    static long owed(DebtDto d, Map<String, Long> balances) {
        return "paid".equals(d.status()) || "forgiven".equals(d.status())
                ? 0
                : balances.getOrDefault(d.id(), d.totalCents());
    }

    private String category(String code) {
        return code == null ? "" : reference.label(ListNames.CREDITOR_CATEGORY, code);
    }

    /** « Loyer et charges · Logirem · 1 240,00 € », the creditor left out when unknown. */
    String title(DebtDto d) {
        List<String> parts = new ArrayList<>();
        parts.add(category(d.creditorCategory()));
        if (d.creditor() != null) {
            parts.add(reference.partnerName(d.creditor()));
        }
        parts.add(Texts.money(texts, d.totalCents()));
        return String.join(" · ", parts);
    }

    /**
     * « Reste dû : 800,00 € · dont 35,00 € de frais · Plus ancienne facture du 01/09/2026 · Client n° 4521 · Statut :
     * Reconnue », what remains said when something was paid.
     */
    String details(DebtDto d, long owed) {
        List<String> parts = new ArrayList<>();
        if (owed != d.totalCents()) {
            parts.add(Texts.format(texts, "debts.remaining", Texts.money(texts, owed)));
        }
        if (d.feesCents() != null && d.feesCents() > 0) {
            parts.add(Texts.format(texts, "debts.fees", Texts.money(texts, d.feesCents())));
        }
        if (d.issueDate() != null) {
            parts.add(Texts.format(texts, "debts.oldest", Texts.date(texts).format(d.issueDate())));
        }
        if (d.customerNumber() != null) {
            parts.add(Texts.format(texts, "debts.customer", d.customerNumber()));
        }
        if (d.invoices() != null) {
            parts.add(Texts.format(texts, "debts.invoices", d.invoices()));
        }
        parts.add(Texts.format(texts, "debts.status", Texts.labelOr(texts, "energy.status." + d.status(), d.status())));
        return String.join(" · ", parts);
    }

    public String residentId() {
        return residentId;
    }

    public ObservableList<DebtItem> items() {
        return items;
    }

    /** What is owed by creditor category, in the order of the category list. */
    public ObservableList<CategoryTotal> totals() {
        return totals;
    }

    /** The creditor categories a new debt can start from. */
    public ObservableList<CodeItem> categories() {
        return categories;
    }

    /** « 1 652,50 € dus en tout (3 dettes) », or that none is recorded. */
    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    /** Whether a new debt may be added (the office reads the debts). */
    public ReadOnlyBooleanProperty mayWriteProperty() {
        return mayWrite.getReadOnlyProperty();
    }

    /** « Énergie : 412,50 € (1) ». */
    public String totalLine(CategoryTotal t) {
        return Texts.format(texts, "debts.total", t.label(), Texts.money(texts, t.cents()), t.count());
    }
}
