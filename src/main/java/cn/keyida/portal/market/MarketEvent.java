package cn.keyida.portal.market;

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

/**
 * One entry of the append-only timeline of an item (audit trail of its review) or of a 对接 case;
 * {@code public} entries are shown to the owners / both sides.
 */
@Entity
@Immutable
@Table(name = "market_event")
public class MarketEvent extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "item_id")
    public Long itemId;

    @Column(name = "case_id")
    public Long caseId;

    public Instant at;
    public String actor;
    public String action;

    @Column(name = "from_status")
    public String fromStatus;

    @Column(name = "to_status")
    public String toStatus;

    public String note = "";

    @Column(name = "public")
    public boolean visible;

    static void item(MarketItem item, String actor, String action, ItemStatus from, String note, boolean visible) {
        MarketEvent e = new MarketEvent();
        e.itemId = item.id;
        write(e, actor, action, from == null ? null : from.label, item.status.label, note, visible);
    }

    static void ofCase(MarketCase c, String actor, String action, CaseStatus from, String note, boolean visible) {
        MarketEvent e = new MarketEvent();
        e.caseId = c.id;
        write(e, actor, action, from == null ? null : from.label, c.status.label, note, visible);
    }

    private static void write(MarketEvent e, String actor, String action, String from, String to, String note,
            boolean visible) {
        e.at = Instant.now();
        e.actor = actor;
        e.action = action;
        e.fromStatus = from;
        e.toStatus = to;
        e.note = note == null ? "" : note.strip();
        e.visible = visible;
        e.persist();
        // A concurrent change of the item or case fails here (409), inside the action.
        getEntityManager().flush();
    }

    public static List<MarketEvent> ofItem(long itemId, boolean publicOnly) {
        return publicOnly ? list("itemId = ?1 and visible = true order by id", itemId) : list("itemId = ?1 order by id", itemId);
    }

    public static List<MarketEvent> ofCase(long caseId, boolean publicOnly) {
        return publicOnly ? list("caseId = ?1 and visible = true order by id", caseId) : list("caseId = ?1 order by id", caseId);
    }
}
