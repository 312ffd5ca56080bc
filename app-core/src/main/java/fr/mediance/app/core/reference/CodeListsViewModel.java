package fr.mediance.app.core.reference;

import fr.mediance.app.core.BackgroundWork;
import fr.mediance.app.core.Texts;
import fr.mediance.protocol.CodeDto;
import fr.mediance.protocol.CodeValues;
import fr.mediance.protocol.ListNames;
import java.text.MessageFormat;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.ResourceBundle;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.ObservableMap;

/**
 * "Listes de référence" (office, coordination, administration): pick a code list by its French name, see its
 * entries (label, code, parent, value, active, order), change an entry's label, parent, value, order or
 * whether it is offered, or add one. What is typed stays in the form until it is saved; a refused field gets
 * its French message beside it. A saved entry is queued for the server, which gives it to every device.
 */
public final class CodeListsViewModel {

    /** A list the editor offers: its name on the wire and in French. */
    public record ListChoice(String name, String label) {
        @Override
        public String toString() {
            return label;
        }
    }

    /**
     * One entry as the table shows it.
     *
     * @param activeText "Oui" / "Non"
     */
    public record Row(
            CodeDto entry, String label, String code, String parent, String value, String activeText, int sortOrder) {}

    /**
     * Every list of {@link ListNames}, in the order of the domain brief (the picker sorts by French name), but the
     * former "partner" list: partners are edited in the partner directory.
     */
    static final List<String> LISTS =
            ListNames.ALL.stream().filter(n -> !n.equals(ListNames.PARTNER)).toList();

    private final ReferenceService reference;
    private final ResourceBundle texts;
    private final BackgroundWork work;
    private Consumer<String> onMessage = m -> {};

    private final List<ListChoice> lists;
    private final ReadOnlyObjectWrapper<ListChoice> selected = new ReadOnlyObjectWrapper<>(this, "selected");
    private final ObservableList<Row> rows = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper editing = new ReadOnlyBooleanWrapper(this, "editing");
    private final ReadOnlyBooleanWrapper creating = new ReadOnlyBooleanWrapper(this, "creating");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyStringWrapper formTitle = new ReadOnlyStringWrapper(this, "formTitle", "");
    private final ReadOnlyStringWrapper valueHint = new ReadOnlyStringWrapper(this, "valueHint", "");
    private final ReadOnlyStringWrapper emptyText = new ReadOnlyStringWrapper(this, "emptyText", "");
    private final ReadOnlyStringWrapper formError = new ReadOnlyStringWrapper(this, "formError", "");

    private final StringProperty code = new SimpleStringProperty(this, "code", "");
    private final StringProperty label = new SimpleStringProperty(this, "label", "");
    private final StringProperty parent = new SimpleStringProperty(this, "parent", "");
    private final StringProperty value = new SimpleStringProperty(this, "value", "");
    private final StringProperty sortOrder = new SimpleStringProperty(this, "sortOrder", "");
    private final BooleanProperty active = new SimpleBooleanProperty(this, "active", true);
    private final ObservableMap<String, String> errors = FXCollections.observableHashMap();

    public CodeListsViewModel(ReferenceService reference, ResourceBundle texts, Executor background, Executor fx) {
        this.reference = Objects.requireNonNull(reference);
        this.texts = Objects.requireNonNull(texts);
        this.work = new BackgroundWork(background, fx);
        List<ListChoice> all = new ArrayList<>();
        for (String name : LISTS) {
            all.add(new ListChoice(name, text("reference.list." + name)));
        }
        all.sort(Comparator.comparing(c -> sortKey(c.label())));
        this.lists = List.copyOf(all);
    }

    private static String sortKey(String s) {
        return Normalizer.normalize(s, Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT);
    }

    public void setOnMessage(Consumer<String> onMessage) {
        this.onMessage = Objects.requireNonNull(onMessage);
    }

    /** The lists, sorted by their French name. */
    public List<ListChoice> lists() {
        return lists;
    }

    /** Shows the entries of {@code list} (closing a form left open on another list). */
    public CompletableFuture<Void> select(ListChoice list) {
        selected.set(list);
        cancel();
        return refresh();
    }

    /** Reads the selected list's entries again. */
    public CompletableFuture<Void> refresh() {
        ListChoice list = selected.get();
        if (list == null) {
            rows.clear();
            emptyText.set(text("reference.pick"));
            return CompletableFuture.completedFuture(null);
        }
        return work.supply(
                        "loading a reference list",
                        () -> reference.entries(list.name()).stream()
                                .map(this::row)
                                .toList(),
                        out -> {
                            if (list.equals(selected.get())) {
                                rows.setAll(out);
                                emptyText.set(out.isEmpty() ? text("reference.empty") : "");
                            }
                        },
                        e -> onMessage.accept(text("reference.error.load")))
                .<Void>thenApply(out -> null)
                .exceptionally(e -> null);
    }

    private Row row(CodeDto c) {
        return new Row(
                c,
                c.label() == null ? "" : c.label(),
                c.code(),
                c.parent() == null ? "" : c.parent(),
                c.value() == null ? "" : c.value(),
                text(c.active() ? "reference.active.yes" : "reference.active.no"),
                c.sortOrder());
    }

