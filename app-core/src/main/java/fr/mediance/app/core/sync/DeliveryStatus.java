package fr.mediance.app.core.sync;

/**
 * The state of one item for the user.
 *
 * @param delivery where it stands
 * @param percent  0–100: for a photo, the part of its bytes the server has (or is receiving now); for a
 *                 report, over all its photos; 100 once received
 * @param reason   French reason when {@link Delivery#NEEDS_ATTENTION}, else null
 */
public record DeliveryStatus(Delivery delivery, int percent, String reason) {
    public static final DeliveryStatus LOCAL = new DeliveryStatus(Delivery.LOCAL, 0, null);
    public static final DeliveryStatus QUEUED = new DeliveryStatus(Delivery.QUEUED, 0, null);
    public static final DeliveryStatus RECEIVED = new DeliveryStatus(Delivery.RECEIVED, 100, null);

    public boolean received() {
        return delivery == Delivery.RECEIVED;
    }

    public boolean needsAttention() {
        return delivery == Delivery.NEEDS_ATTENTION;
    }
}
