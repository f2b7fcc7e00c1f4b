package cn.keyida.portal.experts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Every action in every state: the pool's transition table allows exactly these moves and refuses the rest. */
class ExpertStatusTest {

    /** Written out by hand from the review rules; "=" means the state stays. */
    private static final String ALLOWED = """
            UPDATE    PENDING>= ACTIVE>= SUSPENDED>= LAPSED>=
            RESUBMIT  RETURNED>PENDING
            ADMIT     PENDING>ACTIVE
            RETURN    PENDING>RETURNED
            SUSPEND   ACTIVE>SUSPENDED LAPSED>SUSPENDED
            RESUME    SUSPENDED>ACTIVE
            REMOVE    ACTIVE>REMOVED SUSPENDED>REMOVED LAPSED>REMOVED
            CONFIRM   ACTIVE>= LAPSED>ACTIVE
            LAPSE     ACTIVE>LAPSED
            """;

    @Test
    void everyActionInEveryStateIsAllowedOrRefusedAsWrittenDown() {
        Map<ExpertAction, Map<ExpertStatus, ExpertStatus>> expected = parse();
        assertThat(expected.keySet()).containsExactlyInAnyOrder(ExpertAction.values());
        int allowed = 0;
        for (ExpertAction action : ExpertAction.values()) {
            for (ExpertStatus from : ExpertStatus.values()) {
                Optional<ExpertStatus> want = Optional.ofNullable(expected.get(action).get(from));
                assertThat(from.after(action)).as("%s in %s", action, from).isEqualTo(want);
                assertThat(from.allows(action)).as("%s allowed in %s", action, from).isEqualTo(want.isPresent());
                allowed += want.isPresent() ? 1 : 0;
            }
        }
        assertThat(allowed).isEqualTo(16);
    }

    @Test
    void removedIsFinalAndOnlyAdmittedExpertsLapse() {
        for (ExpertAction action : ExpertAction.values()) {
            assertThat(ExpertStatus.REMOVED.allows(action)).as(action.name()).isFalse();
        }
        for (ExpertStatus s : ExpertStatus.values()) {
            assertThat(s.allows(ExpertAction.LAPSE)).as(s.name()).isEqualTo(s == ExpertStatus.ACTIVE);
        }
    }

    private static Map<ExpertAction, Map<ExpertStatus, ExpertStatus>> parse() {
        Map<ExpertAction, Map<ExpertStatus, ExpertStatus>> table = new HashMap<>();
        for (String line : ALLOWED.strip().split("\n")) {
            String[] parts = line.strip().split("\\s+");
            Map<ExpertStatus, ExpertStatus> moves = new HashMap<>();
            for (int i = 1; i < parts.length; i++) {
                String[] move = parts[i].split(">");
                ExpertStatus from = ExpertStatus.valueOf(move[0]);
                moves.put(from, move[1].equals("=") ? from : ExpertStatus.valueOf(move[1]));
            }
            table.put(ExpertAction.valueOf(parts[0]), moves);
        }
        return table;
    }
}
