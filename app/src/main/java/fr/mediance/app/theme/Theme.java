package fr.mediance.app.theme;

import atlantafx.base.theme.PrimerLight;
import java.net.URL;
import javafx.application.Application;
import javafx.scene.Scene;

/** AtlantaFX Primer Light as the user-agent stylesheet, plus the app's own stylesheet on each scene. */
public final class Theme {

    public static final String STYLESHEET = "/fr/mediance/app/theme/app.css";

    private Theme() {}

    public static void applyUserAgent() {
        Application.setUserAgentStylesheet(userAgentStylesheet());
    }

    /**
     * The binary form of the theme that AtlantaFX ships beside its CSS: read as it is, where the CSS text (170 kB)
     * would be parsed at every start, on the JavaFX thread, before the first window.
     */
    static String userAgentStylesheet() {
        return new PrimerLight().getUserAgentStylesheetBSS();
    }

    public static void style(Scene scene) {
        URL css = Theme.class.getResource(STYLESHEET);
        if (css == null) {
            throw new IllegalStateException("missing stylesheet " + STYLESHEET);
        }
        scene.getStylesheets().add(css.toExternalForm());
    }
}
