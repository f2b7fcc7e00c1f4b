package cn.keyida.portal.vouchers;

import cn.keyida.portal.common.BaseEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.util.List;
import java.util.Optional;

/** A service provider (服务机构), keyed by its user's OIDC subject; listed once staff approve it. */
@Entity
@Table(name = "voucher_provider")
public class VoucherProvider extends BaseEntity {

    public String subject;
    public String username;
    public String name;

    @Column(name = "credit_code")
    public String creditCode;

    @Column(name = "legal_representative")
    public String legalRepresentative;

    @Column(name = "contact_person")
    public String contactPerson;

    public String mobile;
    public String email;
    /** CMA/CNAS certificate numbers and other credentials, free text. */
    public String credentials = "";
    public String categories;
    public String description = "";

    @Enumerated(EnumType.STRING)
    public ProviderStatus status;

    @Column(name = "review_note")
    public String reviewNote = "";

    public String categoryLabels() {
        return String.join("、", VoucherBatch.split(categories).stream()
                .map(c -> Category.of(c).map(x -> x.label).orElse(c)).toList());
    }

    public boolean hasCategory(String code) {
        return VoucherBatch.split(categories).contains(code);
    }

    public static Optional<VoucherProvider> findBySubject(String subject) {
        return find("subject", subject).firstResultOptional();
    }

    public static List<VoucherProvider> listed() {
        return list("status = ?1 order by name", ProviderStatus.APPROVED);
    }
}
