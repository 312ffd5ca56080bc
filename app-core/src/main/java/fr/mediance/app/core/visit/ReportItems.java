package fr.mediance.app.core.visit;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * A list of a visit report typed one item at a time in a form (the actions, the orientations): the items shown,
 * what may be edited or removed while the report is not terminated, and the saving of the item typed, checked in
 * the background before it is added (or replaces the one of the same id). Every change autosaves the report.
 *
 * @param <T> the item (a protocol record with an id)
 */
final class ReportItems<T> {

    /** The form the items are typed in. */
    record Form<T>(
            BooleanSupplier open,
            Function<ActionEditor.FormText, Optional<T>> read,
            Consumer<Map<String, String>> showErrors,
            Runnable close) {}

    private final VisitSession session;
    private final Function<T, String> id;
    private final Form<T> form;
    private final ObservableList<T> items = FXCollections.observableArrayList();
    private final ObservableList<T> itemsView = FXCollections.unmodifiableObservableList(items);

    ReportItems(VisitSession session, Function<T, String> id, Form<T> form) {
        this.session = session;
        this.id = id;
        this.form = form;
        session.autosave(items);
    }

    /** The report opened: its items, the form closed. */
    void show(List<T> all) {
        items.setAll(all);
        form.close().run();
    }

    List<T> copy() {
        return List.copyOf(items);
    }

    ObservableList<T> view() {
        return itemsView;
    }

    /** The item of that id, to edit: none when the report is terminated. */
    Optional<T> toEdit(String itemId) {
        if (session.frozen.get()) {
            return Optional.empty();
        }
        return items.stream().filter(i -> id.apply(i).equals(itemId)).findFirst();
    }

    void remove(String itemId) {
        if (!session.frozen.get()) {
            items.removeIf(i -> id.apply(i).equals(itemId));
        }
    }

    /**
     * Adds (or replaces) the item typed, once {@code check} (given the item on the FX thread, it returns the work
     * done in the background) finds no problem; the problems found are shown beside the fields and the typed text
     * stays in the form. Completes with whether the item was kept.
     *
     * @param what what is being done, for the log; never resident data
     */
    CompletableFuture<Boolean> save(String what, Function<T, Supplier<Map<String, String>>> check) {
        if (!session.editable() || !form.open().getAsBoolean()) {
            return CompletableFuture.completedFuture(false);
        }
        Optional<T> typed = form.read().apply(session::text);
        if (typed.isEmpty()) {
            return CompletableFuture.completedFuture(false);
        }
        T item = typed.get();
        CompletableFuture<Boolean> result = new CompletableFuture<>();
        session.work.supply(
                what,
                check.apply(item),
                found -> {
                    if (!found.isEmpty()) {
                        form.showErrors().accept(found);
                        result.complete(false);
                        return;
                    }
                    replaceOrAdd(item);
                    form.close().run();
                    result.complete(true);
                },
                e -> {
                    session.message(session.text("visit.save.failed"));
                    result.complete(false);
                });
        return result;
    }

    private void replaceOrAdd(T item) {
        for (int i = 0; i < items.size(); i++) {
            if (id.apply(items.get(i)).equals(id.apply(item))) {
                items.set(i, item);
                return;
            }
        }
        items.add(item);
    }
}
