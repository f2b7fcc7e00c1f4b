package cn.keyida.portal.vouchers;

import cn.keyida.portal.common.BaseEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/** An application (申领) and, once approved, the voucher it became, up to its redemption (兑付). */
@Entity
@Table(name = "voucher")
public class Voucher extends BaseEntity {

    /** The voucher number (券号), given on approval. */
    public String number;

    @Column(name = "batch_id")
    public Long batchId;

    @Column(name = "enterprise_id")
    public Long enterpriseId;

    @Column(name = "enterprise_name")
    public String enterpriseName;

    @Column(name = "provider_id")
    public Long providerId;

    @Column(name = "offer_id")
    public Long offerId;

    @Column(name = "service_text")
    public String serviceText;

    @Enumerated(EnumType.STRING)
    public Category category;

    /** Declared by the enterprise, compared with the provider's for the fraud flags. */
    @Column(name = "legal_representative")
    public String legalRepresentative;

    @Column(name = "contact_mobile")
    public String contactMobile;

    @Column(name = "quote_amount")
    public BigDecimal quoteAmount;

    @Column(name = "requested_amount")
    public BigDecimal requestedAmount;

    @Column(name = "approved_amount")
    public BigDecimal approvedAmount;

    @Column(name = "valid_until")
    public LocalDate validUntil;

    @Column(name = "reject_reason")
    public String rejectReason = "";

    @Column(name = "contract_amount")
    public BigDecimal contractAmount;

    @Column(name = "contract_from")
    public LocalDate contractFrom;

    @Column(name = "contract_to")
    public LocalDate contractTo;

    @Column(name = "invoice_amount")
    public BigDecimal invoiceAmount;

    @Column(name = "redemption_amount")
    public BigDecimal redemptionAmount;

    @Column(name = "paid_on")
    public LocalDate paidOn;

    @Column(name = "payment_reference")
    public String paymentReference = "";

    /** The two experts (usernames of the realm role expert) staff named for a large application. */
    @Column(name = "expert_a")
    public String expertA;

    @Column(name = "expert_b")
    public String expertB;

    @Enumerated(EnumType.STRING)
    public VoucherStatus status;

    public boolean needsExperts(VoucherBatch b) {
        return b.expertThreshold != null && requestedAmount.compareTo(b.expertThreshold) > 0;
    }

    @Column(name = "submitted_at")
    public Instant submittedAt;

    @Column(name = "approved_at")
    public Instant approvedAt;

    @Column(name = "redeemed_at")
    public Instant redeemedAt;
}
