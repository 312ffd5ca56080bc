package fr.mediance.app.core.platform;

/**
 * The device's own apps: the phone dialer and the maps app. A platform that cannot do one of them says so
 * ({@code canCall()} false), and the screens hide the button.
 */
public interface ExternalApps {
    /** Nothing available (tests, headless). */
    ExternalApps NONE = new ExternalApps() {
        @Override
        public boolean canCall() {
            return false;
        }

        @Override
        public Result call(String phone) {
            return Result.UNAVAILABLE;
        }

        @Override
        public boolean canShowMap() {
            return false;
        }

        @Override
        public Result showMap(String address) {
            return Result.UNAVAILABLE;
        }
    };

    /** What happened, so that the screen can tell the user. */
    enum Result {
        /** The other app was opened. */
        OPENED,
        /** The number was copied to the clipboard instead (a desktop has no dialer). */
        COPIED,
        /** It could not be done here. */
        UNAVAILABLE,
        /** The platform refused or failed. */
        FAILED
    }

    boolean canCall();

    /** Starts a call to {@code phone} (the dialer opens with the number; the user confirms). */
    Result call(String phone);

    boolean canShowMap();

    /** Shows {@code address} in the maps app (or a maps web page), for the route. */
    Result showMap(String address);

    /** {@code tel:} URI of a French phone number as typed ("06 12 34 56 78" → "tel:0612345678"). */
    static String telUri(String phone) {
        StringBuilder b = new StringBuilder("tel:");
        String p = phone == null ? "" : phone.strip();
        for (int i = 0; i < p.length(); i++) {
            char c = p.charAt(i);
            if (Character.isDigit(c) || (c == '+' && b.length() == 4)) {
                b.append(c);
            }
        }
        return b.toString();
    }

    /** A maps search URL for an address (works in any browser). */
    static String mapsSearchUrl(String address) {
        return "https://www.openstreetmap.org/search?query="
                + java.net.URLEncoder.encode(
                        address == null ? "" : address.strip(), java.nio.charset.StandardCharsets.UTF_8);
    }

    /** {@code geo:} URI of an address (Android maps apps). */
    static String geoUri(String address) {
        return "geo:0,0?q="
                + java.net.URLEncoder.encode(
                                address == null ? "" : address.strip(), java.nio.charset.StandardCharsets.UTF_8)
                        .replace("+", "%20");
    }

    /** Apple Plans URL of an address (iOS). */
    static String appleMapsUrl(String address) {
        return "https://maps.apple.com/?q="
                + java.net.URLEncoder.encode(
                        address == null ? "" : address.strip(), java.nio.charset.StandardCharsets.UTF_8);
    }
}
