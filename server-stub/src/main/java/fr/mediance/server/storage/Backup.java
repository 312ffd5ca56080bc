package fr.mediance.server.storage;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Online backup of a data folder, while the server runs, and its restore.
 *
 * <p>A backup folder {@code TO} holds any number of backups, {@code TO/mediance-<UTC time>/} (the database and a
 * {@code manifest.json} with every file's SHA-256), and one content-addressed blob store shared by all of them,
 * {@code TO/blobs/ab/cd/<sha256>}: a blob already saved by an earlier backup is not copied again. The database is
 * copied first, with SQLite's {@code VACUUM INTO} (a consistent snapshot of what was committed when it began,
 * taken without stopping writers), then the blobs: a blob is always stored before the document that names it is
 * acknowledged, so every blob the snapshot's documents name is on disk by then. A backup is written in a folder
 * ending in {@code .partiel}, every file flushed, and renamed to its final name only when complete: a backup that
 * was cut is never taken for a good one. Everything is owner-only. Thumbnails and uploads in progress are not
 * saved: thumbnails are made again on demand, and the tablets resume their uploads from 0.
 *
 * <p>With PostgreSQL the database is saved by {@code pg_dump} (see the README) and this backup saves the blobs.
 */
public final class Backup {
    public static final String MANIFEST = "manifest.json";
    public static final String DATABASE = "mediance.db";
    /** The audit log's own database (SQLite), kept apart from the data and saved beside it. */
    public static final String AUDIT_DATABASE = "audit.db";

    private static final String PARTIAL = ".partiel";
    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");
    private static final DateTimeFormatter NAME =
            DateTimeFormatter.ofPattern("'mediance-'yyyyMMdd'T'HHmmssSSS'Z'").withZone(ZoneOffset.UTC);

    private Backup() {}

    /** What a backup saved. */
    public record Result(Path folder, long databaseBytes, int blobs, int blobsCopied) {}

    /** What a restore put back. */
    public record Restored(long databaseBytes, int blobs) {}

    /** A backup or restore that cannot be done; the message is French. */
    public static final class BackupException extends RuntimeException {
        public BackupException(String message) {
            super(message);
        }

