package fr.mediance.app.shell;

import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.ObservableList;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.layout.Region;

/**
 * A table of the office screens that shows its whole list: rows of one height, as tall as its rows (the page
 * scrolls, not the table), hidden while the list is empty, columns sized by weight, and a click on a row opens it.
 */
public final class WholeListTable {
    private WholeListTable() {}

    /** The table of {@code rows}; {@code newRow} makes each row (its look), {@code open} takes the row clicked. */
    public static <T> TableView<T> of(
            ObservableList<T> rows, double rowHeight, Supplier<TableRow<T>> newRow, Consumer<T> open) {
        TableView<T> table = new TableView<>(rows);
        table.setFixedCellSize(rowHeight);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY);
        table.setRowFactory(t -> {
            TableRow<T> row = newRow.get();
            row.setOnMouseClicked(e -> {
                if (!row.isEmpty()) {
                    open.accept(row.getItem());
                }
            });
            return row;
        });
        table.visibleProperty().bind(Bindings.isNotEmpty(rows));
        table.managedProperty().bind(table.visibleProperty());
        table.prefHeightProperty().bind(Bindings.size(rows).multiply(rowHeight).add(rowHeight + 4));
        table.setMinHeight(Region.USE_PREF_SIZE);
        return table;
    }

    /** A text column, not sortable (the list comes in its order), {@code weight} its share of the width. */
    public static <T> TableColumn<T, String> column(String title, Function<T, String> value, double weight) {
        TableColumn<T, String> c = new TableColumn<>(title);
        c.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(value.apply(cell.getValue())));
        c.setSortable(false);
        c.setMaxWidth(1_000 * weight);
        return c;
    }
}
