package fr.mediance.server.audit;

import fr.mediance.protocol.Audit;
import fr.mediance.protocol.DocumentDto;
import fr.mediance.protocol.EntityType;
import fr.mediance.server.auth.AuthUser;
import fr.mediance.server.blob.BlobController;
import fr.mediance.server.db.Database;
import fr.mediance.server.sync.DocumentAccess;
import java.util.Optional;

/** A file or thumbnail served: a read of the document (and resident) the caller reached it through. */
public final class BlobReads implements BlobController.BlobReadAudit {
    private final Database db;
    private final DocumentAccess access;
    private final Auditor auditor;

    public BlobReads(Database db, DocumentAccess access, Auditor auditor) {
        this.db = db;
        this.access = access;
        this.auditor = auditor;
    }

    @Override
    public void served(AuthUser user, String sha256, boolean thumbnail) {
        Optional<DocumentDto> document = db.read(tx -> access.visibleDocument(tx, user, sha256));
        auditor.record(
                user,
                Audit.READ,
                EntityType.DOCUMENT.code(),
                document.map(DocumentDto::id).orElse(sha256),
                document.map(DocumentDto::residentId).orElse(null),
                thumbnail ? "aperçu du fichier" : "fichier téléchargé");
    }
}
