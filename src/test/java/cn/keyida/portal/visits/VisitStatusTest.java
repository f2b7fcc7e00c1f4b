package cn.keyida.portal.visits;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Every action in every state of a visit, written out by hand. */
class VisitStatusTest {

    @Test
    void everyActionInEveryStateIsAllowedOrRefusedAsWrittenDown() {
        // action: PLANNED, RECORDED, CANCELLED ("-" refused)
        String[][] table = {
            {"RECORD", "RECORDED", "RECORDED", "-"},
            {"CANCEL", "CANCELLED", "-", "-"},
            {"RAISE_NEED", "-", "RECORDED", "-"},
        };
        assertThat(table.length).isEqualTo(VisitStatus.Action.values().length);
        for (String[] row : table) {
            VisitStatus.Action action = VisitStatus.Action.valueOf(row[0]);
            for (VisitStatus from : VisitStatus.values()) {
                String want = row[1 + from.ordinal()];
                assertThat(from.after(action)).as("%s in %s", action, from)
                        .isEqualTo(want.equals("-") ? Optional.empty() : Optional.of(VisitStatus.valueOf(want)));
            }
        }
    }
}
