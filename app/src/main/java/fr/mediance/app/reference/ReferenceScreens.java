package fr.mediance.app.reference;

import fr.mediance.app.ScreenContext;
import fr.mediance.app.shell.Screen;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.scene.Node;
import javafx.scene.control.Label;

/** Builds this feature's screens and view models for the composition root. */
public final class ReferenceScreens {
    private final ScreenContext ctx;

    public ReferenceScreens(ScreenContext ctx) {
        this.ctx = ctx;
    }

    public Screen codeLists() {
        Label empty = new Label();
        SimpleStringProperty title = new SimpleStringProperty();
        return new Screen() {
            @Override
            public Node node() {
                return empty;
            }

            @Override
            public ReadOnlyStringProperty titleProperty() {
                return title;
            }
        };
    }
}
