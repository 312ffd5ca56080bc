package fr.mediance.app.theme;

import java.net.URL;

import atlantafx.base.theme.PrimerLight;
import javafx.application.Application;
import javafx.scene.Scene;

/** AtlantaFX Primer Light as the user-agent stylesheet, plus the app's own stylesheet on each scene. */
public final class Theme {

    public static final String STYLESHEET = "/fr/mediance/app/theme/app.css";

    private Theme() {
    }

    public static void applyUserAgent() {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
    }

    public static void style(Scene scene) {
        URL css = Theme.class.getResource(STYLESHEET);
        if (css == null) {
            throw new IllegalStateException("missing stylesheet " + STYLESHEET);
        }
        scene.getStylesheets().add(css.toExternalForm());
    }
}
