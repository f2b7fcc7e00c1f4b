package cn.keyida.portal.vouchers;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import org.hibernate.annotations.Immutable;

/** One entry of a voucher's append-only timeline; the enterprise, the provider and staff all see it. */
@Entity
@Immutable
@Table(name = "voucher_event")
public class VoucherEvent extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "voucher_id")
    public Long voucherId;

    public Instant at;
    public String actor;
    public String action;

    @Enumerated(EnumType.STRING)
    @Column(name = "from_status")
    public VoucherStatus fromStatus;

    @Enumerated(EnumType.STRING)
    @Column(name = "to_status")
    public VoucherStatus toStatus;

    public String note = "";

    static void record(Voucher v, String actor, String action, VoucherStatus from, String note) {
        VoucherEvent e = new VoucherEvent();
        e.voucherId = v.id;
        e.at = Instant.now();
        e.actor = actor;
        e.action = action;
        e.fromStatus = from;
        e.toStatus = v.status;
        e.note = note == null ? "" : note;
        e.persist();
        // a concurrent change of the voucher fails here (OptimisticLockException → 409), inside the action
        getEntityManager().flush();
    }

    public static List<VoucherEvent> timeline(long voucherId) {
        return list("voucherId = ?1 order by id", voucherId);
    }
}
