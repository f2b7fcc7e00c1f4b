package cn.keyida.portal.needs;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.NotFoundException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * The needs' public service for other features that build on a need (the market turns a 成果转化/技术转移
 * need into a 技术需求): they read the need's facts and leave a link and a timeline entry on it, in their
 * own transaction, without naming needs' tables.
 */
@ApplicationScoped
public class NeedLinks {

    /** The category whose needs may become market demands. */
    public static final String TRANSFER = "TRANSFER";

    /** What a feature may read of a need to build on it. */
    public record Source(long id, String trackingNo, String categoryCode, String categoryName, String title,
            String description, String expectedOutcome, BigDecimal budget, LocalDate wantedBy, String enterpriseSubject,
            String enterpriseName, String status) {}

    public record Link(String label, String url) {}

    @Transactional
    public Optional<Source> source(long needId) {
        return Need.<Need>find("from Need n join fetch n.enterprise join fetch n.category where n.id = ?1", needId)
                .firstResultOptional()
                .map(n -> new Source(n.id, n.trackingNo, n.category.code, n.category.name, n.title, n.description,
                        n.expectedOutcome, n.budget, n.wantedBy, n.enterprise.subject, n.enterprise.name, n.status.name()));
    }

    /**
     * Sets the need's link of this kind (replacing an earlier one) and records the step on its timeline,
     * visible to the enterprise; joins the caller's transaction.
     */
    @Transactional
    public void link(long needId, String kind, String label, String url, String actor, String timelineNote) {
        Need need = Need.<Need>findByIdOptional(needId).orElseThrow(() -> new NotFoundException("需求不存在"));
        NeedLink l = NeedLink.<NeedLink>find("needId = ?1 and kind = ?2", needId, kind).firstResultOptional()
                .orElseGet(NeedLink::new);
        l.needId = needId;
        l.kind = kind;
        l.label = label;
        l.url = url;
        l.createdAt = Instant.now();
        l.persist();
        NeedEvent.record(need, actor, label, need.status, timelineNote, true);
    }

    @Transactional
    public List<Link> links(long needId) {
        return NeedLink.forNeed(needId).stream().map(l -> new Link(l.label, l.url)).toList();
    }
}
