package cn.keyida.portal.vouchers;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Every action in every state, for the voucher, the batch and the provider: exactly these moves are allowed. */
class VoucherStatusTest {

    /** Written out by hand from issue 21's cycle. */
    private static final String ALLOWED = """
            START_REVIEW        SUBMITTED>IN_REVIEW
            REQUEST_EXPERTS     IN_REVIEW>EXPERT_REVIEW
            EXPERT_OPINION      EXPERT_REVIEW>EXPERT_REVIEW
            REVIEWS_COMPLETE    EXPERT_REVIEW>IN_REVIEW
            APPROVE             IN_REVIEW>APPROVED
            REJECT              SUBMITTED>REJECTED IN_REVIEW>REJECTED EXPERT_REVIEW>REJECTED
            CONFIRM_CONTRACT    APPROVED>CONTRACTED
            CONFIRM_DELIVERY    CONTRACTED>DELIVERED
            ACCEPT_DELIVERY     DELIVERED>ACCEPTED
            REQUEST_REDEMPTION  ACCEPTED>REDEMPTION_REQUESTED REDEMPTION_RETURNED>REDEMPTION_REQUESTED
            PAY                 REDEMPTION_REQUESTED>REDEEMED
            RETURN_REDEMPTION   REDEMPTION_REQUESTED>REDEMPTION_RETURNED
            EXPIRE              APPROVED>EXPIRED
            CANCEL              SUBMITTED>CANCELLED IN_REVIEW>CANCELLED EXPERT_REVIEW>CANCELLED APPROVED>CANCELLED
            """;

    @Test
    void everyVoucherActionInEveryStateIsAllowedOrRefusedAsWrittenDown() {
        Map<VoucherAction, Map<VoucherStatus, VoucherStatus>> expected = new HashMap<>();
        for (String line : ALLOWED.strip().split("\n")) {
            String[] f = line.strip().split("\\s+");
            Map<VoucherStatus, VoucherStatus> moves = new HashMap<>();
            for (int i = 1; i < f.length; i++) {
                String[] m = f[i].split(">");
                moves.put(VoucherStatus.valueOf(m[0]), VoucherStatus.valueOf(m[1]));
            }
            expected.put(VoucherAction.valueOf(f[0]), moves);
        }
        assertThat(expected.keySet()).containsExactlyInAnyOrder(VoucherAction.values());
        int allowed = 0;
        for (VoucherAction action : VoucherAction.values()) {
            for (VoucherStatus from : VoucherStatus.values()) {
                Optional<VoucherStatus> want = Optional.ofNullable(expected.get(action).get(from));
                assertThat(from.after(action)).as("%s in %s", action, from).isEqualTo(want);
                assertThat(from.allows(action)).as("%s allowed in %s", action, from).isEqualTo(want.isPresent());
                allowed += want.isPresent() ? 1 : 0;
            }
        }
        assertThat(allowed).isEqualTo(20);
    }

    @Test
    void finalStatesAllowNothing() {
        for (VoucherStatus end : new VoucherStatus[] {VoucherStatus.REDEEMED, VoucherStatus.REJECTED,
                VoucherStatus.EXPIRED, VoucherStatus.CANCELLED}) {
            for (VoucherAction action : VoucherAction.values()) {
                assertThat(end.allows(action)).as("%s in %s", action, end).isFalse();
            }
        }
    }

    @Test
    void exactlyTheStatesBetweenApprovalAndPaymentHoldAReservation() {
        for (VoucherStatus s : VoucherStatus.values()) {
            boolean between = switch (s) {
                case APPROVED, CONTRACTED, DELIVERED, ACCEPTED, REDEMPTION_REQUESTED, REDEMPTION_RETURNED -> true;
                default -> false;
            };
            assertThat(s.reserves()).as(s.name()).isEqualTo(between);
        }
    }

    @Test
    void batchTable() {
        String expected = """
                DRAFT OPEN>OPEN CLOSE>- EDIT>DRAFT
                OPEN OPEN>- CLOSE>CLOSED EDIT>OPEN
                CLOSED OPEN>- CLOSE>- EDIT>-""";
        StringBuilder actual = new StringBuilder();
        for (BatchStatus s : BatchStatus.values()) {
            actual.append(s.name());
            for (BatchStatus.Action a : BatchStatus.Action.values()) {
                actual.append(' ').append(a.name()).append('>').append(s.after(a).map(Enum::name).orElse("-"));
            }
            actual.append('\n');
        }
        assertThat(actual.toString().strip()).isEqualTo(expected);
    }

    @Test
    void providerTable() {
        String expected = """
                PENDING APPROVE>APPROVED REJECT>REJECTED RESUBMIT>PENDING
                APPROVED APPROVE>- REJECT>- RESUBMIT>PENDING
                REJECTED APPROVE>- REJECT>- RESUBMIT>PENDING""";
        StringBuilder actual = new StringBuilder();
        for (ProviderStatus s : ProviderStatus.values()) {
            actual.append(s.name());
            for (ProviderStatus.Action a : ProviderStatus.Action.values()) {
                actual.append(' ').append(a.name()).append('>').append(s.after(a).map(Enum::name).orElse("-"));
            }
            actual.append('\n');
        }
        assertThat(actual.toString().strip()).isEqualTo(expected);
    }
}
