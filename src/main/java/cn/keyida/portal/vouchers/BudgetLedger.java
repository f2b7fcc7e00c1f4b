package cn.keyida.portal.vouchers;

import cn.keyida.portal.web.ConflictException;
import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * The batch budget. Every change of {@code reserved}/{@code redeemed} first locks the batch row
 * ({@code select ... for update}), so approvals on any number of instances are serialised per batch
 * and the remaining budget and the enterprise's annual use are read after the previous approval
 * committed. The table's check constraint ({@code reserved + redeemed <= total_budget}) would refuse
 * an overdraft even if this code were bypassed.
 */
@ApplicationScoped
class BudgetLedger {

    record Locked(BigDecimal total, BigDecimal reserved, BigDecimal redeemed) {
        BigDecimal remaining() {
            return total.subtract(reserved).subtract(redeemed);
        }
    }

    private static EntityManager em() {
        return Panache.getEntityManager();
    }

    Locked lock(long batchId) {
        Object[] row = (Object[]) em().createNativeQuery(
                "select total_budget, reserved, redeemed from voucher_batch where id = :id for update")
                .setParameter("id", batchId).getSingleResult();
        return new Locked((BigDecimal) row[0], (BigDecimal) row[1], (BigDecimal) row[2]);
    }

    /**
     * What the enterprise was approved in {@code year} over all batches (approved or paid): a batch's annual
     * cap limits the enterprise's total for the year, however many batches it applied in. Unlocked for the
     * forms; {@link #reserve} reads it again under the enterprise's lock.
     */
    BigDecimal usedInYear(long enterpriseId, int year) {
        Object sum = em().createNativeQuery("""
                select coalesce(sum(coalesce(redemption_amount, approved_amount)), 0) from voucher
                where enterprise_id = :e and status in (:s)
                  and extract(year from approved_at at time zone 'Asia/Shanghai') = :y""")
                .setParameter("e", enterpriseId)
                .setParameter("s", VoucherStatus.COUNTING.stream().map(Enum::name).toList())
                .setParameter("y", year).getSingleResult();
        return new BigDecimal(sum.toString()).setScale(2);
    }

    /**
     * Reserves {@code amount} for an approval: refused (409) when it exceeds the remaining budget or what
     * is left of the enterprise's annual cap. Must run in the approval's transaction. The batch row lock
     * serialises approvals in one batch; a transaction-scoped advisory lock per enterprise serialises
     * approvals of one enterprise in different batches (always taken after the batch lock, so two approvals
     * never wait for each other in opposite orders).
     */
    void reserve(VoucherBatch batch, long enterpriseId, BigDecimal amount, LocalDate today) {
        Locked b = lock(batch.id);
        if (amount.compareTo(b.remaining()) > 0) {
            throw new ConflictException("批次剩余预算 " + VoucherAmount.yuan(b.remaining()) + "，不足以核准 "
                    + VoucherAmount.yuan(amount) + "，未核准。");
        }
        em().createNativeQuery("select pg_advisory_xact_lock(hashtextextended('voucher_enterprise:' || :e, 0))")
                .setParameter("e", enterpriseId).getSingleResult();
        BigDecimal used = usedInYear(enterpriseId, today.getYear());
        BigDecimal capLeft = batch.annualCap.subtract(used);
        if (amount.compareTo(capLeft) > 0) {
            throw new ConflictException("该企业本年度（各批次合计）已核准 " + VoucherAmount.yuan(used) + "，年度上限 "
                    + VoucherAmount.yuan(batch.annualCap) + "，最多还可核准 " + VoucherAmount.yuan(capLeft.max(BigDecimal.ZERO))
                    + "，未核准。");
        }
        em().createNativeQuery("update voucher_batch set reserved = reserved + :a where id = :id")
                .setParameter("a", amount).setParameter("id", batch.id).executeUpdate();
    }

    /** An expired or cancelled voucher gives its reservation back. */
    void release(long batchId, BigDecimal amount) {
        lock(batchId);
        em().createNativeQuery("update voucher_batch set reserved = reserved - :a where id = :id")
                .setParameter("a", amount).setParameter("id", batchId).executeUpdate();
    }

    /** A payment turns the reservation into the paid amount (the rest of the reservation is released). */
    void redeem(long batchId, BigDecimal reservedAmount, BigDecimal paid) {
        lock(batchId);
        em().createNativeQuery(
                "update voucher_batch set reserved = reserved - :r, redeemed = redeemed + :p where id = :id")
                .setParameter("r", reservedAmount).setParameter("p", paid).setParameter("id", batchId).executeUpdate();
    }
}
