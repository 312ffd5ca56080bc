package fr.mediance.protocol.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.google.gson.Gson;
import com.google.gson.JsonParseException;
import fr.mediance.protocol.ChangesResponse;
import fr.mediance.protocol.LoginRequest;
import fr.mediance.protocol.PushRequest;
import fr.mediance.protocol.PushResponse;
import java.nio.charset.StandardCharsets;

/**
 * Whatever bytes arrive, the decoders of what the network carries either give a value that survives a
 * round trip or fail with a {@link JsonParseException} (which the server turns into a 400 and the client into a
 * clear error): never another exception, a hang or a half-built value. Runs its seeds as regression tests in
 * every build; {@code JAZZER_FUZZ=1} fuzzes for real.
 */
class WireDecodersFuzzTest {
    private final Gson gson = MedianceJson.gson();

    @FuzzTest(maxDuration = "30s")
    void pushRequestDecodesOrFailsCleanly(byte[] input) {
        decodeAndRoundTrip(input, PushRequest.class);
    }

    @FuzzTest(maxDuration = "30s")
    void changesResponseDecodesOrFailsCleanly(byte[] input) {
        decodeAndRoundTrip(input, ChangesResponse.class);
    }

    @FuzzTest(maxDuration = "30s")
    void pushResponseAndLoginDecodeOrFailCleanly(byte[] input) {
        decodeAndRoundTrip(input, PushResponse.class);
        decodeAndRoundTrip(input, LoginRequest.class);
    }

    private <T> void decodeAndRoundTrip(byte[] input, Class<T> type) {
        String json = new String(input, StandardCharsets.UTF_8);
        T value;
        try {
            value = gson.fromJson(json, type);
        } catch (JsonParseException expected) {
            return;
        }
        if (value == null) {
            return;
        }
        assertThat(gson.fromJson(gson.toJson(value), type)).isEqualTo(value);
    }
}
