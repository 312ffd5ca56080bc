package fr.mediance.app.theme;

/** Every style class of the app, in one place. Colours live in {@code app.css} as looked-up variables. */
public final class Styles {
    // shell
    public static final String ROOT = "mediance";
    public static final String PHONE = "phone";
    public static final String TABLET = "tablet";
    public static final String DESKTOP = "desktop";
    public static final String APP_BAR = "app-bar";
    public static final String APP_BAR_TITLE = "app-bar-title";
    public static final String APP_BAR_BUTTON = "app-bar-button";
    public static final String SYNC_INDICATOR = "sync-indicator";
    public static final String OFFLINE_BADGE = "offline-badge";
    public static final String ATTENTION_BADGE = "attention-badge";
    public static final String BOTTOM_NAV = "bottom-nav";
    /** A bottom bar of five destinations or more. */
    public static final String BOTTOM_NAV_CROWDED = "bottom-nav-crowded";

    public static final String NAV_RAIL = "nav-rail";
    public static final String NAV_ITEM = "nav-item";
    public static final String SNACKBAR = "snackbar";
    public static final String SNACKBAR_ERROR = "snackbar-error";
    public static final String CONTENT = "content";
    public static final String PAGE = "page";
    /** A page that uses a desktop's width (the week's rounds side by side). */
    public static final String PAGE_WIDE = "page-wide";

    // content
    public static final String CARD = "card";
    public static final String CARD_TITLE = "card-title";
    public static final String SECTION_TITLE = "section-title";
    public static final String SCREEN_TITLE = "screen-title";
    public static final String MUTED = "muted";
    public static final String SMALL = "small";
    public static final String FIELD = "field";
    public static final String FIELD_LABEL = "field-label";
    public static final String FIELD_ERROR = "field-error";
    public static final String FIELD_INVALID = "field-invalid";
    public static final String FORM_ERROR = "form-error";
    public static final String HINT = "hint";
    public static final String REMINDER = "reminder";
    public static final String PRIMARY = "primary-action";
    public static final String SECONDARY = "secondary-action";
    public static final String DANGER = "danger-action";
    public static final String EMPTY_STATE = "empty-state";
    public static final String EMPTY_TITLE = "empty-title";
    public static final String LIST_ITEM = "list-item";
    public static final String ITEM_TIME = "item-time";
    public static final String ITEM_TITLE = "item-title";
    public static final String CHIP = "chip";
    public static final String CHIP_SELECTED = "chip-selected";
    public static final String STATUS = "status-label";
    public static final String STATUS_DONE = "status-done";
    public static final String STATUS_CANCELLED = "status-cancelled";
    public static final String STATUS_PLANNED = "status-planned";
    public static final String SYNC_ITEM = "sync-item";
    public static final String TRANSFER_PROGRESS = "transfer-progress";
    public static final String PHOTO_STATE = "photo-state";
    public static final String PHOTO_WAITING = "photo-waiting";
    public static final String NAV_BADGE = "nav-badge";
    public static final String CONFLICT_CARD = "conflict-card";
    public static final String CONFLICT_CHOICE = "conflict-choice";
    public static final String THUMBNAIL = "thumbnail";
    public static final String THUMBNAIL_BOX = "thumbnail-box";
    public static final String FROZEN_BANNER = "frozen-banner";
    public static final String DELIVERY_LINE = "delivery-line";
    public static final String STATUS_WAITING = "status-waiting";
    public static final String PIN_DOTS = "pin-dots";
    public static final String PIN_KEY = "pin-key";
    public static final String PIN_LOCK = "pin-lock";
    public static final String TABS = "segmented";
    public static final String TAB = "segment";
    public static final String BRAND = "brand";

    private Styles() {}
}
