package fr.mediance.server.upload;

import fr.mediance.server.db.Tx;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/** SQL for the {@code uploads} table: one row per tus upload, with the offset acknowledged to the client. */
final class UploadStore {
    private static final String COLUMNS =
            "id, user_id, sha256, upload_length, upload_offset, metadata, completed, " + "expires_at";

    /** An upload as stored. {@code offset} is what the client was (or may be) told is safely received. */
    record Upload(
            String id,
            String userId,
            String sha256,
            long length,
            long offset,
            String metadata,
            boolean completed,
            long expiresAt) {}

    void insert(Tx tx, Upload u, String filetype, String filename, long nowMillis) {
        tx.update(
                "INSERT INTO uploads (id, user_id, sha256, upload_length, upload_offset, metadata, filetype, "
                        + "filename, completed, created_at, updated_at, expires_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                u.id(),
                u.userId(),
                u.sha256(),
                u.length(),
                u.offset(),
                u.metadata(),
                filetype,
                filename,
                u.completed(),
                nowMillis,
                nowMillis,
                u.expiresAt());
    }

    Optional<Upload> find(Tx tx, String id) {
        return tx.queryOne("SELECT " + COLUMNS + " FROM uploads WHERE id = ?", UploadStore::map, id);
    }

    List<Upload> all(Tx tx) {
        return tx.query("SELECT " + COLUMNS + " FROM uploads ORDER BY created_at, id", UploadStore::map);
    }

    List<String> expired(Tx tx, long nowMillis) {
        return tx.query(
                "SELECT id FROM uploads WHERE expires_at <= ? ORDER BY expires_at", rs -> rs.getString(1), nowMillis);
    }

    void setOffset(Tx tx, String id, long offset, long nowMillis, long expiresAt) {
        tx.update(
                "UPDATE uploads SET upload_offset = ?, updated_at = ?, expires_at = ? WHERE id = ?",
                offset,
                nowMillis,
                expiresAt,
                id);
    }

    void complete(Tx tx, String id, long length, long nowMillis) {
        tx.update(
                "UPDATE uploads SET upload_offset = ?, completed = 1, updated_at = ? WHERE id = ?",
                length,
                nowMillis,
                id);
    }

    void delete(Tx tx, String id) {
        tx.update("DELETE FROM uploads WHERE id = ?", id);
    }

    private static Upload map(ResultSet rs) throws SQLException {
        return new Upload(
                rs.getString("id"),
                rs.getString("user_id"),
                rs.getString("sha256"),
                rs.getLong("upload_length"),
                rs.getLong("upload_offset"),
                rs.getString("metadata"),
                rs.getInt("completed") == 1,
                rs.getLong("expires_at"));
    }
}
