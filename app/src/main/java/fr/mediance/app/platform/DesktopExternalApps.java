package fr.mediance.app.platform;

import fr.mediance.app.core.platform.ExternalApps;
import java.util.function.Consumer;
import javafx.application.HostServices;

/**
 * On a desktop: no dialer, so "Appeler" copies the number (the screen says so); "Itinéraire" opens a maps
 * search in the system browser.
 */
public final class DesktopExternalApps implements ExternalApps {

    private final HostServices host;
    private final Consumer<String> clipboard;

    /**
     * @param host      the application's host services (null: no browser)
     * @param clipboard puts a text on the system clipboard (on the FX thread)
     */
    public DesktopExternalApps(HostServices host, Consumer<String> clipboard) {
        this.host = host;
        this.clipboard = clipboard;
    }

    /** Puts {@code text} on the system clipboard (call on the FX thread). */
    public static void copyToClipboard(String text) {
        javafx.scene.input.ClipboardContent content = new javafx.scene.input.ClipboardContent();
        content.putString(text);
        javafx.scene.input.Clipboard.getSystemClipboard().setContent(content);
    }

    @Override
    public boolean canCall() {
        return true;
    }

    @Override
    public Result call(String phone) {
        clipboard.accept(phone == null ? "" : phone.strip());
        return Result.COPIED;
    }

    @Override
    public boolean canShowMap() {
        return host != null;
    }

    @Override
    public Result showMap(String address) {
        if (host == null) {
            return Result.UNAVAILABLE;
        }
        host.showDocument(ExternalApps.mapsSearchUrl(address));
        return Result.OPENED;
    }
}
