package fr.mediance.server.document;

import static fr.mediance.server.sync.FieldChecks.amount;
import static fr.mediance.server.sync.FieldChecks.code;
import static fr.mediance.server.sync.FieldChecks.codes;
import static fr.mediance.server.sync.FieldChecks.date;
import static fr.mediance.server.sync.FieldChecks.id;
import static fr.mediance.server.sync.FieldChecks.text;

import fr.mediance.protocol.DocumentDto;
import fr.mediance.protocol.EntityType;
import fr.mediance.protocol.Limits;
import fr.mediance.protocol.ListNames;
import fr.mediance.protocol.OperationResultDto;
import fr.mediance.protocol.Role;
import fr.mediance.protocol.VisitReportDto;
import fr.mediance.server.code.CodeLists;
import fr.mediance.server.db.Tx;
import fr.mediance.server.resident.ResidentFiles;
import fr.mediance.server.sync.BlobRegistry;
import fr.mediance.server.sync.Operation;
import fr.mediance.server.sync.RecordRules;
import fr.mediance.server.sync.RejectedOp;
import fr.mediance.server.sync.StoredEntity;
import fr.mediance.server.sync.Viewer;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Documents (a photo, a scan, a signature): written once by a counsellor, the coordination or the admin, then
 * immutable; never deleted by a device (the retention purge tombstones them, {@link DocumentRetention}). When its
 * blob is already here, its status goes to those who see the document. Seen by the structure's staff, the account
 * that captured it, and the counsellors who follow its resident.
 */
public final class DocumentRules extends RecordRules<DocumentDto> {
    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");
    private static final Pattern MIME = Pattern.compile("[a-z0-9][a-z0-9.+-]*/[a-z0-9][a-z0-9.+-]*");
    private static final int MAX_MIME = 100;
    private static final List<String> ORIGINS = List.of("photo_in_app", "scan", "partner", "generated");

    private final BlobRegistry blobs;

    public DocumentRules(BlobRegistry blobs) {
        super(EntityType.DOCUMENT, DocumentDto.class);
        this.blobs = blobs;
    }

    @Override
    public void validate(Tx tx, DocumentDto d, LocalDate today) {
        id("id", d.id(), true);
        id("visitReportId", d.visitReportId(), false);
        id("residentId", d.residentId(), true);
        code(tx, "type", CodeLists.DOCUMENT_TYPE, d.type(), true);
        if (!SHA256.matcher(d.sha256()).matches()) {
            throw RejectedOp.invalid(
                    "sha256", "Le champ « sha256 » doit contenir 64 caractères hexadécimaux en minuscules.");
        }
        if (d.mimeType().length() > MAX_MIME || !MIME.matcher(d.mimeType()).matches()) {
            throw RejectedOp.invalid("mimeType", "Le type « mimeType » doit être de la forme image/jpeg.");
        }
        if (d.sizeBytes() <= 0 || d.sizeBytes() > Limits.MAX_BLOB_BYTES) {
            throw RejectedOp.invalid(
                    "sizeBytes",
                    "La taille « sizeBytes » doit être comprise entre 1 et " + Limits.MAX_BLOB_BYTES + " octets.");
        }
        date("retentionUntil", d.retentionUntil(), false);
        text("title", d.title(), Limits.MAX_SHORT_TEXT, false);
        text("issuer", d.issuer(), Limits.MAX_SHORT_TEXT, false);
        amount("amountCents", d.amountCents());
        date("dueDate", d.dueDate(), false);
        codes(tx, "purpose", ListNames.DOCUMENT_PURPOSE, d.purpose());
        if (d.origin() != null && !ORIGINS.contains(d.origin())) {
            throw RejectedOp.invalid(
                    "origin", "L'origine « origin » doit être l'une de : " + String.join(", ", ORIGINS) + ".");
        }
    }

    @Override
    public OperationResultDto apply(Operation c, DocumentDto pushed) {
        DocumentDto d = c.inCallersStructure(pushed);
        validate(c.tx(), d, c.today());
        c.requireAuthorRole();
        Optional<StoredEntity> existing = c.existing(EntityType.DOCUMENT, d.id());
        if (existing.isPresent()) {
            return c.sameOrImmutable(
                    existing.get(),
                    d,
                    RejectedOp.DOCUMENT_IMMUTABLE,
                    "Ce document est déjà envoyé et ne peut plus changer : enregistrez-le comme un nouveau document.");
        }
        ResidentFiles.requireVisible(c, d.residentId());
        if (d.visitReportId() != null) {
            VisitReportDto v = (VisitReportDto) c.inStructure(
                            EntityType.VISIT_REPORT, d.visitReportId(), "Compte rendu « visitReportId » introuvable.")
                    .data();
            if (!v.residentId().equals(d.residentId())
                    || (c.user().is(Role.COUNSELLOR)
                            && !v.counsellorId().equals(c.user().id()))) {
                throw RejectedOp.notFound("Compte rendu « visitReportId » introuvable pour cette personne.");
            }
        }
        long version = c.save(d);
        blobs.documentStored(c.tx(), d.sha256(), c.structure(), c.user().id(), c.now(), c.op().opId());
        return c.applied(version);
    }

    @Override
    public void checkDelete(Operation c, StoredEntity existing) {
        throw RejectedOp.forbidden("Un compte rendu ou un document envoyé ne peut pas être supprimé.");
    }

    @Override
    public boolean sees(Viewer viewer, StoredEntity stored, DocumentDto document) {
        return viewer.seesWholeStructure()
                || viewer.id().equals(stored.createdBy())
                || viewer.follows(document.residentId());
    }
}
