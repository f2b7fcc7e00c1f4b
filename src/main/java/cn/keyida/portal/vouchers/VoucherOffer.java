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
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** One service of a provider's catalogue: a price, or 面议 when {@code price} is null. */
@Entity
@Table(name = "voucher_offer")
public class VoucherOffer extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "provider_id")
    public Long providerId;

    public String name;

    @Enumerated(EnumType.STRING)
    public Category category;

    public BigDecimal price;

    @Column(name = "typical_days")
    public Integer typicalDays;

    @Column(name = "created_at")
    public Instant createdAt = Instant.now();

    public String priceText() {
        return price == null ? "面议" : VoucherAmount.yuan(price);
    }

    public static List<VoucherOffer> of(long providerId) {
        return list("providerId = ?1 order by id", providerId);
    }
}