        BackupException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /**
     * Backs {@code dataDir} up into {@code to}. {@code withDatabase}: false when the database is PostgreSQL (saved
     * by {@code pg_dump}), then only the blobs are saved.
     */
    public static Result backup(Path dataDir, Path to, boolean withDatabase, Clock clock) {
        Path data = dataDir.toAbsolutePath();
        Path root = to.toAbsolutePath();
        Path db = data.resolve(DATABASE);
        if (withDatabase && !Files.isRegularFile(db)) {
            throw new BackupException("aucune base " + DATABASE + " dans " + data + " : rien à sauvegarder.");
        }
        PrivateFiles.createDirectories(root);
        String name = NAME.format(clock.instant());
        Path partial = root.resolve(name + PARTIAL);
        Path done = root.resolve(name);
        if (Files.exists(partial) || Files.exists(done)) {
            throw new BackupException("une sauvegarde " + name + " existe déjà dans " + root + ".");
        }
        PrivateFiles.createDirectories(partial);
        JsonObject manifest = new JsonObject();
        manifest.addProperty("format", 1);
        manifest.addProperty("createdAt", clock.instant().toString());
        long dbBytes = 0;
        if (withDatabase) {
            Path copy = partial.resolve(DATABASE);
            snapshot(db, copy);
            dbBytes = size(copy);
            JsonObject d = new JsonObject();
            d.addProperty("file", DATABASE);
            d.addProperty("bytes", dbBytes);
            d.addProperty("sha256", sha256(copy));
            manifest.add("database", d);
            Path audit = data.resolve(AUDIT_DATABASE);
            if (Files.isRegularFile(audit)) {
                Path auditCopy = partial.resolve(AUDIT_DATABASE);
                snapshot(audit, auditCopy);
                JsonObject a = new JsonObject();
                a.addProperty("file", AUDIT_DATABASE);
                a.addProperty("bytes", size(auditCopy));
                a.addProperty("sha256", sha256(auditCopy));
                manifest.add("audit", a);
            }
        }
        Path blobRoot = root.resolve("blobs");
        Path blobTmp = blobRoot.resolve("tmp");
        PrivateFiles.createDirectories(blobTmp);
        JsonArray blobs = new JsonArray();
        int copied = 0;
        for (Path source : blobFiles(data.resolve("blobs"))) {
            String sha = source.getFileName().toString();
            Path target = blobPath(blobRoot, sha);
            long bytes;
            if (Files.isRegularFile(target)) {
                bytes = size(target);
            } else {
                Long written = copyVerified(source, sha, blobTmp, target);
                if (written == null) {
                    // removed meanwhile (a document past its retention): nothing names it any more
                    continue;
                }
                bytes = written;
                copied++;
            }
            JsonObject b = new JsonObject();
            b.addProperty("sha256", sha);
            b.addProperty("bytes", bytes);
            blobs.add(b);
        }
        manifest.add("blobs", blobs);
        writeDurably(partial.resolve(MANIFEST), manifest.toString().getBytes(StandardCharsets.UTF_8));
        syncDirectory(partial);
        try {
            Files.move(partial, done, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        syncDirectory(root);
        return new Result(done, dbBytes, blobs.size(), copied);
    }

    /**
     * Restores the backup folder {@code from} (one {@code mediance-…} folder) into {@code dataDir}, which must not
     * hold a database yet. Every file is checked against the manifest's SHA-256 as it is copied; nothing is
     * restored from a damaged backup.
     */
    public static Restored restore(Path from, Path dataDir) {
        Path backup = from.toAbsolutePath();
        Path data = dataDir.toAbsolutePath();
        Path manifestFile = backup.resolve(MANIFEST);
        if (!Files.isRegularFile(manifestFile)) {
            throw new BackupException(backup + " n'est pas une sauvegarde complète (pas de " + MANIFEST + ").");
        }
        if (Files.exists(data.resolve(DATABASE))) {
            throw new BackupException("le dossier " + data + " contient déjà une base " + DATABASE
                    + " : restaurez dans un dossier vide (ou déplacez l'ancien).");
        }
        JsonObject manifest;
        try {
            manifest = JsonParser.parseString(Files.readString(manifestFile)).getAsJsonObject();
        } catch (IOException | RuntimeException e) {
            throw new BackupException("le manifeste de " + backup + " est illisible.", e);
        }
        Path blobRoot = backup.getParent().resolve("blobs");
        List<String[]> blobs = new ArrayList<>();
        for (JsonElement e : manifest.getAsJsonArray("blobs")) {
            String sha = e.getAsJsonObject().get("sha256").getAsString();
            if (!SHA256.matcher(sha).matches()) {
                throw new BackupException("le manifeste nomme un fichier invalide.");
            }
            Path source = blobPath(blobRoot, sha);
            if (!Files.isRegularFile(source) || !sha256(source).equals(sha)) {
                throw new BackupException(
                        "le fichier " + sha + " de la sauvegarde est absent ou abîmé : " + "restauration refusée.");
            }
            blobs.add(new String[] {sha});
        }
        JsonElement d = manifest.get("database");
        Path dbSource = null;
        long dbBytes = 0;
        if (d != null && !d.isJsonNull()) {
            dbSource = backup.resolve(DATABASE);
            String expected = d.getAsJsonObject().get("sha256").getAsString();
            if (!Files.isRegularFile(dbSource) || !sha256(dbSource).equals(expected)) {
                throw new BackupException("la base de la sauvegarde est absente ou abîmée : restauration refusée.");
            }
            dbBytes = size(dbSource);
        }
        JsonElement a = manifest.get("audit");
        Path auditSource = null;
        if (a != null && !a.isJsonNull()) {
            auditSource = backup.resolve(AUDIT_DATABASE);
            String expected = a.getAsJsonObject().get("sha256").getAsString();
            if (!Files.isRegularFile(auditSource) || !sha256(auditSource).equals(expected)) {
                throw new BackupException(
                        "le journal des accès de la sauvegarde est absent ou abîmé : restauration refusée.");
            }
        }
        PrivateFiles.createDirectories(data);
        Path blobTarget = data.resolve("blobs");
        Path tmp = blobTarget.resolve("tmp");
        PrivateFiles.createDirectories(tmp);
        for (String[] b : blobs) {
            Path target = blobPath(blobTarget, b[0]);
            if (!Files.isRegularFile(target)) {
                if (copyVerified(blobPath(blobRoot, b[0]), b[0], tmp, target) == null) {
                    throw new BackupException("le fichier " + b[0] + " a disparu de la sauvegarde pendant la copie.");
                }
            }
        }
        if (auditSource != null) {
            Path partial = data.resolve(AUDIT_DATABASE + PARTIAL);
            copyDurably(auditSource, partial);
            try {
                Files.move(partial, data.resolve(AUDIT_DATABASE), StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        if (dbSource != null) {
            // the database last, under a temporary name: a restore that was cut leaves no database behind
            Path partial = data.resolve(DATABASE + PARTIAL);
            copyDurably(dbSource, partial);
            try {
                Files.move(partial, data.resolve(DATABASE), StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            syncDirectory(data);
        }
        return new Restored(dbBytes, blobs.size());
    }

    // --- internals

    /** {@code VACUUM INTO}: a consistent copy of the committed database, taken while the server writes. */
    private static void snapshot(Path db, Path copy) {
        PrivateFiles.createFileIfAbsent(copy);
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
                Statement st = c.createStatement()) {
            st.execute("PRAGMA busy_timeout = 60000");
            st.execute("VACUUM INTO '" + copy.toString().replace("'", "''") + "'");
        } catch (SQLException e) {
            throw new BackupException("la copie de la base a échoué : " + e.getMessage(), e);
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + copy);
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("PRAGMA integrity_check")) {
            if (!rs.next() || !"ok".equals(rs.getString(1))) {
                throw new BackupException("la copie de la base n'est pas intègre.");
            }
        } catch (SQLException e) {
            throw new BackupException("la copie de la base ne peut pas être relue : " + e.getMessage(), e);
        }
        try (FileChannel ch = FileChannel.open(copy, StandardOpenOption.WRITE)) {
            ch.force(true);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every blob file under {@code root/ab/cd/} (not thumbnails, not uploads being written). */
    static List<Path> blobFiles(Path root) {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (Stream<Path> all = Files.walk(root, 3)) {
            return all.filter(p -> SHA256.matcher(p.getFileName().toString()).matches())
                    .filter(p -> root.relativize(p).getNameCount() == 3)
                    .filter(Files::isRegularFile)
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Path blobPath(Path root, String sha) {
        return root.resolve(sha.substring(0, 2)).resolve(sha.substring(2, 4)).resolve(sha);
    }

    /**
     * Copies a blob to {@code target} through {@code tmp}, checking its SHA-256 on the way. Answers its size, or
     * null if the source is gone. A source that does not hash to its name is refused.
     */
    private static Long copyVerified(Path source, String sha, Path tmp, Path target) {
        Path part = PrivateFiles.createTempFile(tmp, "copie-", ".part");
        try {
            MessageDigest md = digest();
            long n = 0;
            try (InputStream in = Files.newInputStream(source);
                    FileChannel out = FileChannel.open(part, StandardOpenOption.WRITE)) {
                byte[] buffer = new byte[64 * 1024];
                int r;
                while ((r = in.read(buffer)) != -1) {
                    md.update(buffer, 0, r);
                    out.write(ByteBuffer.wrap(buffer, 0, r));
                    n += r;
                }
                out.force(true);
            } catch (java.nio.file.NoSuchFileException gone) {
                return null;
            }
            if (!HexFormat.of().formatHex(md.digest()).equals(sha)) {
                throw new BackupException(
                        "le fichier " + sha + " ne correspond pas à son empreinte : il est abîmé " + "sur le disque.");
            }
            PrivateFiles.createDirectories(target.getParent());
            Files.move(part, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            syncDirectory(target.getParent());
            return n;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            try {
                Files.deleteIfExists(part);
            } catch (IOException ignored) {
                // a leftover in tmp
            }
        }
    }

    private static void copyDurably(Path source, Path target) {
        try (InputStream in = Files.newInputStream(source);
                FileChannel out = PrivateFiles.createOrTruncate(target)) {
            byte[] buffer = new byte[64 * 1024];
            int r;
            while ((r = in.read(buffer)) != -1) {
                out.write(ByteBuffer.wrap(buffer, 0, r));
            }
            out.force(true);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void writeDurably(Path file, byte[] bytes) {
        try (FileChannel out = PrivateFiles.createOrTruncate(file)) {
            ByteBuffer bb = ByteBuffer.wrap(bytes);
            while (bb.hasRemaining()) {
                out.write(bb);
            }
            out.force(true);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String sha256(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest md = digest();
            byte[] buffer = new byte[64 * 1024];
            int r;
            while ((r = in.read(buffer)) != -1) {
                md.update(buffer, 0, r);
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long size(Path p) {
        try {
            return Files.size(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void syncDirectory(Path dir) {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException | UnsupportedOperationException ignored) {
            // not every platform can open a directory
        }
    }

    private static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The backups in {@code to}, oldest first (complete ones only). */
    public static List<Path> list(Path to) {
        List<Path> out = new ArrayList<>();
        if (!Files.isDirectory(to)) {
            return out;
        }
        try (DirectoryStream<Path> s = Files.newDirectoryStream(to, "mediance-*")) {
            for (Path p : s) {
                if (!p.getFileName().toString().endsWith(PARTIAL) && Files.isRegularFile(p.resolve(MANIFEST))) {
                    out.add(p);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        out.sort(null);
        return out;
    }
}
