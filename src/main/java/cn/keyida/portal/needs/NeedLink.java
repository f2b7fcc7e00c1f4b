package cn.keyida.portal.needs;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;

/** What another feature made of a need (a 技术需求 in the market), shown on the need's pages. */
@Entity
@Table(name = "need_link")
public class NeedLink extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "need_id")
    public Long needId;

    public String kind;
    public String label;
    public String url;

    @Column(name = "created_at")
    public Instant createdAt;

    static List<NeedLink> forNeed(long needId) {
        return list("needId = ?1 order by id", needId);
    }
}
