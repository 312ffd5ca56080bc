package fr.mediance.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import fr.mediance.protocol.OperationDto;
import fr.mediance.protocol.PushRequest;
import fr.mediance.server.DomainException;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;

/**
 * The push body decoder of the server, whatever the bytes: a whole request with well-formed operations, or a
 * 400 with one of two stable codes; never another exception (which would be a 500). Seeds run in every build;
 * {@code JAZZER_FUZZ=1} fuzzes for real, in one invocation as long as its {@code maxDuration} (hence the long
 * {@link Timeout}).
 */
class PushBodyFuzzTest {
    private static final Set<String> CODES = Set.of("malformed_json", "invalid_request");

    @FuzzTest(maxDuration = "60s")
    @Timeout(value = 10, unit = TimeUnit.MINUTES)
    void pushBodyDecodesWholeOrIsA400(byte[] input) {
        String text = new String(input, StandardCharsets.UTF_8);
        PushRequest request;
        try {
            request = JsonBodies.parse(text, PushRequest.class);
        } catch (DomainException refused) {
            assertThat(refused.kind()).isEqualTo(DomainException.Kind.INVALID);
            assertThat(refused.code()).isIn(CODES);
            assertThat(refused.getMessage()).isNotBlank();
            return;
        }
        assertThat(request.deviceId()).isNotNull();
        for (OperationDto op : request.operations()) {
            assertThat(op.opId()).isNotNull();
            assertThat(op.entity()).isNotNull();
            assertThat(op.entityId()).isNotNull();
            assertThat(op.delete() || op.data() != null).isTrue();
            if (op.data() != null) {
                assertThat(op.data().id()).isEqualTo(op.entityId());
            }
        }
    }
}
