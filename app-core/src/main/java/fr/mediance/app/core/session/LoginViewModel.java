package fr.mediance.app.core.session;

import fr.mediance.app.core.BackgroundWork;
import fr.mediance.app.core.Outcome;
import fr.mediance.app.core.Texts;
import fr.mediance.app.core.remote.RemoteClient;
import fr.mediance.app.core.remote.ServerTrust;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.ResourceBundle;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * "Connexion": server address, identifiant, mot de passe. Signs in online on the background executor; on
 * success the session moves to "choose a PIN" (the app follows {@link SessionService#stateProperty()}).
 */
public final class LoginViewModel {

    private final SessionService session;
    private final ResourceBundle texts;
    private final BackgroundWork work;

    private final StringProperty serverUrl = new SimpleStringProperty(this, "serverUrl", "");
    private final StringProperty username = new SimpleStringProperty(this, "username", "");
    private final StringProperty password = new SimpleStringProperty(this, "password", "");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private final ReadOnlyStringWrapper serverUrlError = new ReadOnlyStringWrapper(this, "serverUrlError", "");
    private final ReadOnlyStringWrapper usernameError = new ReadOnlyStringWrapper(this, "usernameError", "");
    private final ReadOnlyStringWrapper passwordError = new ReadOnlyStringWrapper(this, "passwordError", "");
    private final ReadOnlyStringWrapper plainHttpWarning = new ReadOnlyStringWrapper(this, "plainHttpWarning", "");
    private final BooleanProperty plainHttpAccepted = new SimpleBooleanProperty(this, "plainHttpAccepted", false);
    /** The second factor's code, asked for once the server wants it (office and admin accounts). */
    private final StringProperty totpCode = new SimpleStringProperty(this, "totpCode", "");

    private final ReadOnlyBooleanWrapper totpNeeded = new ReadOnlyBooleanWrapper(this, "totpNeeded");
    private final ReadOnlyStringWrapper totpError = new ReadOnlyStringWrapper(this, "totpError", "");
    /** While enrolling: the new secret in groups of four (shown once) and its otpauth URI (for a QR code). */
    private final ReadOnlyStringWrapper enrolmentSecret = new ReadOnlyStringWrapper(this, "enrolmentSecret", "");

    private final ReadOnlyStringWrapper enrolmentUri = new ReadOnlyStringWrapper(this, "enrolmentUri", "");
    /** A new password, asked for once the server says the current one is temporary. */
    private final StringProperty newPassword = new SimpleStringProperty(this, "newPassword", "");

    private final StringProperty newPasswordConfirmation =
            new SimpleStringProperty(this, "newPasswordConfirmation", "");
    private final ReadOnlyBooleanWrapper newPasswordNeeded = new ReadOnlyBooleanWrapper(this, "newPasswordNeeded");
    private final ReadOnlyStringWrapper newPasswordError = new ReadOnlyStringWrapper(this, "newPasswordError", "");

    public LoginViewModel(
            SessionService session, ResourceBundle texts, Executor background, Executor fx, String defaultServerUrl) {
        this.session = Objects.requireNonNull(session);
        this.texts = Objects.requireNonNull(texts);
        this.work = new BackgroundWork(background, fx);
        serverUrl.set(
                session.account().map(AccountInfo::serverUrl).orElse(defaultServerUrl == null ? "" : defaultServerUrl));
        session.account().ifPresent(a -> username.set(a.username()));
        serverUrl.addListener((o, a, b) -> {
            serverUrlError.set("");
            updatePlainHttpWarning();
        });
        updatePlainHttpWarning();
        username.addListener((o, a, b) -> usernameError.set(""));
        password.addListener((o, a, b) -> passwordError.set(""));
        totpCode.addListener((o, a, b) -> totpError.set(""));
        newPassword.addListener((o, a, b) -> newPasswordError.set(""));
        session.notice().ifPresent(error::set);
    }

    /** Checks the fields, then signs in (background). Completes on the FX executor with the outcome. */
    public CompletableFuture<Outcome<AccountInfo>> login() {
        if (busy.get()) {
            return CompletableFuture.completedFuture(Outcome.failed(text("login.busy")));
        }
        error.set("");
        String server = trim(serverUrl.get());
        String user = trim(username.get());
        String pass = password.get() == null ? "" : password.get();
        serverUrlError.set(
                server.isEmpty()
                        ? text("login.error.server.required")
                        : looksLikeUrl(server) ? "" : text("login.error.server.invalid"));
        usernameError.set(user.isEmpty() ? text("login.error.username.required") : "");
        passwordError.set(pass.isEmpty() ? text("login.error.password.required") : "");
        if (serverUrlError.get().isEmpty() && !plainHttpWarning.get().isEmpty() && !plainHttpAccepted.get()) {
            serverUrlError.set(text("login.plainHttp.required"));
        }
        if (!serverUrlError.get().isEmpty()
                || !usernameError.get().isEmpty()
                || !passwordError.get().isEmpty()) {
            Map<String, String> fields = new java.util.LinkedHashMap<>();
            putIfSet(fields, "serverUrl", serverUrlError.get());
            putIfSet(fields, "username", usernameError.get());
            putIfSet(fields, "password", passwordError.get());
            return CompletableFuture.completedFuture(Outcome.invalid(fields));
        }
        char[] fresh = null;
        if (newPasswordNeeded.get()) {
            String chosen = newPassword.get() == null ? "" : newPassword.get();
            String problem = fr.mediance.protocol.Passwords.problem(chosen, user);
            if (problem == null && !chosen.equals(newPasswordConfirmation.get())) {
                problem = text("login.error.newPassword.mismatch");
            }
            if (problem != null) {
                newPasswordError.set(problem);
                return CompletableFuture.completedFuture(Outcome.invalid(Map.of("newPassword", problem)));
            }
            fresh = chosen.toCharArray();
        }
        String code = totpNeeded.get() ? trim(totpCode.get()) : null;
        if (totpNeeded.get() && fr.mediance.protocol.Accounts.normaliseTotp(code) == null) {
            totpError.set(text("login.error.totp.format"));
            return CompletableFuture.completedFuture(Outcome.invalid(Map.of("totpCode", totpError.get())));
        }
        char[] secret = pass.toCharArray();
        char[] chosen = fresh;
        return SecretCall.run(
                work,
                "signing in",
                secret,
                () -> {
                    try {
                        return session.login(server, user, secret, code, chosen);
                    } finally {
                        if (chosen != null) {
                            java.util.Arrays.fill(chosen, '\0');
                        }
                    }
                },
                busy,
                this::apply,
                text("login.error.failed"));
    }

    private void apply(Outcome<AccountInfo> outcome) {
        if (outcome instanceof Outcome.Ok<AccountInfo>) {
            password.set("");
            totpCode.set("");
            newPassword.set("");
            newPasswordConfirmation.set("");
            enrolmentSecret.set("");
            enrolmentUri.set("");
            return;
        }
        Map<String, String> fields = outcome.fieldErrors();
        if (fields.containsKey("newPassword")) {
            boolean first = !newPasswordNeeded.get();
            newPasswordNeeded.set(true);
            newPasswordError.set(first ? "" : fields.get("newPassword"));
            if (first) {
                error.set(text("login.info.newPassword"));
            }
            return;
        }
        if (fields.containsKey("totpEnrolment")) {
            enrol();
            return;
        }
        if (fields.containsKey("totpCode")) {
            boolean first = !totpNeeded.get();
            totpNeeded.set(true);
            totpError.set(first ? "" : fields.get("totpCode"));
            if (first) {
                error.set(fields.get("totpCode"));
            }
            return;
        }
        serverUrlError.set(fields.getOrDefault("serverUrl", ""));
        usernameError.set(fields.getOrDefault("username", ""));
        passwordError.set(fields.getOrDefault("password", ""));
        if (outcome instanceof Outcome.Failed<AccountInfo> f) {
            error.set(f.message() == null || f.message().isBlank() ? text("login.error.failed") : f.message());
        }
    }

    /**
     * Plain HTTP to another machine than this one would send the password and the residents' data in clear: a
     * warning, and the login waits for an explicit confirmation ({@link #plainHttpAcceptedProperty()}), which
     * goes back to unticked whenever the address changes.
     */
    private void updatePlainHttpWarning() {
        String s = trim(serverUrl.get());
        boolean plain = s.toLowerCase(Locale.ROOT).startsWith("http://")
                && ServerTrust.isPlainHttpToAnotherMachine(
                        RemoteClient.normaliseServerUrl(s).orElse(null));
        plainHttpWarning.set(plain ? text("login.plainHttp") : "");
        plainHttpAccepted.set(false);
    }

    /** A French warning when the address is plain HTTP to another machine, empty otherwise. */
    public ReadOnlyStringProperty plainHttpWarningProperty() {
        return plainHttpWarning.getReadOnlyProperty();
    }

    /** The user's explicit choice to sign in over plain HTTP despite the warning. */
    public BooleanProperty plainHttpAcceptedProperty() {
        return plainHttpAccepted;
    }

    /** Asks the server for a new second-factor secret and shows it (once), then waits for the first code. */
    private void enrol() {
        String server = trim(serverUrl.get());
        String user = trim(username.get());
        char[] secret = (password.get() == null ? "" : password.get()).toCharArray();
        busy.set(true);
        work.supply(
                "enrolling the second factor",
                () -> {
                    try {
                        return session.enrolTotp(server, user, secret);
                    } finally {
                        java.util.Arrays.fill(secret, '\0');
                    }
                },
                outcome -> {
                    busy.set(false);
                    if (outcome instanceof Outcome.Ok<fr.mediance.protocol.TotpEnrolmentDto> ok) {
                        enrolmentSecret.set(
                                fr.mediance.protocol.Totp.grouped(ok.value().secret()));
                        enrolmentUri.set(ok.value().otpauthUri());
                        totpNeeded.set(true);
                        error.set(text("login.info.totpEnrol"));
                    } else if (outcome instanceof Outcome.Failed<?> f) {
                        error.set(f.message());
                    }
                },
                e -> {
                    busy.set(false);
                    error.set(text("login.error.failed"));
                });
    }

    public StringProperty totpCodeProperty() {
        return totpCode;
    }

    public ReadOnlyBooleanProperty totpNeededProperty() {
        return totpNeeded.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty totpErrorProperty() {
        return totpError.getReadOnlyProperty();
    }

    /** The secret to add to an authenticator app, in groups of four; empty unless enrolling. */
    public ReadOnlyStringProperty enrolmentSecretProperty() {
        return enrolmentSecret.getReadOnlyProperty();
    }

    /** The {@code otpauth://} URI of the secret being enrolled (for a QR code); empty unless enrolling. */
    public ReadOnlyStringProperty enrolmentUriProperty() {
        return enrolmentUri.getReadOnlyProperty();
    }

    public StringProperty newPasswordProperty() {
        return newPassword;
    }

    public StringProperty newPasswordConfirmationProperty() {
        return newPasswordConfirmation;
    }

    public ReadOnlyBooleanProperty newPasswordNeededProperty() {
        return newPasswordNeeded.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty newPasswordErrorProperty() {
        return newPasswordError.getReadOnlyProperty();
    }

    private static void putIfSet(Map<String, String> map, String key, String value) {
        if (!value.isEmpty()) {
            map.put(key, value);
        }
    }

    private static boolean looksLikeUrl(String s) {
        String lower = s.toLowerCase(Locale.ROOT);
        if (lower.contains("://")) {
            return (lower.startsWith("http://") || lower.startsWith("https://"))
                    && lower.length() > lower.indexOf("://") + 3;
        }
        return !s.contains(" ");
    }

    private static String trim(String s) {
        return s == null ? "" : s.trim();
    }

    private String text(String key, Object... args) {
        String pattern = texts.getString(key);
        return args.length == 0
                ? pattern
                : new MessageFormat(pattern, Texts.locale(texts))
                        .format(args); // keys with arguments use '' for an apostrophe
    }

    public StringProperty serverUrlProperty() {
        return serverUrl;
    }

    public StringProperty usernameProperty() {
        return username;
    }

    public StringProperty passwordProperty() {
        return password;
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** A French sentence for a failure that is not tied to one field, empty otherwise. */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty serverUrlErrorProperty() {
        return serverUrlError.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty usernameErrorProperty() {
        return usernameError.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty passwordErrorProperty() {
        return passwordError.getReadOnlyProperty();
    }
}
