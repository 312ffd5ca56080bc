package fr.mediance.server.storage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Files and folders only the server's account may read: folders {@code rwx------} (0700), files {@code rw-------}
 * (0600), given as attributes when they are created (the process umask can only take bits away from these, never
 * add any), so no other local account can ever read a resident's record, not even for an instant. SQLite creates
 * its {@code -wal} and {@code -shm} files itself with the mode of the database file, which is why the database
 * file is created here, empty, before SQLite opens it. On a file system without POSIX permissions (FAT, some
 * network shares) files are created without attributes: protecting them is then the system's business.
 */
public final class PrivateFiles {
    private static final Logger LOG = LoggerFactory.getLogger(PrivateFiles.class);

    public static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");
    public static final Set<PosixFilePermission> DIRECTORY = PosixFilePermissions.fromString("rwx------");

    private PrivateFiles() {}

    /** Whether the file system of {@code p} knows POSIX permissions. */
    public static boolean posix(Path p) {
        return p.getFileSystem().supportedFileAttributeViews().contains("posix");
    }

    private static FileAttribute<?>[] fileAttributes(Path p) {
        return posix(p) ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(FILE)} : new FileAttribute<?>[0];
    }

    private static FileAttribute<?>[] directoryAttributes(Path p) {
        return posix(p)
                ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(DIRECTORY)}
                : new FileAttribute<?>[0];
    }

    /** Creates a folder and any missing parent, each owner-only; an existing folder is left as it is. */
    public static Path createDirectories(Path dir) {
        try {
            Path absolute = dir.toAbsolutePath();
            if (Files.isDirectory(absolute)) {
                return dir;
            }
            Path parent = absolute.getParent();
            if (parent != null && !Files.isDirectory(parent)) {
                createDirectories(parent);
            }
            try {
                Files.createDirectory(absolute, directoryAttributes(absolute));
            } catch (FileAlreadyExistsException raced) {
                if (!Files.isDirectory(absolute)) {
                    throw raced;
                }
            }
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A new empty temporary file in {@code dir}, owner-only. */
    public static Path createTempFile(Path dir, String prefix, String suffix) {
        try {
            return Files.createTempFile(dir, prefix, suffix, fileAttributes(dir));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Opens a channel; a file it creates is owner-only. */
    public static FileChannel open(Path file, OpenOption... options) throws IOException {
        return FileChannel.open(file, Set.of(options), fileAttributes(file));
    }

    /** Creates {@code file} empty and owner-only if it does not exist yet. */
    public static void createFileIfAbsent(Path file) {
        try {
            Files.createFile(file, fileAttributes(file));
        } catch (FileAlreadyExistsException exists) {
            // kept as it is
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Takes the group and other bits away from an existing file or folder (left by an earlier version, or copied
     * in by hand). Answers whether it had to. Symbolic links are not followed.
     */
    public static boolean restrict(Path p) {
        if (!posix(p) || !Files.exists(p, LinkOption.NOFOLLOW_LINKS) || Files.isSymbolicLink(p)) {
            return false;
        }
        try {
            Set<PosixFilePermission> now = Files.getPosixFilePermissions(p, LinkOption.NOFOLLOW_LINKS);
            Set<PosixFilePermission> wanted = Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS) ? DIRECTORY : FILE;
            if (now.equals(wanted)) {
                return false;
            }
            Files.setPosixFilePermissions(p, wanted);
            return true;
        } catch (IOException | UnsupportedOperationException e) {
            LOG.warn("cannot restrict the permissions of {}: {}", p.getFileName(), e.toString());
            return false;
        }
    }

    /**
     * Prepares a SQLite database file before the driver opens it: creates it empty and owner-only if it is new
     * (SQLite then gives its {@code -wal}, {@code -shm} and journal files the same mode), and restricts an existing
     * database and its companions, which an earlier version left readable by all.
     */
    public static void prepareSqliteFile(Path db) {
        Path file = db.toAbsolutePath();
        createDirectories(file.getParent());
        createFileIfAbsent(file);
        int fixed = 0;
        for (String suffix : new String[] {"", "-wal", "-shm", "-journal"}) {
            if (restrict(file.resolveSibling(file.getFileName() + suffix))) {
                fixed++;
            }
        }
        if (fixed > 0) {
            LOG.warn("database files were readable by other accounts: now owner-only ({} files)", fixed);
        }
    }

    /** Restricts every file and folder under {@code root} (included). Answers how many were changed. */
    public static int restrictTree(Path root) {
        if (!posix(root) || !Files.isDirectory(root)) {
            return 0;
        }
        int[] fixed = {0};
        try (var all = Files.walk(root)) {
            all.forEach(p -> {
                if (restrict(p)) {
                    fixed[0]++;
                }
            });
        } catch (IOException | UncheckedIOException e) {
            LOG.warn("cannot restrict the permissions under the data folder: {}", e.toString());
        }
        return fixed[0];
    }

    /** Opens for writing, creating an owner-only file, truncating any former content. */
    public static FileChannel createOrTruncate(Path file) throws IOException {
        return open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING);
    }
}
