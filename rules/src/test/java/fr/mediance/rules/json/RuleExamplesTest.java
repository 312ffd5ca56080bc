package fr.mediance.rules.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import fr.mediance.rules.LegalReference;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.junit.jupiter.api.Test;

/**
 * The published worked examples: each case's answer must be the expected one (numbers to the cent, booleans, dates
 * and strings exactly; an expected refusal is any error with a code and a message).
 */
class RuleExamplesTest {
    private final RuleEvaluator evaluator = new RuleEvaluator(LegalReference.standard());

    @Test
    void everyPublishedExampleGetsItsExpectedAnswer() throws IOException {
        Map<String, JsonObject> cases = read("examples.jsonl");
        Map<String, JsonObject> expected = read("examples.expected.jsonl");
        assertThat(cases.keySet()).containsExactlyElementsOf(expected.keySet()).hasSizeGreaterThanOrEqualTo(13);

        for (Map.Entry<String, JsonObject> entry : cases.entrySet()) {
            JsonObject answer = evaluator.evaluate(entry.getValue());
            JsonObject wanted = expected.get(entry.getKey());
            assertThat(answer.get("id").getAsString()).isEqualTo(entry.getKey());
            if (wanted.has("error")) {
                assertThat(answer.has("output")).as(entry.getKey()).isFalse();
                JsonObject error = answer.getAsJsonObject("error");
                assertThat(error.get("code").getAsString()).as(entry.getKey()).isNotBlank();
                assertThat(error.get("message").getAsString())
                        .as(entry.getKey())
                        .isNotBlank();
            } else {
                assertThat(answer.has("error"))
                        .as(entry.getKey() + " " + answer)
                        .isFalse();
                assertSame(entry.getKey(), answer.getAsJsonObject("output"), wanted.getAsJsonObject("output"));
            }
        }
    }

    /** Same keys; numbers equal to the cent; everything else equal as JSON. */
    static void assertSame(String id, JsonObject actual, JsonObject expected) {
        assertThat(actual.keySet()).as(id).containsExactlyInAnyOrderElementsOf(expected.keySet());
        for (String key : expected.keySet()) {
            JsonElement want = expected.get(key);
            JsonElement got = actual.get(key);
            if (want.isJsonPrimitive() && want.getAsJsonPrimitive().isNumber()) {
                assertThat(got.isJsonPrimitive() && got.getAsJsonPrimitive().isNumber())
                        .as(id + "." + key + " is a number")
                        .isTrue();
                BigDecimal difference =
                        got.getAsBigDecimal().subtract(want.getAsBigDecimal()).abs();
                assertThat(difference).as(id + "." + key).isLessThan(new BigDecimal("0.005"));
            } else {
                assertThat(got).as(id + "." + key).isEqualTo(want);
            }
        }
    }

    private static Map<String, JsonObject> read(String name) throws IOException {
        Map<String, JsonObject> byId = new LinkedHashMap<>();
        try (InputStream in = Objects.requireNonNull(
                        RuleExamplesTest.class.getResourceAsStream("/fr/mediance/rules/" + name));
                BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (!line.isBlank()) {
                    JsonObject object = JsonParser.parseString(line).getAsJsonObject();
                    byId.put(object.get("id").getAsString(), object);
                }
            }
        }
        return byId;
    }
}
