package cn.keyida.portal.experts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Every action in every state: the assignments' transition table allows exactly these moves and refuses the rest. */
class AssignmentStatusTest {

    /** Written out by hand from the review rules; "=" means the state stays. */
    private static final String ALLOWED = """
            FORWARD   REQUESTED>OFFERED
            ACCEPT    OFFERED>ACCEPTED
            DECLINE   OFFERED>DECLINED
            ADVISE    ACCEPTED>ANSWERED ANSWERED>= RATED>=
            NOTE      ACCEPTED>= ANSWERED>= RATED>=
            VISIT     ACCEPTED>= ANSWERED>= RATED>=
            RATE      ANSWERED>RATED
            WITHDRAW  REQUESTED>WITHDRAWN OFFERED>WITHDRAWN ACCEPTED>WITHDRAWN
            EXPIRE    OFFERED>EXPIRED
            """;

    @Test
    void everyActionInEveryStateIsAllowedOrRefusedAsWrittenDown() {
        Map<AssignmentAction, Map<AssignmentStatus, AssignmentStatus>> expected = parse();
        assertThat(expected.keySet()).containsExactlyInAnyOrder(AssignmentAction.values());
        int allowed = 0;
        for (AssignmentAction action : AssignmentAction.values()) {
            for (AssignmentStatus from : AssignmentStatus.values()) {
                Optional<AssignmentStatus> want = Optional.ofNullable(expected.get(action).get(from));
                assertThat(from.after(action)).as("%s in %s", action, from).isEqualTo(want);
                assertThat(from.allows(action)).as("%s allowed in %s", action, from).isEqualTo(want.isPresent());
                allowed += want.isPresent() ? 1 : 0;
            }
        }
        assertThat(allowed).isEqualTo(17);
    }

    @Test
    void ratingHappensOnceAndClosedAssignmentsAreFinal() {
        for (AssignmentStatus s : AssignmentStatus.values()) {
            assertThat(s.allows(AssignmentAction.RATE)).as(s.name()).isEqualTo(s == AssignmentStatus.ANSWERED);
        }
        for (AssignmentStatus end : new AssignmentStatus[] {AssignmentStatus.DECLINED, AssignmentStatus.WITHDRAWN,
                AssignmentStatus.EXPIRED}) {
            for (AssignmentAction action : AssignmentAction.values()) {
                assertThat(end.allows(action)).as("%s in %s", action, end).isFalse();
            }
            assertThat(end.isOpen()).isFalse();
        }
    }

    private static Map<AssignmentAction, Map<AssignmentStatus, AssignmentStatus>> parse() {
        Map<AssignmentAction, Map<AssignmentStatus, AssignmentStatus>> table = new HashMap<>();
        for (String line : ALLOWED.strip().split("\n")) {
            String[] parts = line.strip().split("\\s+");
            Map<AssignmentStatus, AssignmentStatus> moves = new HashMap<>();
            for (int i = 1; i < parts.length; i++) {
                String[] move = parts[i].split(">");
                AssignmentStatus from = AssignmentStatus.valueOf(move[0]);
                moves.put(from, move[1].equals("=") ? from : AssignmentStatus.valueOf(move[1]));
            }
            table.put(AssignmentAction.valueOf(parts[0]), moves);
        }
        return table;
    }
}
