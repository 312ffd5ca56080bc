package fr.mediance.app.shell;

import java.util.function.Supplier;
import javafx.beans.value.ObservableValue;
import org.kordamp.ikonli.Ikon;

/**
 * A top-level place of the navigation (bottom bar or side rail): a label, an icon, the screen it opens and an
 * optional badge ("3" conflicts to resolve; hidden when empty).
 */
public record Destination(String id, String label, Ikon icon, Supplier<Screen> screen, ObservableValue<String> badge) {

    public Destination(String id, String label, Ikon icon, Supplier<Screen> screen) {
        this(id, label, icon, screen, null);
    }
}
