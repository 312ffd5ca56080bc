package fr.mediance.app.shell;

import java.util.function.Supplier;

import org.kordamp.ikonli.Ikon;

/** A top-level place of the navigation (bottom bar or side rail): a label, an icon and the screen it opens. */
public record Destination(String id, String label, Ikon icon, Supplier<Screen> screen) {
}