    /** Opens the form on an existing entry (its code cannot change: records name it). */
    public void edit(Row row) {
        CodeDto c = row.entry();
        fill(c.code(), c.label(), c.parent(), c.value(), c.sortOrder(), c.active());
        creating.set(false);
        editing.set(true);
        formTitle.set(text("reference.form.edit", c.label() == null ? c.code() : c.label()));
    }

    /** Opens an empty form for a new entry of the selected list, placed after the last one. */
    public void add() {
        if (selected.get() == null) {
            return;
        }
        int next = rows.stream().mapToInt(Row::sortOrder).max().orElse(0) + 10;
        fill("", "", "", "", next, true);
        creating.set(true);
        editing.set(true);
        formTitle.set(text("reference.form.new", selected.get().label()));
    }

    private void fill(String c, String l, String p, String v, int order, boolean isActive) {
        errors.clear();
        formError.set("");
        code.set(c == null ? "" : c);
        label.set(l == null ? "" : l);
        parent.set(p == null ? "" : p);
        value.set(v == null ? "" : v);
        sortOrder.set(Integer.toString(order));
        active.set(isActive);
        CodeValues.Kind kind = selected.get() == null
                ? CodeValues.Kind.TEXT
                : CodeValues.kind(selected.get().name(), c);
        valueHint.set(text(
                switch (kind) {
                    case PERIOD, OPTIONAL_PERIOD -> "reference.value.hint.period";
                    case DAYS -> "reference.value.hint.days";
                    case TEXT -> "reference.value.hint.text";
                    case LEGAL -> "reference.value.hint.legal";
                }));
    }

    /** Closes the form without saving. */
    public void cancel() {
        editing.set(false);
        creating.set(false);
        errors.clear();
        formError.set("");
    }

    /**
     * Validates and saves the form. Completes with true when saved (the form closes and the list is read
     * again); otherwise the form stays as typed with the messages beside the fields.
     */
    public CompletableFuture<Boolean> save() {
        ListChoice list = selected.get();
        if (!editing.get() || list == null || busy.get()) {
            return CompletableFuture.completedFuture(false);
        }
        errors.clear();
        formError.set("");
        String orderText = sortOrder.get() == null ? "" : sortOrder.get().strip();
        int order;
        if (!orderText.matches("\\d{1,5}")) {
            errors.put("sortOrder", text("reference.error.order"));
            return CompletableFuture.completedFuture(false);
        }
        order = Integer.parseInt(orderText);
        String typedCode = code.get() == null ? "" : code.get().strip();
        CodeDto entry =
                new CodeDto(list.name(), typedCode, label.get(), parent.get(), order, active.get(), value.get());
        boolean isNew = creating.get();
        busy.set(true);
        CompletableFuture<Boolean> done = new CompletableFuture<>();
        work.supply(
                "saving a reference list entry",
                () -> reference.saveEntry(entry, isNew),
                result -> {
                    busy.set(false);
                    if (result.isOk()) {
                        cancel();
                        onMessage.accept(text("reference.saved", result.value().label()));
                        refresh().thenRun(() -> done.complete(true));
                        return;
                    }
                    Map<String, String> fieldErrors = result.fieldErrors();
                    if (fieldErrors.isEmpty()) {
                        formError.set(result.message());
                    } else {
                        errors.putAll(fieldErrors);
                    }
                    done.complete(false);
                },
                e -> {
                    busy.set(false);
                    formError.set(text("reference.error.save"));
                    done.complete(false);
                });
        return done;
    }

    private String text(String key, Object... args) {
        String pattern = texts.getString(key);
        return args.length == 0 ? pattern : new MessageFormat(pattern, Texts.locale(texts)).format(args);
    }

    public ReadOnlyObjectProperty<ListChoice> selectedProperty() {
        return selected.getReadOnlyProperty();
    }

    public ObservableList<Row> rows() {
        return rows;
    }

    public ReadOnlyBooleanProperty editingProperty() {
        return editing.getReadOnlyProperty();
    }

    /** True for a new entry: the code field is editable only then. */
    public ReadOnlyBooleanProperty creatingProperty() {
        return creating.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty formTitleProperty() {
        return formTitle.getReadOnlyProperty();
    }

    /** What the value means in this list ("Durée ISO : P1M, P6M, P1Y…"). */
    public ReadOnlyStringProperty valueHintProperty() {
        return valueHint.getReadOnlyProperty();
    }

    /** "Choisissez une liste." / "Cette liste est vide." / "" when entries are shown. */
    public ReadOnlyStringProperty emptyTextProperty() {
        return emptyText.getReadOnlyProperty();
    }

    /** A refusal that is not about one field (rights, entry gone). */
    public ReadOnlyStringProperty formErrorProperty() {
        return formError.getReadOnlyProperty();
    }

    public StringProperty codeProperty() {
        return code;
    }

    public StringProperty labelProperty() {
        return label;
    }

    public StringProperty parentProperty() {
        return parent;
    }

    public StringProperty valueProperty() {
        return value;
    }

    public StringProperty sortOrderProperty() {
        return sortOrder;
    }

    public BooleanProperty activeProperty() {
        return active;
    }

    /** Field (code, label, parent, value, sortOrder) → French message, beside the field. */
    public ObservableMap<String, String> errors() {
        return errors;
    }
}
