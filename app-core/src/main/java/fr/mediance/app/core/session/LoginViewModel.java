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
        char[] secret = pass.toCharArray();
        return SecretCall.run(
                work,
                "signing in",
                secret,
                () -> session.login(server, user, secret),
                busy,
                this::apply,
                text("login.error.failed"));
    }

    private void apply(Outcome<AccountInfo> outcome) {
        if (outcome instanceof Outcome.Ok<AccountInfo>) {
            password.set("");
            return;
        }
        Map<String, String> fields = outcome.fieldErrors();
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
