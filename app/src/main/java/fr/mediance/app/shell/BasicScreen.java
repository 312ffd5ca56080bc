package fr.mediance.app.shell;

import java.util.List;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.Node;

/** A screen made of a node and a title, for views that need nothing more. */
public abstract class BasicScreen implements Screen {

    protected final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper(this, "title", "");
    private Node node;

    protected BasicScreen(String title) {
        this.title.set(title);
    }

    /** Builds the content once, on first use. */
    protected abstract Node build();

    @Override
    public final Node node() {
        if (node == null) {
            node = build();
        }
        return node;
    }

    @Override
    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    @Override
    public List<Node> actions() {
        return List.of();
    }
}
