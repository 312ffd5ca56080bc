package fr.mediance.app.core.budget;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * One line of the budget sheet as the counsellor types it: the amount is the text typed (« 1 234,56 »), kept as
 * typed even when it is not an amount yet; its problem shows beside it.
 */
public final class BudgetLine {
    private final String kind;
    private final ObjectProperty<String> category = new SimpleObjectProperty<>(this, "category");
    private final StringProperty amount = new SimpleStringProperty(this, "amount", "");
    private final ObjectProperty<String> periodicity = new SimpleObjectProperty<>(this, "periodicity", "monthly");
    private final BooleanProperty paidToLandlord = new SimpleBooleanProperty(this, "paidToLandlord");
    private final BooleanProperty justified = new SimpleBooleanProperty(this, "justified");
    private final StringProperty label = new SimpleStringProperty(this, "label", "");
    final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");

    BudgetLine(String kind) {
        this.kind = kind;
    }

    /** income, charge or credit. */
    public String kind() {
        return kind;
    }

    public ObjectProperty<String> categoryProperty() {
        return category;
    }

    public StringProperty amountProperty() {
        return amount;
    }

    public ObjectProperty<String> periodicityProperty() {
        return periodicity;
    }

    /** For housing aid: paid straight to the landlord (not income; the rent is paid net of it). */
    public BooleanProperty paidToLandlordProperty() {
        return paidToLandlord;
    }

    public BooleanProperty justifiedProperty() {
        return justified;
    }

    public StringProperty labelProperty() {
        return label;
    }

    /** The line's problem in French, empty when none. */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }
}
