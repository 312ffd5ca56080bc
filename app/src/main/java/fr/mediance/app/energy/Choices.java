package fr.mediance.app.energy;

import fr.mediance.app.core.reference.CodeItem;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** Fixed codes (energies, offers, states…) as the entries of a combo box, labelled in the screen's language. */
final class Choices {
    private Choices() {}

    static ObservableList<CodeItem> of(String group, List<String> codes, UnaryOperator<String> label) {
        List<CodeItem> items = new ArrayList<>();
        for (int i = 0; i < codes.size(); i++) {
            items.add(new CodeItem(group, codes.get(i), label.apply(codes.get(i)), null, i, true));
        }
        return FXCollections.observableArrayList(items);
    }
}
