package fr.mediance.server.sync;

import static org.assertj.core.api.Assertions.assertThat;

import fr.mediance.protocol.CodeDto;
import fr.mediance.protocol.EntityDto;
import fr.mediance.protocol.EntityType;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;
import org.junit.jupiter.api.Test;

class ParsedRecordsTest {
    private final AtomicInteger parsed = new AtomicInteger();
    private final BiFunction<EntityType, String, EntityDto> counting = (type, json) -> {
        parsed.incrementAndGet();
        return EntityJson.parse(type, json);
    };

    private static String json(String label) {
        return EntityJson.write(new CodeDto("motif", "m1", label, null, 1, true));
    }

    @Test
    void theSameTextIsParsedOnceAndGivesTheSameRecord() {
        ParsedRecords recent = new ParsedRecords(1_000_000);
        String text = json("Impayé");

        EntityDto first = recent.read(EntityType.CODE, text, counting);
        EntityDto again = recent.read(EntityType.CODE, new String(text.toCharArray()), counting);

        assertThat(parsed).hasValue(1);
        assertThat(again).isSameAs(first).isEqualTo(EntityJson.parse(EntityType.CODE, text));
    }

    @Test
    void aRecordChangedInPlaceIsReadAnew() {
        ParsedRecords recent = new ParsedRecords(1_000_000);
        recent.read(EntityType.CODE, json("Impayé"), counting);

        CodeDto scrubbed = (CodeDto) recent.read(EntityType.CODE, json("Anonyme"), counting);

        assertThat(parsed).hasValue(2);
        assertThat(scrubbed.label()).isEqualTo("Anonyme");
        assertThat(((CodeDto) recent.read(EntityType.CODE, json("Impayé"), counting)).label())
                .isEqualTo("Impayé");
    }

    @Test
    void theSameTextAsAnotherTypeIsNotTakenForIt() {
        ParsedRecords recent = new ParsedRecords(1_000_000);
        String text = json("Impayé");
        recent.read(EntityType.CODE, text, counting);

        EntityDto other = recent.read(EntityType.CODE, text, (type, json) -> {
            throw new AssertionError("kept");
        });
        assertThat(other).isInstanceOf(CodeDto.class);
        assertThat(recent.read(EntityType.PARTNER, text, (type, json) -> new CodeDto("x", "y", "z", null, 0, true)))
                .isEqualTo(new CodeDto("x", "y", "z", null, 0, true));
    }

    @Test
    void keepsNoMoreTextThanItsBudgetTheLeastRecentlyUsedGoingFirst() {
        long budget = 16 * 2_000L;
        ParsedRecords recent = new ParsedRecords(budget);
        for (int i = 0; i < 5_000; i++) {
            recent.read(EntityType.CODE, json("Libellé " + i), counting);
        }
        int perEntry = json("Libellé 4999").length();
        assertThat((long) recent.size() * perEntry).isLessThanOrEqualTo(budget + 16L * perEntry);
        assertThat(recent.size()).isGreaterThan(0);

        parsed.set(0);
        recent.read(EntityType.CODE, json("Libellé 0"), counting);
        assertThat(parsed).as("the oldest went first").hasValue(1);
    }
}
