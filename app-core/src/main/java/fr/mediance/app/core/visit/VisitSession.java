package fr.mediance.app.core.visit;

import fr.mediance.app.core.BackgroundWork;
import fr.mediance.app.core.Texts;
import fr.mediance.app.core.reference.CodeItem;
import fr.mediance.app.core.reference.CodeLists;
import fr.mediance.protocol.Limits;
import fr.mediance.protocol.ListNames;
import java.text.MessageFormat;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * What the parts of one visit report share: the report being edited, whether it is terminated (frozen), the code
 * lists offered, the French texts, the background work and the way to say a short message.
 */
final class VisitSession {

    /** The code lists the report's screen offers (with the inactive codes the report still uses). */
    static final List<String> OPTION_LISTS = List.of(
            CodeLists.MEDIUM,
            CodeLists.DOMAIN,
            CodeLists.DOCUMENT_TYPE,
            ListNames.PERSON_PRESENT,
            ListNames.MOTIF,
            ListNames.ACTION_TYPE,
            ListNames.ACTION_RESULT,
            ListNames.ORIENTATION_TARGET,
            ListNames.ORIENTATION_MODE,
            ListNames.ORIENTATION_FEEDBACK,
            ListNames.SUPPLY_STATE,
            ListNames.HEATING_TYPE,
            ListNames.ECO_GESTURE,
            ListNames.EQUIPMENT_ISSUE,
            ListNames.RENOVATION_ORIENTATION);

    final VisitService visits;
    final Clock clock;
    final ZoneId zone;
    final ResourceBundle texts;
    final BackgroundWork work;
    final ReadOnlyBooleanWrapper frozen = new ReadOnlyBooleanWrapper(this, "frozen");
    private final Map<String, ObservableList<CodeItem>> options = new HashMap<>();
    /** The report as last saved (or opened); null until loaded. */
    VisitReport report;
    /** True while a report's fields are put on the screen: nothing is saved meanwhile. */
    boolean loading;
    /** True once "Terminer la visite" was tried: the required fields then say what is missing as they change. */
    boolean completionTried;

    private Consumer<String> onMessage = m -> {};
    private Runnable onChange = () -> {};

    VisitSession(VisitService visits, Clock clock, ZoneId zone, ResourceBundle texts, BackgroundWork work) {
        this.visits = Objects.requireNonNull(visits);
        this.clock = Objects.requireNonNull(clock);
        this.zone = Objects.requireNonNull(zone);
        this.texts = Objects.requireNonNull(texts);
        this.work = Objects.requireNonNull(work);
        for (String list : OPTION_LISTS) {
            options.put(list, FXCollections.observableArrayList());
        }
    }

    void setOnMessage(Consumer<String> onMessage) {
        this.onMessage = Objects.requireNonNull(onMessage);
    }

    void setOnChange(Runnable onChange) {
        this.onChange = Objects.requireNonNull(onChange);
    }

    /** A short message for the user (a toast). */
    void message(String text) {
        onMessage.accept(text);
    }

    /** A field changed: the report is checked and autosaved (unless loading or frozen). */
    void changed() {
        onChange.run();
    }

    /** Every change of these values (properties or lists) autosaves the report. */
    void autosave(javafx.beans.Observable... values) {
        for (javafx.beans.Observable o : values) {
            if (o instanceof javafx.beans.value.ObservableValue<?> v) {
                v.addListener((x, was, now) -> changed());
            } else {
                o.addListener(x -> changed());
            }
        }
    }

    /** A report is open and not terminated. */
    boolean editable() {
        return report != null && !frozen.get();
    }

    ObservableList<CodeItem> options(String list) {
        return options.get(list);
    }

    /** The day of the visit (for new actions, orientations and tasks). */
    LocalDate visitDay() {
        return visitDay(report);
    }

    LocalDate visitDay(VisitReport r) {
        return (r.startedAt() == null ? clock.instant() : r.startedAt())
                .atZone(zone)
                .toLocalDate();
    }

    String text(String key, Object... args) {
        String pattern = texts.getString(key);
        return args.length == 0
                ? pattern
                : new MessageFormat(pattern, Texts.locale(texts))
                        .format(args); // keys with arguments use '' for an apostrophe
    }

    /** The label of a code among the options shown (the code itself if unknown). */
    String codeLabel(String list, String code) {
        if (code == null) {
            return "";
        }
        return options.get(list).stream()
                .filter(c -> c.code().equals(code))
                .findFirst()
                .map(CodeItem::labelOrCode)
                .orElse(code);
    }

    /**
     * "Texte trop long : 200 caractères au plus (actuellement 201)." when it is; and the server's other refusal of a
     * text, half of a UTF-16 surrogate pair ({@link Limits#isWellFormed}), so that the tablet never saves it.
     */
    Optional<String> tooLong(String value, int max) {
        int n = value == null ? 0 : value.length();
        if (n > max) {
            return Optional.of(text("visit.error.text.too.long", max, n));
        }
        return Limits.isWellFormed(value) ? Optional.empty() : Optional.of(text("visit.error.text.malformed"));
    }

    /**
     * The message for a typed date that cannot be kept: "" when blank or a real date in the accepted years, the
     * years' message for a typo such as 2206, else {@code invalidKey}'s message.
     */
    static String dateError(ActionEditor.FormText text, String typed, String invalidKey) {
        if (FrenchInput.dateOutOfRange(typed)) {
            return text.get("visit.error.date.range", Limits.MIN_DATE_YEAR, Limits.MAX_DATE_YEAR);
        }
        return FrenchInput.invalidDate(typed) ? text.get(invalidKey) : "";
    }

    /** "Action 2 : Choisissez le domaine de l'action." for the first error of a list's items; "" if none. */
    String firstOf(Map<String, String> errors, String prefix, String key) {
        for (Map.Entry<String, String> e : errors.entrySet()) {
            if (e.getKey().startsWith(prefix)) {
                String index = e.getKey().substring(prefix.length(), e.getKey().indexOf('.', prefix.length()));
                return text(key, Integer.parseInt(index) + 1, e.getValue());
            }
        }
        return "";
    }

    static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }

    static void toggle(ObservableList<String> list, String code, boolean selected) {
        if (code == null) {
            return;
        }
        if (selected && !list.contains(code)) {
            list.add(code);
        } else if (!selected) {
            list.remove(code);
        }
    }
}
