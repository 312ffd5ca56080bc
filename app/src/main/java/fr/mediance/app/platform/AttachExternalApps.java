package fr.mediance.app.platform;

import com.gluonhq.attach.browser.BrowserService;
import com.gluonhq.attach.util.Platform;
import fr.mediance.app.core.platform.ExternalApps;
import java.lang.System.Logger.Level;
import java.util.Optional;

/**
 * The dialer and the maps app on Android and iOS, through Attach Browser (which hands a {@code tel:},
 * {@code geo:} or maps URL to the system): Android opens {@code geo:} in the maps app of the user's choice,
 * iOS opens Plans. Attach has no dialer service: the system opens the dialer for {@code tel:} (the user
 * confirms the call).
 */
public final class AttachExternalApps implements ExternalApps {
    private static final System.Logger LOG = System.getLogger(AttachExternalApps.class.getName());

    private final BrowserService browser;

    private AttachExternalApps(BrowserService browser) {
        this.browser = browser;
    }

    /** On a device; empty on a desktop (see {@link DesktopExternalApps}). */
    public static Optional<ExternalApps> create() {
        if (Platform.isDesktop()) {
            return Optional.empty();
        }
        return BrowserService.create().map(AttachExternalApps::new);
    }

    @Override
    public boolean canCall() {
        return true;
    }

    @Override
    public Result call(String phone) {
        return open(ExternalApps.telUri(phone));
    }

    @Override
    public boolean canShowMap() {
        return true;
    }

    @Override
    public Result showMap(String address) {
        return open(Platform.isIOS() ? ExternalApps.appleMapsUrl(address) : ExternalApps.geoUri(address));
    }

    private Result open(String uri) {
        try {
            browser.launchExternalBrowser(uri);
            return Result.OPENED;
        } catch (Exception e) {
            LOG.log(Level.WARNING, "external app not opened: {0}", e.getClass().getSimpleName());
            return Result.FAILED;
        }
    }
}
