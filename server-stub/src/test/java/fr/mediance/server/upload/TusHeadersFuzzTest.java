package fr.mediance.server.upload;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import fr.mediance.server.DomainException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;

/**
 * The tus header decoders, whatever the text: a value that respects the rules, or a 400 ({@code INVALID}) with
 * a French message; never another exception. Each input is split into lines: {@code Upload-Metadata},
 * {@code Upload-Checksum}, {@code Upload-Offset} and an upload id. Seeds run in every build; {@code JAZZER_FUZZ=1}
 * fuzzes for real, in one invocation as long as its {@code maxDuration} (hence the long {@link Timeout}).
 */
class TusHeadersFuzzTest {

    @FuzzTest(maxDuration = "60s")
    @Timeout(value = 10, unit = TimeUnit.MINUTES)
    void tusHeadersDecodeOrAreA400(byte[] input) {
        String[] lines = new String(input, StandardCharsets.UTF_8).split("\n", -1);
        String metadata = lines[0];
        String checksum = lines.length > 1 ? lines[1] : null;
        String offset = lines.length > 2 ? lines[2] : null;
        String id = lines.length > 3 ? lines[3] : null;

        try {
            TusHeaders.Metadata m = TusHeaders.metadata(metadata);
            assertThat(m.sha256()).matches("[0-9a-f]{64}");
            assertThat(m.all()).containsEntry("sha256", m.sha256());
            if (m.filename() != null) {
                assertThat(m.filename().length()).isLessThanOrEqualTo(TusHeaders.MAX_FILENAME);
            }
        } catch (DomainException refused) {
            assertInvalid(refused, "invalid_upload_metadata");
        }
        try {
            TusHeaders.Checksum c = TusHeaders.checksum(checksum);
            if (c != null) {
                assertThat(c.algorithm()).isIn("sha256", "sha1");
                assertThat(c.digest()).hasSize(c.algorithm().equals("sha1") ? 20 : 32);
            }
        } catch (DomainException refused) {
            assertInvalid(refused, "invalid_upload_checksum", "unsupported_checksum_algorithm");
        }
        try {
            long n = TusHeaders.nonNegative(offset, "Upload-Offset", "invalid_upload_offset");
            assertThat(n).isNotNegative();
            assertThat(Long.parseLong(offset)).isEqualTo(n);
        } catch (DomainException refused) {
            assertInvalid(refused, "invalid_upload_offset");
        }
        String valid = TusHeaders.uploadId(id);
        if (valid != null) {
            assertThat(valid).isEqualTo(id).hasSize(36);
        }
        try {
            TusHeaders.requireVersion(id);
            assertThat(id).isEqualTo("1.0.0");
        } catch (DomainException refused) {
            assertThat(refused.kind()).isEqualTo(DomainException.Kind.PRECONDITION_FAILED);
            assertThat(refused.headers()).containsEntry("Tus-Version", "1.0.0");
        }
    }

    private static void assertInvalid(DomainException refused, String... codes) {
        assertThat(refused.kind()).isEqualTo(DomainException.Kind.INVALID);
        assertThat(refused.code()).isIn((Object[]) codes);
        assertThat(refused.getMessage()).isNotBlank();
    }
}
