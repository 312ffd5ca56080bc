package fr.mediance.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class ResidentFieldsTest {

    @Test
    void the_fields_that_change_one_by_one_are_every_component_but_the_id_and_the_structure() {
        List<String> components = Arrays.stream(ResidentDto.class.getRecordComponents())
                .map(RecordComponent::getName)
                .filter(n -> !n.equals("id") && !n.equals("structureId"))
                .toList();

        assertThat(ResidentDto.FIELDS).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(components);
    }
}
