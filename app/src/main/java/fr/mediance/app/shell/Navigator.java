package fr.mediance.app.shell;

import java.util.ArrayDeque;
import java.util.Deque;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/** The back stack: a root screen (a top-level destination) and the screens opened from it. */
public final class Navigator {

    private final Deque<Screen> stack = new ArrayDeque<>();
    private final ReadOnlyObjectWrapper<Screen> current = new ReadOnlyObjectWrapper<>(this, "current");
    private final ReadOnlyBooleanWrapper canGoBack = new ReadOnlyBooleanWrapper(this, "canGoBack");

    /** Replaces the whole stack with one screen. */
    public void setRoot(Screen screen) {
        Screen previous = stack.peek();
        stack.clear();
        stack.push(screen);
        show(previous);
    }

    /** Opens a screen on top of the current one. */
    public void push(Screen screen) {
        Screen previous = stack.peek();
        stack.push(screen);
        show(previous);
    }

    /** Goes back one screen; false when already at the root. */
    public boolean back() {
        if (stack.size() <= 1) {
            return false;
        }
        Screen previous = stack.pop();
        show(previous);
        return true;
    }

    public int depth() {
        return stack.size();
    }

    private void show(Screen previous) {
        Screen top = stack.peek();
        if (previous != null && previous != top) {
            previous.onHide();
        }
        canGoBack.set(stack.size() > 1);
        current.set(top);
        if (top != null && top != previous) {
            top.onShow();
        }
    }

    public ReadOnlyObjectProperty<Screen> currentProperty() {
        return current.getReadOnlyProperty();
    }

    public Screen current() {
        return current.get();
    }

    public ReadOnlyBooleanProperty canGoBackProperty() {
        return canGoBack.getReadOnlyProperty();
    }
}
