package fr.mediance.server.sync;

import fr.mediance.protocol.DocumentDto;
import fr.mediance.server.auth.AuthUser;
import fr.mediance.server.db.Tx;
import java.util.Optional;

/** Which blobs a user may download: those referenced by a document they may see. */
public final class DocumentAccess {
    private final EntityStore store = new EntityStore();
    private final Visibility visibility;

    public DocumentAccess(EntityFamilies families) {
        this.visibility = new Visibility(store, families);
    }

    /** The MIME type of the first document the user may see that references this blob, if any. */
    public Optional<String> visibleMimeType(Tx tx, AuthUser user, String sha256) {
        Visibility.View view = visibility.forUser(tx, user);
        return store.documentsWithBlob(tx, user.structureId(), sha256).stream()
                .filter(view::sees)
                .map(e -> ((DocumentDto) e.data()).mimeType())
                .findFirst();
    }

    /** The first document the user may see that references this blob, if any (whose file a download shows). */
    public Optional<DocumentDto> visibleDocument(Tx tx, AuthUser user, String sha256) {
        Visibility.View view = visibility.forUser(tx, user);
        return store.documentsWithBlob(tx, user.structureId(), sha256).stream()
                .filter(view::sees)
                .map(e -> (DocumentDto) e.data())
                .findFirst();
    }
}
