package cn.keyida.portal.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Every action in every state: the transition table allows exactly these moves and refuses the rest. */
class EventStatusTest {

    /** Written out by hand; "=" means the state stays. */
    private static final String ALLOWED = """
            EDIT                DRAFT>= PUBLISHED>=
            PUBLISH             DRAFT>PUBLISHED
            CANCEL              DRAFT>CANCELLED PUBLISHED>CANCELLED
            FINISH              PUBLISHED>FINISHED
            REGISTER            PUBLISHED>=
            CANCEL_REGISTRATION PUBLISHED>=
            CHECK_IN            PUBLISHED>=
            RATE                FINISHED>=
            """;

    @Test
    void everyActionInEveryStateIsAllowedOrRefusedAsWrittenDown() {
        Map<EventAction, Map<EventStatus, EventStatus>> expected = new EnumMap<>(EventAction.class);
        for (String line : ALLOWED.strip().split("\n")) {
            String[] f = line.strip().split("\\s+");
            Map<EventStatus, EventStatus> moves = new EnumMap<>(EventStatus.class);
            for (int i = 1; i < f.length; i++) {
                String[] m = f[i].split(">");
                EventStatus from = EventStatus.valueOf(m[0]);
                moves.put(from, m[1].equals("=") ? from : EventStatus.valueOf(m[1]));
            }
            expected.put(EventAction.valueOf(f[0]), moves);
        }
        assertThat(expected.keySet()).containsExactlyInAnyOrder(EventAction.values());
        int allowed = 0;
        for (EventAction action : EventAction.values()) {
            for (EventStatus from : EventStatus.values()) {
                Optional<EventStatus> want = Optional.ofNullable(expected.get(action).get(from));
                assertThat(from.after(action)).as("%s in %s", action, from).isEqualTo(want);
                assertThat(from.allows(action)).as("%s allowed in %s", action, from).isEqualTo(want.isPresent());
                allowed += want.isPresent() ? 1 : 0;
            }
        }
        assertThat(allowed).isEqualTo(10);
    }

    @Test
    void cancelledAndFinishedEventsTakeNoRegistrationsOrEdits() {
        for (EventStatus end : new EventStatus[] {EventStatus.CANCELLED, EventStatus.FINISHED}) {
            assertThat(end.allows(EventAction.REGISTER)).isFalse();
            assertThat(end.allows(EventAction.EDIT)).isFalse();
            assertThat(end.allows(EventAction.CANCEL)).isFalse();
        }
        assertThat(EventStatus.DRAFT.isPublic()).isFalse();
    }
}
