package fr.mediance.app.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BlobFilesTest {
    @TempDir
    Path dir;

    /** A fake JPEG: SOI + APP0 "JFIF" header, a recognisable body, EOI. */
    static byte[] jpeg(int seed) {
        byte[] body = new byte[4096];
        new Random(seed).nextBytes(body);
        byte[] head = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 16, 'J', 'F', 'I', 'F', 0};
        byte[] out = new byte[head.length + body.length + 2];
        System.arraycopy(head, 0, out, 0, head.length);
        System.arraycopy(body, 0, out, head.length, body.length);
        out[out.length - 2] = (byte) 0xFF;
        out[out.length - 1] = (byte) 0xD9;
        return out;
    }

    static boolean containsSequence(byte[] hay, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= hay.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (hay[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    @Test
    void aPhotoIsEncryptedOnDiskAndDecryptsByteIdentical() throws IOException {
        BlobFiles blobs = new BlobFiles(dir, Crypto.randomBytes(32));
        byte[] photo = jpeg(1);
        String sha = blobs.put(photo);

        byte[] onDisk = Files.readAllBytes(blobs.pathOf(sha));
        assertThat(containsSequence(onDisk, new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF}))
                .isFalse();
        assertThat(containsSequence(onDisk, "JFIF".getBytes())).isFalse();
        assertThat(containsSequence(onDisk, Arrays.copyOfRange(photo, 100, 132)))
                .isFalse();
        assertThat(blobs.pathOf(sha).toString()).doesNotContain(sha);

        assertThat(blobs.get(sha)).hasValueSatisfying(b -> assertThat(b).isEqualTo(photo));
        assertThat(sha).isEqualTo(Crypto.sha256Hex(photo));
    }

    @Test
    void anotherKeyCannotReadThePhoto() {
        BlobFiles mine = new BlobFiles(dir, Crypto.randomBytes(32));
        String sha = mine.put(jpeg(2));
        BlobFiles other = new BlobFiles(dir, Crypto.randomBytes(32));
        assertThat(other.get(sha)).isEmpty(); // other key, other file name
        assertThat(other.contains(sha)).isFalse();
    }

    @Test
    void anAlteredFileIsDetected() throws IOException {
        BlobFiles blobs = new BlobFiles(dir, Crypto.randomBytes(32));
        String sha = blobs.put(jpeg(3));
        Path file = blobs.pathOf(sha);
        byte[] content = Files.readAllBytes(file);
        content[content.length / 2] ^= 1;
        Files.write(file, content);
        assertThatThrownBy(() -> blobs.get(sha))
                .isInstanceOfSatisfying(
                        StoreException.class, e -> assertThat(e.kind()).isEqualTo(StoreException.Kind.CORRUPTED));
    }

    @Test
    void downloadedBytesMustMatchTheirHash() {
        BlobFiles blobs = new BlobFiles(dir, Crypto.randomBytes(32));
        byte[] photo = jpeg(4);
        assertThatThrownBy(() -> blobs.putVerified("ab".repeat(32), photo)).isInstanceOf(StoreException.class);
        blobs.putVerified(Crypto.sha256Hex(photo), photo);
        assertThat(blobs.contains(Crypto.sha256Hex(photo))).isTrue();
    }

    @Test
    void noTemporaryFileIsLeftBehind() throws IOException {
        BlobFiles blobs = new BlobFiles(dir, Crypto.randomBytes(32));
        blobs.put(jpeg(5));
        blobs.put(jpeg(5));
        try (var files = Files.walk(dir)) {
            assertThat(files.filter(Files::isRegularFile).toList())
                    .hasSize(1)
                    .allSatisfy(p -> assertThat(p.toString()).endsWith(".bin"));
        }
    }

    @Test
    void theWholeListOfHashesIsReadOnlyWhenAFileIsLeftUnexplained() {
        BlobFiles blobs = new BlobFiles(dir, Crypto.randomBytes(32));
        java.util.concurrent.atomic.AtomicInteger wholeListReads = new java.util.concurrent.atomic.AtomicInteger();
        String held = blobs.put(jpeg(6));
        String cachedButNotLikely = blobs.put(jpeg(7));
        String orphan = blobs.put(jpeg(8));
        java.util.Set<String> every = java.util.Set.of(held, cachedButNotLikely, "ab".repeat(32));

        // every file is explained by the likely hashes: the whole list is not read, nothing is deleted
        assertThat(blobs.deleteUnreferenced(() -> java.util.Set.of(held, cachedButNotLikely, orphan), () -> {
                    wholeListReads.incrementAndGet();
                    return every;
                }))
                .isZero();
        assertThat(wholeListReads).hasValue(0);

        // a file the likely hashes do not explain: the whole list decides, and keeps what it names
        assertThat(blobs.deleteUnreferenced(() -> java.util.Set.of(held), () -> {
                    wholeListReads.incrementAndGet();
                    return every;
                }))
                .isEqualTo(1);
        assertThat(wholeListReads).hasValue(1);
        assertThat(blobs.contains(held)).isTrue();
        assertThat(blobs.contains(cachedButNotLikely)).isTrue();
        assertThat(blobs.contains(orphan)).isFalse();
    }

    @Test
    void anEmptyDirectoryReadsNoHashAtAll() {
        BlobFiles blobs = new BlobFiles(dir, Crypto.randomBytes(32));
        assertThat(blobs.deleteUnreferenced(
                        () -> {
                            throw new AssertionError("likely hashes read");
                        },
                        () -> {
                            throw new AssertionError("every hash read");
                        }))
                .isZero();
    }
}
