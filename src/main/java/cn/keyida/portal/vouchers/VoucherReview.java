package cn.keyida.portal.vouchers;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import org.hibernate.annotations.Immutable;

/** One expert's opinion on a large application; one per expert and voucher (a unique constraint). */
@Entity
@Immutable
@Table(name = "voucher_review")
public class VoucherReview extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "voucher_id")
    public Long voucherId;

    public String expert;
    public boolean recommend;
    public String opinion;
    public Instant at;

    public static List<VoucherReview> of(long voucherId) {
        return list("voucherId = ?1 order by id", voucherId);
    }
}
