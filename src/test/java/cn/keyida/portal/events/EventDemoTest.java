package cn.keyida.portal.events;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The demo events of ./portal run pass the same validation as staff input and lie in the future. */
@QuarkusTest
class EventDemoTest {

    @Inject
    EventDemo demo;

    @Inject
    EventService service;

    @Test
    void everyDemoEventIsValidInputForAFutureEvent() {
        List<EventInput> inputs = demo.inputs();
        assertThat(inputs).extracting(EventInput::type).containsExactly("BRIEFING", "MATCHMAKING", "SCIENCE_WEEK");
        for (EventInput in : inputs) {
            Event draft = service.create(in, "演示数据测试"); // a draft: not published, not indexed
            assertThat(draft.status).isEqualTo(EventStatus.DRAFT);
            assertThat(draft.startsAt).isAfter(Instant.now());
            assertThat(draft.registrationCloses).isBefore(draft.startsAt);
        }
    }
}
