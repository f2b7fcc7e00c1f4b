package cn.keyida.portal.market;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/** A 技术经纪人 and the fields they broker (empty: every field). */
@Entity
@Table(name = "market_broker")
public class MarketBroker extends PanacheEntityBase {

    @Id
    public String username;

    @Column(name = "display_name")
    public String displayName;

    public String email;

    @Column(name = "field_codes")
    public String fieldCodes = "";

    public boolean active = true;

    @Column(name = "last_assigned_at")
    public Instant lastAssignedAt;

    boolean covers(String fieldCode) {
        return fieldCodes == null || fieldCodes.isBlank() || Arrays.asList(fieldCodes.split(",")).contains(fieldCode);
    }

    /** The next broker for a field, locked: the active one of that field assigned longest ago. */
    static MarketBroker next(String fieldCode) {
        List<MarketBroker> all = getEntityManager().createQuery(
                "from MarketBroker b where b.active = true order by b.lastAssignedAt asc nulls first, b.username",
                MarketBroker.class).setLockMode(jakarta.persistence.LockModeType.PESSIMISTIC_WRITE).getResultList();
        return all.stream().filter(b -> b.covers(fieldCode)).findFirst()
                .orElseThrow(() -> new MarketConflictException("暂无负责该领域的技术经纪人，请联系管理员"));
    }
}
