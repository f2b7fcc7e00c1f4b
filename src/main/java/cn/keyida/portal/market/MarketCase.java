package cn.keyida.portal.market;

import cn.keyida.portal.common.BaseEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/** A 对接 case between a demand side and a supply side, followed by a broker to a registered contract. */
@Entity
@Table(name = "market_case")
public class MarketCase extends BaseEntity {

    public static final java.util.List<String> CONTRACT_TYPES = java.util.List.of("技术开发", "技术转让", "技术许可",
            "技术咨询", "技术服务");

    @Column(name = "demand_id")
    public Long demandId;

    @Column(name = "achievement_id")
    public Long achievementId;

    @Column(name = "field_code")
    public String fieldCode;

    @Enumerated(EnumType.STRING)
    public CaseStatus status;

    public String broker;

    @Column(name = "opened_by")
    public String openedBy;

    /** Names of the two sides (the enterprise with the demand, the holder of the achievement). */
    @Column(name = "demand_side")
    public String demandSide;

    @Column(name = "supply_side")
    public String supplySide;

    @Column(name = "demand_subject")
    public String demandSubject;

    @Column(name = "supply_subject")
    public String supplySubject;

    @Column(name = "contract_type")
    public String contractType;

    public BigDecimal amount;
    public String parties;

    @Column(name = "signed_on")
    public LocalDate signedOn;

    @Column(name = "registration_no")
    public String registrationNo;

    @Column(name = "registering_body")
    public String registeringBody;

    @Column(name = "demand_confirmed")
    public boolean demandConfirmed;

    @Column(name = "supply_confirmed")
    public boolean supplyConfirmed;

    @Column(name = "end_reason")
    public String endReason = "";

    /** When the case entered its current state: the stuck-case reminder counts from here. */
    @Column(name = "status_since")
    public Instant statusSince;

    public String title() {
        return demandSide + " × " + supplySide;
    }

    /** Both sides confirmed the contract figures: only then do they count in the statistics. */
    public boolean figuresConfirmed() {
        return demandConfirmed && supplyConfirmed;
    }

    boolean isParty(String subject) {
        return subject != null && (subject.equals(demandSubject) || subject.equals(supplySubject));
    }
}
