package cn.keyida.portal.market;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A broker's follow-up on a case (the needs follow-up kinds); public ones also show on the timeline. */
@Entity
@Table(name = "market_followup")
public class MarketFollowUp extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "case_id")
    public long caseId;

    public String kind;
    public String notes;

    @Column(name = "public")
    public boolean visible;

    public String actor;
    public Instant at;
}
