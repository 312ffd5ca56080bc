package fr.mediance.app.resident;

import fr.mediance.app.ScreenContext;
import fr.mediance.app.shell.Screen;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.scene.Node;
import javafx.scene.control.Label;

/** Builds this feature's screens and view models for the composition root. */
public final class ResidentScreens {
    private final ScreenContext ctx;

    public ResidentScreens(ScreenContext ctx) {
        this.ctx = ctx;
    }

    public Screen search() {
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

    /** Opens a resident's file on top of the back stack. */
    public void openFile(String residentId) {
    }
}
