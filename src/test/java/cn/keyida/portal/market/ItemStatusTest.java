package cn.keyida.portal.market;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Every action in every state of items and of 对接 cases: exactly these moves, the rest refused. */
class ItemStatusTest {

    /** Written out by hand from the rules; "=" means the state stays. */
    private static final String ITEM = """
            EDIT                DRAFT>= RETURNED>=
            SUBMIT              DRAFT>PENDING RETURNED>PENDING
            APPROVE             PENDING>PUBLISHED
            RETURN              PENDING>RETURNED
            SUBMIT_REVISION     PUBLISHED>=
            APPROVE_REVISION    PUBLISHED>=
            RETURN_REVISION     PUBLISHED>=
            TAKE_DOWN           PUBLISHED>WITHDRAWN
            ERASE_PERSONAL_DATA DRAFT>WITHDRAWN PENDING>WITHDRAWN PUBLISHED>WITHDRAWN RETURNED>WITHDRAWN WITHDRAWN>=
            """;

    private static final String CASE = """
            NEGOTIATE   INTENT>NEGOTIATING
            SIGN        NEGOTIATING>SIGNED
            REGISTER    SIGNED>REGISTERED
            TERMINATE   INTENT>TERMINATED NEGOTIATING>TERMINATED SIGNED>TERMINATED
            REASSIGN    INTENT>= NEGOTIATING>= SIGNED>=
            FOLLOW_UP   INTENT>= NEGOTIATING>= SIGNED>=
            CONFIRM     SIGNED>= REGISTERED>=
            """;

    @Test
    void everyItemActionInEveryStateIsAllowedOrRefusedAsWrittenDown() {
        Map<String, Map<String, String>> expected = parse(ITEM);
        assertThat(expected.keySet()).hasSize(ItemAction.values().length);
        int allowed = 0;
        for (ItemAction action : ItemAction.values()) {
            for (ItemStatus from : ItemStatus.values()) {
                Optional<ItemStatus> want = Optional.ofNullable(expected.get(action.name()).get(from.name()))
                        .map(ItemStatus::valueOf);
                assertThat(from.after(action)).as("%s in %s", action, from).isEqualTo(want);
                assertThat(from.allows(action)).as("%s allowed in %s", action, from).isEqualTo(want.isPresent());
                allowed += want.isPresent() ? 1 : 0;
            }
        }
        assertThat(allowed).isEqualTo(15);
    }

    @Test
    void everyCaseActionInEveryStateIsAllowedOrRefusedAsWrittenDown() {
        Map<String, Map<String, String>> expected = parse(CASE);
        assertThat(expected.keySet()).hasSize(CaseAction.values().length);
        int allowed = 0;
        for (CaseAction action : CaseAction.values()) {
            for (CaseStatus from : CaseStatus.values()) {
                Optional<CaseStatus> want = Optional.ofNullable(expected.get(action.name()).get(from.name()))
                        .map(CaseStatus::valueOf);
                assertThat(from.after(action)).as("%s in %s", action, from).isEqualTo(want);
                assertThat(from.allows(action)).as("%s allowed in %s", action, from).isEqualTo(want.isPresent());
                allowed += want.isPresent() ? 1 : 0;
            }
        }
        assertThat(allowed).isEqualTo(14);
    }

    @Test
    void registeredAndTerminatedCasesAreFinal() {
        for (CaseStatus end : new CaseStatus[] {CaseStatus.REGISTERED, CaseStatus.TERMINATED}) {
            for (CaseAction action : CaseAction.values()) {
                end.after(action).ifPresent(to -> assertThat(to).as("%s from %s", action, end).isEqualTo(end));
            }
        }
    }

    private static Map<String, Map<String, String>> parse(String text) {
        Map<String, Map<String, String>> table = new HashMap<>();
        for (String line : text.strip().split("\n")) {
            String[] parts = line.strip().split("\\s+");
            Map<String, String> moves = new HashMap<>();
            for (int i = 1; i < parts.length; i++) {
                String[] move = parts[i].split(">");
                moves.put(move[0], move[1].equals("=") ? move[0] : move[1]);
            }
            table.put(parts[0], moves);
        }
        return table;
    }
}
