package fr.mediance.app.core.consent;

import fr.mediance.app.core.BackgroundWork;
import fr.mediance.app.core.Outcome;
import fr.mediance.app.core.Texts;
import fr.mediance.app.core.reference.CodeItem;
import fr.mediance.app.core.reference.ReferenceService;
import fr.mediance.app.core.signature.Signature;
import fr.mediance.protocol.ConsentDto;
import fr.mediance.protocol.ListNames;
import java.text.MessageFormat;
import java.util.List;
import java.util.Objects;
import java.util.ResourceBundle;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The consent screen: acknowledge the information notice in force, or give a consent for a scope (naming the
 * partner when the scope needs one), each with an optional drawn signature.
 */
public final class ConsentViewModel {
    public static final String PAPER = "paper";
    public static final String SCREEN = "screen";

    private final ConsentService consents;
    private final ReferenceService reference;
    private final ResourceBundle texts;
    private final BackgroundWork work;
    private Consumer<ConsentDto> onRecorded = c -> {};

    private final ObservableList<CodeItem> scopes = FXCollections.observableArrayList();
    private final ObjectProperty<String> scope = new SimpleObjectProperty<>(this, "scope");
    private final StringProperty partner = new SimpleStringProperty(this, "partner", "");
    private final ObjectProperty<String> medium = new SimpleObjectProperty<>(this, "medium", SCREEN);
    private final ObjectProperty<Signature> signature = new SimpleObjectProperty<>(this, "signature");
    private final ReadOnlyBooleanWrapper partnerNeeded = new ReadOnlyBooleanWrapper(this, "partnerNeeded");
    private final ReadOnlyStringWrapper noticeVersion = new ReadOnlyStringWrapper(this, "noticeVersion", "");
    private final ReadOnlyStringWrapper scopeError = new ReadOnlyStringWrapper(this, "scopeError", "");
    private final ReadOnlyStringWrapper partnerError = new ReadOnlyStringWrapper(this, "partnerError", "");
    private final ReadOnlyStringWrapper formError = new ReadOnlyStringWrapper(this, "formError", "");
    private String residentId;

    public ConsentViewModel(
            ConsentService consents,
            ReferenceService reference,
            ResourceBundle texts,
            Executor background,
            Executor fx) {
        this.consents = Objects.requireNonNull(consents);
        this.reference = Objects.requireNonNull(reference);
        this.texts = Objects.requireNonNull(texts);
        this.work = new BackgroundWork(background, fx);
        scope.addListener((o, a, b) -> {
            scopeError.set("");
            partnerNeeded.set(b != null && ConsentService.SCOPES_WITH_PARTNER.contains(b));
        });
        partner.addListener((o, a, b) -> partnerError.set(""));
    }

    public void setOnRecorded(Consumer<ConsentDto> onRecorded) {
        this.onRecorded = Objects.requireNonNull(onRecorded);
    }

    public CompletableFuture<Void> load(String residentId) {
        this.residentId = residentId;
        record Loaded(List<CodeItem> list, String version) {}
        return work.supply(
                        "loading the consent scopes",
                        () -> new Loaded(
                                reference.codes(ListNames.CONSENT_SCOPE).stream()
                                        .filter(c -> !ConsentService.NOTICE.equals(c.code()))
                                        .toList(),
                                consents.currentNoticeVersion()
                                        .map(v -> text("consent.notice.version", v))
                                        .orElse(text("consent.notice.version.unknown"))),
                        l -> {
                            scopes.setAll(l.list());
                            noticeVersion.set(l.version());
                        },
                        e -> formError.set(text("common.load.failed")))
                .<Void>thenApply(l -> null)
                .exceptionally(e -> null);
    }

    /** Records that the notice in force was given (on paper or on screen), signed if a signature was drawn. */
    public CompletableFuture<Boolean> acknowledgeNotice() {
        Signature s = signature.get();
        String m = medium.get();
        return run(() -> consents.acknowledgeNotice(residentId, m, s));
    }

    /** Records the consent chosen. */
    public CompletableFuture<Boolean> give() {
        Signature s = signature.get();
        String m = medium.get();
        String sc = scope.get();
        String p = partner.get();
        return run(() -> consents.give(residentId, sc, p, m, s));
    }

    private CompletableFuture<Boolean> run(java.util.function.Supplier<Outcome<ConsentDto>> action) {
        formError.set("");
        return work.supply(
                        "recording a consent",
                        action,
                        o -> {
                            if (o.isOk()) {
                                partner.set("");
                                scope.set(null);
                                onRecorded.accept(o.value());
                                return;
                            }
                            scopeError.set(o.fieldErrors().getOrDefault("scope", ""));
                            partnerError.set(o.fieldErrors().getOrDefault("partner", ""));
                            if (o.fieldErrors().isEmpty()) {
                                formError.set(o.message());
                            }
                        },
                        e -> formError.set(text("consent.error.save")))
                .thenApply(Outcome::isOk)
                .exceptionally(e -> false);
    }

    private String text(String key, Object... args) {
        String pattern = texts.getString(key);
        return args.length == 0 ? pattern : new MessageFormat(pattern, Texts.locale(texts)).format(args);
    }

    public ObservableList<CodeItem> scopes() {
        return scopes;
    }

    public ObjectProperty<String> scopeProperty() {
        return scope;
    }

    public StringProperty partnerProperty() {
        return partner;
    }

    public ObjectProperty<String> mediumProperty() {
        return medium;
    }

    public ObjectProperty<Signature> signatureProperty() {
        return signature;
    }

    public ReadOnlyBooleanProperty partnerNeededProperty() {
        return partnerNeeded.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty noticeVersionProperty() {
        return noticeVersion.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty scopeErrorProperty() {
        return scopeError.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty partnerErrorProperty() {
        return partnerError.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty formErrorProperty() {
        return formError.getReadOnlyProperty();
    }
}
