package fr.mediance.app.core.visit;

import fr.mediance.app.core.signature.Signature;
import fr.mediance.app.core.signature.SignatureService;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;

/**
 * How the resident confirms the visit: a signature drawn on the device (kept as a signed document of the report)
 * or "Visite attestée sans signature". One of them is needed to terminate the visit.
 */
public final class SignatureViewModel implements ReportPart {

    private final VisitSession session;
    private final SignatureService signatures;
    private final Supplier<String> residentName;
    private final BooleanProperty attested = new SimpleBooleanProperty(this, "attested");
    private final ReadOnlyStringWrapper documentId = new ReadOnlyStringWrapper(this, "documentId");
    private final ErrorLines errors = new ErrorLines("signature");

    /** {@code signatures} is null where no signature pad exists yet (the visit is then attested). */
    SignatureViewModel(VisitSession session, SignatureService signatures, Supplier<String> residentName) {
        this.session = session;
        this.signatures = signatures;
        this.residentName = residentName;
        for (javafx.beans.value.ObservableValue<?> v :
                new javafx.beans.value.ObservableValue<?>[] {attested, documentId}) {
            v.addListener((o, a, b) -> {
                session.changed();
                errors.set("signature", "");
            });
        }
    }

    @Override
    public void show(VisitReport r) {
        attested.set(r.visitAttested());
        documentId.set(r.residentSignatureDocumentId());
    }

    @Override
    public VisitReport into(VisitReport draft) {
        return draft.withVisitAttested(attested.get()).withResidentSignature(documentId.get());
    }

    @Override
    public void showRequired(Map<String, String> found) {
        errors.set("signature", found.getOrDefault("signature", ""));
    }

    /** Whether the resident can sign on this device (a signature pad exists). */
    public boolean available() {
        return signatures != null;
    }

    /** Keeps the resident's drawn signature as a signed document of this report. */
    public CompletableFuture<Boolean> sign(Signature signature) {
        if (!session.editable() || signatures == null) {
            return CompletableFuture.completedFuture(false);
        }
        if (signature == null || signature.isEmpty()) {
            errors.set("signature", session.text("visit.error.signature.empty"));
            return CompletableFuture.completedFuture(false);
        }
        String residentId = session.report.residentId();
        String reportId = session.report.id();
        String title = session.text("visit.signature.title", residentName.get());
        CompletableFuture<Boolean> result = new CompletableFuture<>();
        session.work.supply(
                "keeping the resident's signature",
                () -> signatures.save(residentId, reportId, title, signature),
                id -> {
                    if (id == null) {
                        errors.set("signature", session.text("visit.error.signature.failed"));
                        result.complete(false);
                        return;
                    }
                    documentId.set(id);
                    result.complete(true);
                },
                e -> {
                    errors.set("signature", session.text("visit.error.signature.failed"));
                    result.complete(false);
                });
        return result;
    }

    /** Signs again (the earlier drawing stays kept with the report until it is replaced). */
    public void clear() {
        if (!session.frozen.get()) {
            documentId.set(null);
        }
    }

    /** "Visite attestée sans signature". */
    public BooleanProperty attestedProperty() {
        return attested;
    }

    /** The document of the resident's signature, or null. */
    public ReadOnlyStringProperty documentIdProperty() {
        return documentId.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty frozenProperty() {
        return session.frozen.getReadOnlyProperty();
    }

    /** "Faites signer la personne, ou cochez « Visite attestée sans signature »." when neither is done. */
    public ReadOnlyStringProperty errorProperty() {
        return errors.property("signature");
    }
}
