package fr.mediance.app.core.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * Photos and scans on disk, encrypted with AES-256-GCM under a key derived from the data key, in the app's
 * private directory. A blob is addressed by the SHA-256 of its plaintext; the file name is an HMAC of that
 * hash, so the directory listing does not reveal which documents are held. Reading verifies both the GCM
 * tag and the hash, so what comes back is byte-identical to what went in.
 */
public final class BlobFiles {
    private static final byte[] MAGIC = "MDB1".getBytes(StandardCharsets.US_ASCII);
    private static final String TMP_SUFFIX = ".tmp";
    private final Path directory;
    private final byte[] encryptionKey;
    private final byte[] namingKey;

    /** @param dataKey the 32-byte data key; two sub-keys are derived from it and the array is not kept. */
    public BlobFiles(Path directory, byte[] dataKey) {
        this.directory = directory;
        this.encryptionKey = Crypto.hmacSha256(dataKey, "mediance blob encryption".getBytes(StandardCharsets.UTF_8));
        this.namingKey = Crypto.hmacSha256(dataKey, "mediance blob naming".getBytes(StandardCharsets.UTF_8));
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new StoreException(StoreException.Kind.IO, "cannot create " + directory, e);
        }
    }

    public Path directory() {
        return directory;
    }

    /** Encrypts and stores {@code plaintext}; returns its SHA-256 (hex). Storing the same bytes twice is a no-op. */
    public String put(byte[] plaintext) {
        String sha = Crypto.sha256Hex(plaintext);
        Path target = pathOf(sha);
        if (Files.exists(target)) {
            return sha;
        }
        byte[] sealed = Crypto.encrypt(encryptionKey, plaintext, sha.getBytes(StandardCharsets.US_ASCII));
        try {
            Files.createDirectories(target.getParent());
            Path tmp = Files.createTempFile(target.getParent(), "blob", TMP_SUFFIX);
            try {
                try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
                    ByteBuffer head = ByteBuffer.wrap(MAGIC);
                    ByteBuffer body = ByteBuffer.wrap(sealed);
                    while (head.hasRemaining() || body.hasRemaining()) {
                        ch.write(new ByteBuffer[] {head, body});
                    }
                    ch.force(true); // on the disk before the rename, and before the row naming it commits
                }
                try {
                    Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
                }
                syncDirectory(target.getParent());
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new StoreException(StoreException.Kind.IO, "cannot write a blob", e);
        }
        return sha;
    }

    /** Makes a rename in {@code dir} durable (where the platform allows opening a directory). */
    private static void syncDirectory(Path dir) {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // not possible on every platform (Windows): the file itself is already on the disk
        }
    }

    /**
     * Deletes what a killed process may have left: temporary files, and blob files that none of
     * {@code referenced} (hashes the database names) designates. Call it before the store is in use, when no
     * write can be under way. Returns the number of files deleted.
     */
    public int deleteUnreferenced(Set<String> referenced) {
        return deleteUnreferenced(() -> referenced, () -> referenced);
    }

    /**
     * Like {@link #deleteUnreferenced(Set)}, reading the whole list of hashes only when needed: the files on disk
     * are listed first; when there are none, or when {@code likely} (the hashes whose photo should be on the
     * device) names every one of them, {@code all} is never asked. A device holds the metadata of many more
     * documents than it holds photos, and naming a hash costs an HMAC.
     */
    public int deleteUnreferenced(Supplier<Set<String>> likely, Supplier<Set<String>> all) {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(directory)) {
            files = walk.filter(Files::isRegularFile).toList();
        } catch (IOException e) {
            throw new StoreException(StoreException.Kind.IO, "cannot clean the blob directory", e);
        }
        Set<String> blobNames = new HashSet<>();
        for (Path p : files) {
            String name = p.getFileName().toString();
            if (name.endsWith(".bin")) {
                blobNames.add(name);
            }
        }
        Set<String> keep = blobNames.isEmpty() ? Set.of() : fileNames(likely.get());
        if (!keep.containsAll(blobNames)) {
            keep = fileNames(all.get());
        }
        int deleted = 0;
        try {
            for (Path p : files) {
                String name = p.getFileName().toString();
                if (name.endsWith(TMP_SUFFIX) || (name.endsWith(".bin") && !keep.contains(name))) {
                    Files.deleteIfExists(p);
                    deleted++;
                }
            }
        } catch (IOException e) {
            throw new StoreException(StoreException.Kind.IO, "cannot clean the blob directory", e);
        }
        return deleted;
    }

    private Set<String> fileNames(Set<String> hashes) {
        Set<String> names = new HashSet<>();
        for (String sha : hashes) {
            if (Crypto.isSha256Hex(sha)) {
                names.add(pathOf(sha).getFileName().toString());
            }
        }
        return names;
    }

    /** Stores bytes that must have the given hash (a download); fails with CORRUPTED if they do not. */
    public void putVerified(String expectedSha256, byte[] plaintext) {
        String sha = Crypto.sha256Hex(plaintext);
        if (!sha.equals(expectedSha256)) {
            throw new StoreException(StoreException.Kind.CORRUPTED, "blob hash mismatch");
        }
        put(plaintext);
    }

    public boolean contains(String sha256) {
        return Files.exists(pathOf(sha256));
    }

    /** The decrypted bytes, verified against the hash; empty if this blob is not held. */
    public Optional<byte[]> get(String sha256) {
        byte[] content;
        try {
            content = Files.readAllBytes(pathOf(sha256));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new StoreException(StoreException.Kind.IO, "cannot read a blob", e);
        }
        if (content.length < MAGIC.length) {
            throw new StoreException(StoreException.Kind.CORRUPTED, "blob file too short");
        }
        for (int i = 0; i < MAGIC.length; i++) {
            if (content[i] != MAGIC[i]) {
                throw new StoreException(StoreException.Kind.CORRUPTED, "not a blob file");
            }
        }
        byte[] sealed = java.util.Arrays.copyOfRange(content, MAGIC.length, content.length);
        byte[] plain;
        try {
            plain = Crypto.decrypt(encryptionKey, sealed, sha256.getBytes(StandardCharsets.US_ASCII));
        } catch (StoreException e) {
            throw new StoreException(StoreException.Kind.CORRUPTED, "blob cannot be decrypted", e);
        }
        if (!Crypto.sha256Hex(plain).equals(sha256)) {
            throw new StoreException(StoreException.Kind.CORRUPTED, "blob hash mismatch");
        }
        return Optional.of(plain);
    }

    public void delete(String sha256) {
        try {
            Files.deleteIfExists(pathOf(sha256));
        } catch (IOException e) {
            throw new StoreException(StoreException.Kind.IO, "cannot delete a blob", e);
        }
    }

    /** The file of a blob (for tests that check what is on disk). */
    public Path pathOf(String sha256) {
        if (!Crypto.isSha256Hex(sha256)) {
            throw new IllegalArgumentException("not a sha256");
        }
        String name = Crypto.hex(Crypto.hmacSha256(namingKey, sha256.getBytes(StandardCharsets.US_ASCII)));
        return directory.resolve(name.substring(0, 2)).resolve(name + ".bin");
    }
}
