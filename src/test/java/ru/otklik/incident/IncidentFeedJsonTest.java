package ru.otklik.incident;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The feed writes its items field by field: they must stay the fields of IncidentView, in its order. */
class IncidentFeedJsonTest {

    @Test
    void theFeedWritesTheViewsFieldsInItsOrder() {
        assertThat(Arrays.stream(IncidentFeedJson.Field.values()).map(f -> f.name.getValue()))
                .containsExactlyElementsOf(Arrays.stream(IncidentView.class.getRecordComponents())
                        .map(RecordComponent::getName).toList());
    }
}
