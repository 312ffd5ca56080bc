package fr.mediance.app.shell;

import java.util.List;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.scene.Node;

/** One view shown in the shell: its content, its title for the app bar and its app-bar actions. */
public interface Screen {

    Node node();

    ReadOnlyStringProperty titleProperty();

    /** Buttons shown at the right of the app bar while this screen is on top. */
    default List<Node> actions() {
        return List.of();
    }

    /** Called each time the screen comes on top of the back stack. */
    default void onShow() {}

    /** Called when the screen leaves the top of the back stack. */
    default void onHide() {}
}
