package cn.keyida.portal.needs;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Every action in every state: the transition table allows exactly these moves and refuses the rest. */
class NeedStatusTest {

    /** Written out by hand from the workflow's rules; "=" means the state stays. */
    private static final String ALLOWED = """
            ACCEPT              SUBMITTED>ACCEPTED
            RETURN              SUBMITTED>RETURNED ACCEPTED>RETURNED
            ASSIGN              ACCEPTED>ASSIGNED ASSIGNED>= IN_PROGRESS>= WAITING_INFO>=
            START               ASSIGNED>IN_PROGRESS
            ASK_INFORMATION     IN_PROGRESS>WAITING_INFO
            ADD_INFORMATION     WAITING_INFO>IN_PROGRESS SUBMITTED>= ACCEPTED>= ASSIGNED>= IN_PROGRESS>=
            WITHDRAW            SUBMITTED>WITHDRAWN ACCEPTED>WITHDRAWN ASSIGNED>WITHDRAWN IN_PROGRESS>WITHDRAWN WAITING_INFO>WITHDRAWN
            RESOLVE             IN_PROGRESS>RESOLVED
            CALLBACK_UNREACHED  RESOLVED>=
            RATE_SATISFIED      RESOLVED>CALLBACK_DONE
            RATE_UNSATISFIED    RESOLVED>ASSIGNED
            CLOSE               CALLBACK_DONE>CLOSED
            FOLLOW_UP           SUBMITTED>= ACCEPTED>= ASSIGNED>= IN_PROGRESS>= WAITING_INFO>= RESOLVED>= CALLBACK_DONE>= CLOSED>=
            ERASE_PERSONAL_DATA SUBMITTED>WITHDRAWN ACCEPTED>WITHDRAWN ASSIGNED>WITHDRAWN IN_PROGRESS>WITHDRAWN WAITING_INFO>WITHDRAWN RETURNED>= RESOLVED>= CALLBACK_DONE>= CLOSED>= WITHDRAWN>=
            """;

    @Test
    void everyActionInEveryStateIsAllowedOrRefusedAsWrittenDown() {
        Map<NeedAction, Map<NeedStatus, NeedStatus>> expected = parse();
        assertThat(expected.keySet()).containsExactlyInAnyOrder(NeedAction.values());
        int allowed = 0;
        for (NeedAction action : NeedAction.values()) {
            for (NeedStatus from : NeedStatus.values()) {
                Optional<NeedStatus> want = Optional.ofNullable(expected.get(action).get(from));
                assertThat(from.after(action)).as("%s in %s", action, from).isEqualTo(want);
                assertThat(from.allows(action)).as("%s allowed in %s", action, from).isEqualTo(want.isPresent());
                allowed += want.isPresent() ? 1 : 0;
            }
        }
        assertThat(allowed).isEqualTo(42);
    }

    @Test
    void closedReturnedAndWithdrawnNeedsAreFinal() {
        for (NeedStatus end : new NeedStatus[] {NeedStatus.CLOSED, NeedStatus.RETURNED, NeedStatus.WITHDRAWN}) {
            for (NeedAction action : NeedAction.values()) {
                end.after(action).ifPresent(to -> assertThat(to).as("%s from %s", action, end).isEqualTo(end));
            }
        }
    }

    @Test
    void onlyOpenNeedsCanBeWithdrawn() {
        for (NeedStatus s : NeedStatus.values()) {
            assertThat(s.allows(NeedAction.WITHDRAW)).as(s.name()).isEqualTo(s.isOpen());
        }
    }

    private static Map<NeedAction, Map<NeedStatus, NeedStatus>> parse() {
        Map<NeedAction, Map<NeedStatus, NeedStatus>> table = new HashMap<>();
        for (String line : ALLOWED.strip().split("\n")) {
            String[] parts = line.strip().split("\\s+");
            Map<NeedStatus, NeedStatus> moves = new HashMap<>();
            for (int i = 1; i < parts.length; i++) {
                String[] move = parts[i].split(">");
                NeedStatus from = NeedStatus.valueOf(move[0]);
                moves.put(from, move[1].equals("=") ? from : NeedStatus.valueOf(move[1]));
            }
            table.put(NeedAction.valueOf(parts[0]), moves);
        }
        return table;
    }
}
