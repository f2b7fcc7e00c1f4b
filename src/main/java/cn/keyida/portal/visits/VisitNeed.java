package cn.keyida.portal.visits;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A need raised from a visit (the need itself belongs to the needs feature). */
@Entity
@Table(name = "visit_need")
public class VisitNeed extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "visit_id")
    public long visitId;

    @Column(name = "need_id")
    public long needId;

    @Column(name = "tracking_no")
    public String trackingNo;

    @Column(name = "created_at")
    public Instant createdAt;
}
