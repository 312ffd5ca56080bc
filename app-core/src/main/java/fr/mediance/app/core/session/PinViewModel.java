package fr.mediance.app.core.session;

import fr.mediance.app.core.BackgroundWork;
import fr.mediance.app.core.Outcome;
import fr.mediance.app.core.Texts;
import java.text.MessageFormat;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * The 6-digit PIN: chosen then confirmed after the first sign-in ({@link Mode#CHOOSE}), or typed to unlock
 * the device offline ({@link Mode#UNLOCK}). Digits come from the on-screen keypad or the keyboard; the sixth
 * digit submits. The digits typed are never exposed, only how many there are.
 */
public final class PinViewModel {

    /** Number of digits of a PIN. */
    public static final int LENGTH = 6;

    public enum Mode {
        CHOOSE,
        UNLOCK
    }

    /** Where the choice of a PIN stands. */
    public enum Step {
        ENTER,
        CONFIRM
    }

    private final SessionService session;
    private final Clock clock;
    private final ResourceBundle texts;
    private final BackgroundWork work;
    private final Mode mode;

    private final StringBuilder digits = new StringBuilder();
    private char[] first;
    private final ReadOnlyIntegerWrapper length = new ReadOnlyIntegerWrapper(this, "length");
    private final ReadOnlyObjectWrapper<Step> step = new ReadOnlyObjectWrapper<>(this, "step", Step.ENTER);
    private final ReadOnlyStringWrapper heading = new ReadOnlyStringWrapper(this, "heading");
    private final ReadOnlyStringWrapper intro = new ReadOnlyStringWrapper(this, "intro");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");

    public PinViewModel(
            Mode mode, SessionService session, Clock clock, ResourceBundle texts, Executor background, Executor fx) {
        this.mode = Objects.requireNonNull(mode);
        this.session = Objects.requireNonNull(session);
        this.clock = Objects.requireNonNull(clock);
        this.texts = Objects.requireNonNull(texts);
        this.work = new BackgroundWork(background, fx);
        updateTexts();
    }

    public Mode mode() {
        return mode;
    }

    /** Adds a digit; the sixth one submits. Ignored while busy or when not a digit. */
    public void digit(char c) {
        if (busy.get() || c < '0' || c > '9' || digits.length() >= LENGTH) {
            return;
        }
        if (digits.length() == 0) {
            error.set(blockedMessage().orElse(""));
        }
        digits.append(c);
        length.set(digits.length());
        if (digits.length() == LENGTH) {
            submit();
        }
    }

    /** Replaces the digits typed so far (from a text field); keeps digits only, submits at six. */
    public void type(String text) {
        clearDigits();
        if (text != null) {
            for (char c : text.toCharArray()) {
                digit(c);
            }
        }
    }

    public void erase() {
        if (!busy.get() && digits.length() > 0) {
            digits.setLength(digits.length() - 1);
            length.set(digits.length());
        }
    }

    /** Validates the digits typed: goes to the confirmation, creates the store, or unlocks it. */
    public CompletableFuture<Outcome<AccountInfo>> submit() {
        if (busy.get()) {
            return CompletableFuture.completedFuture(Outcome.failed(text("pin.busy")));
        }
        if (digits.length() != LENGTH) {
            error.set(text("pin.error.format"));
            return CompletableFuture.completedFuture(Outcome.invalid(java.util.Map.of("pin", error.get())));
        }
        char[] pin = takeDigits();
        if (mode == Mode.CHOOSE && step.get() == Step.ENTER) {
            first = pin;
            step.set(Step.CONFIRM);
            error.set("");
            updateTexts();
            return CompletableFuture.completedFuture(Outcome.invalid(java.util.Map.of()));
        }
        Optional<String> blocked = mode == Mode.UNLOCK ? blockedMessage() : Optional.empty();
        if (blocked.isPresent()) {
            Arrays.fill(pin, '\0');
            error.set(blocked.get());
            return CompletableFuture.completedFuture(Outcome.failed(blocked.get()));
        }
        error.set("");
        char[] confirmation = mode == Mode.CHOOSE ? first : null;
        return SecretCall.run(
                work,
                mode == Mode.CHOOSE ? "choosing the PIN" : "unlocking with the PIN",
                pin,
                () -> mode == Mode.CHOOSE ? session.choosePin(confirmation, pin) : session.unlock(pin),
                busy,
                this::apply,
                text("pin.error.failed"));
    }

    private void apply(Outcome<AccountInfo> outcome) {
        if (outcome.isOk()) {
            forgetFirst();
            return;
        }
        if (mode == Mode.CHOOSE) {
            // start again from the first entry, with the reason
            forgetFirst();
            step.set(Step.ENTER);
            updateTexts();
            String msg = outcome.fieldErrors()
                    .getOrDefault("confirmation", outcome.fieldErrors().getOrDefault("pin", outcome.message()));
            error.set(msg == null || msg.isBlank() ? text("pin.error.mismatch") : msg);
            return;
        }
        String msg = blockedMessage().orElse(outcome.message());
        error.set(msg == null || msg.isBlank() ? text("pin.error.wrong") : msg);
    }

    /** While wrong PINs impose a wait: the French sentence saying how long. */
    private Optional<String> blockedMessage() {
        if (mode != Mode.UNLOCK) {
            return Optional.empty();
        }
        Optional<Instant> until = session.unlockBlockedUntil();
        Instant now = clock.instant();
        if (until.isEmpty() || !until.get().isAfter(now)) {
            return Optional.empty();
        }
        long seconds = Math.max(1, (Duration.between(now, until.get()).toMillis() + 999) / 1000);
        return Optional.of(text("pin.error.locked", seconds));
    }

    private char[] takeDigits() {
        char[] pin = new char[digits.length()];
        digits.getChars(0, digits.length(), pin, 0);
        clearDigits();
        return pin;
    }

    private void clearDigits() {
        for (int i = 0; i < digits.length(); i++) {
            digits.setCharAt(i, '\0');
        }
        digits.setLength(0);
        length.set(0);
    }

    private void forgetFirst() {
        if (first != null) {
            Arrays.fill(first, '\0');
            first = null;
        }
    }

    private void updateTexts() {
        if (mode == Mode.UNLOCK) {
            heading.set(text(
                            "pin.unlock.heading",
                            session.account().map(AccountInfo::name).orElse(""))
                    .trim());
            intro.set(text("pin.unlock.intro"));
        } else if (step.get() == Step.ENTER) {
            heading.set(text("pin.choose.heading"));
            intro.set(text("pin.choose.intro"));
        } else {
            heading.set(text("pin.confirm.heading"));
            intro.set(text("pin.confirm.intro"));
        }
    }

    private String text(String key, Object... args) {
        String pattern = texts.getString(key);
        return args.length == 0
                ? pattern
                : new MessageFormat(pattern, Texts.locale(texts))
                        .format(args); // keys with arguments use '' for an apostrophe
    }

    /** How many digits are typed (for the dots). */
    public ReadOnlyIntegerProperty lengthProperty() {
        return length.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Step> stepProperty() {
        return step.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty headingProperty() {
        return heading.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty introProperty() {
        return intro.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }
}
