package fr.mediance.protocol;

/** Sizes both sides agree on. The server enforces them; the client stays below them. */
public final class Limits {
    /** Largest JSON body the server reads (login, push). Larger bodies are refused with 413. */
    public static final int MAX_JSON_BODY_BYTES = 1_000_000;
    /** Largest blob (a document photo or a PDF). */
    public static final long MAX_BLOB_BYTES = 20L * 1024 * 1024;
    /**
     * Default chunk of a resumable upload: what a weak link (250 kbit/s) sends in about 8 s, so that a cut
     * costs little, while a downscaled document photo (≈ 250–400 KB) needs one or two requests.
     */
    public static final int DEFAULT_CHUNK_BYTES = 256 * 1024;
    /**
     * Largest chunk of a resumable upload the server accepts (a PATCH, or the data of a creation): a client on a
     * fast link grows its chunks up to it, so that a downscaled photo is one request.
     */
    public static final int MAX_CHUNK_BYTES = 4 * 1024 * 1024;
    /** Most blobs asked about in one {@link ApiPaths#BLOBS_HELD} request. */
    public static final int MAX_BLOBS_HELD_QUERY = 500;
    /** Long edge of a document photo after downscaling on the device, and its JPEG quality (0–100). */
    public static final int PHOTO_MAX_EDGE = 2000;

    public static final int PHOTO_JPEG_QUALITY = 80;
    /** Long edge of the server's thumbnails. */
    public static final int THUMBNAIL_EDGE = 320;
    /** Most operations in one push. */
    public static final int MAX_PUSH_OPERATIONS = 200;
    /** Default and largest page of the change feed. */
    public static final int DEFAULT_CHANGES_PAGE = 200;

    public static final int MAX_CHANGES_PAGE = 1000;
    /** Short text (a name, a city) and long text (a synthesis). */
    public static final int MAX_SHORT_TEXT = 200;

    public static final int MAX_LONG_TEXT = 20_000;
    /** Most domains on one report. */
    public static final int MAX_LIST_ITEMS = 50;

    /** Largest amount of money anywhere in a record (a bill, a debt, an action), in euro cents: 1 000 000,00 €. */
    public static final long MAX_AMOUNT_CENTS = 100_000_000L;
    /** A date in a record must fall within these years (a typo such as 2206 is refused, not stored). */
    public static final int MIN_DATE_YEAR = 2000;

    public static final int MAX_DATE_YEAR = 2100;
    /** Earliest birth year of a resident or a household member. */
    public static final int MIN_BIRTH_YEAR = 1900;
    /** A visit, desk or phone contact lasts from 1 minute to a day. */
    public static final int MIN_CONTACT_MINUTES = 1;

    public static final int MAX_CONTACT_MINUTES = 24 * 60;
    /** An appointment lasts from a quarter of an hour to a working day. */
    public static final int MIN_APPOINTMENT_MINUTES = 15;

    public static final int MAX_APPOINTMENT_MINUTES = 8 * 60;
    /** Subscribed power of an electricity meter, in kVA (a household meter goes up to 36 kVA). */
    public static final int MIN_KVA = 1;

    public static final int MAX_KVA = 36;
    /** Largest accuracy a GPS check-in may claim, in metres. */
    public static final int MAX_ACCURACY_METERS = 100_000;
    /**
     * Every identifier a client sends (a record's id, an operation's {@code opId}, a {@code deviceId}, an upload's
     * id): 1 to this many characters, none of them a control character or half of a UTF-16 surrogate pair (see
     * {@link #isValidId}). The server refuses a longer one before storing anything of it.
     */
    public static final int MAX_ID = 64;
    /**
     * Most characters of the reason kept with a refused operation (its French message): what is stored of a
     * rejection is bounded, whatever was pushed.
     */
    public static final int MAX_REJECTION_MESSAGE = 500;
    /**
     * A request's body must arrive at least this fast once its grace period is over: a slow link (a weak 3G,
     * about 50 kB/s) is 12 times faster, a body trickled a byte at a time is cut off with a 408.
     */
    public static final int MIN_BODY_BYTES_PER_SECOND = 4 * 1024;
    /** The time any request body has before {@link #MIN_BODY_BYTES_PER_SECOND} is applied to it. */
    public static final int BODY_GRACE_SECONDS = 10;
    /** However fast it comes, a JSON body (login, push) must have arrived whole within this time. */
    public static final int JSON_BODY_DEADLINE_SECONDS = 60;
    /** A code of a reference list: lower-case letters, digits, '_' and '-', starting with a letter or digit. */
    public static final int MAX_CODE = 31;

    public static final String CODE_PATTERN = "[a-z0-9][a-z0-9_-]*";
    /** A text value of a reference list entry (a setting, a notice version). */
    public static final int MAX_CODE_VALUE = 64;
    /** A number of days in a reference list (a task rule's delay): up to ten years. */
    public static final int MAX_RULE_DAYS = 3650;

    private Limits() {}

    /**
     * Whether {@code id} is an identifier both sides accept: 1 to {@link #MAX_ID} characters, not blank, no control
     * character, no lone surrogate. The app checks it before queueing an operation; the server before storing.
     */
    public static boolean isValidId(String id) {
        return id != null
                && !id.isEmpty()
                && id.length() <= MAX_ID
                && !id.isBlank()
                && id.chars().noneMatch(Character::isISOControl)
                && isWellFormed(id);
    }

    /**
     * Whether a text is well-formed Unicode: every UTF-16 surrogate is half of a pair. A lone surrogate cannot be
     * stored as UTF-8 (it would become « ? », and the stored record would no longer match the device's); both sides
     * refuse it as invalid input.
     */
    public static boolean isWellFormed(String text) {
        if (text == null) {
            return true;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1))) {
                    return false;
                }
                i++;
            } else if (Character.isLowSurrogate(c)) {
                return false;
            }
        }
        return true;
    }
}
