package cn.keyida.portal.needs;

import cn.keyida.portal.common.PortalClock;
import cn.keyida.portal.enterprise.EnterpriseProfile;
import cn.keyida.portal.enterprise.MobileNumber;
import cn.keyida.portal.staff.StaffDirectory;
import cn.keyida.portal.staff.StaffMember;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.NotFoundException;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What the need pages show, read in one transaction each and returned as view records with everything
 * the templates touch already loaded (fetch joins), so no page opens a transaction or loads lazily.
 */
@ApplicationScoped
public class NeedViews {

    private static final int PAGE_SIZE = 30;

    /** The fetch joins every page with need rows needs. */
    private static final String NEED = "from Need n join fetch n.enterprise join fetch n.category";

    private final StaffDirectory staff;
    private final PortalClock clock;

    private final jakarta.enterprise.inject.Instance<NeedContributions> contributions;

    private final NeedLinks needLinks;

    NeedViews(StaffDirectory staff, PortalClock clock, jakarta.enterprise.inject.Instance<NeedContributions> contributions,
            NeedLinks needLinks) {
        this.needLinks = needLinks;
        this.staff = staff;
        this.clock = clock;
        this.contributions = contributions;
    }

    /** Other features' entries on a need (the expert pool's advice), for the enterprise or for staff. */
    private List<NeedContributions.Contribution> contributions(long needId, boolean enterprise) {
        return contributions.stream().flatMap(c -> (enterprise ? c.forEnterprise(needId) : c.forStaff(needId)).stream())
                .sorted(java.util.Comparator.comparing(NeedContributions.Contribution::at)).toList();
    }

    // ------------------------------------------------------------------ the enterprise's pages

    public record MyList(EnterpriseProfile profile, List<Need> needs) {}

    public record NewNeed(EnterpriseProfile profile, List<NeedCategory> categories) {}

    public record MyDetail(Need need, List<NeedEvent> timeline, List<FollowUp> replies,
            List<NeedAttachment> attachments, List<NeedCallback.Satisfaction> satisfactions,
            List<NeedCallback.Resolved> resolutions, NeedCallback rating, List<NeedLinks.Link> links,
            List<NeedContributions.Contribution> contributions) {}

    @Transactional
    public MyList myList(String subject) {
        EnterpriseProfile profile = EnterpriseProfile.findBySubject(subject).orElse(null);
        return new MyList(profile, profile == null ? List.of()
                : Need.<Need>find(NEED + " where n.enterprise.id = ?1 order by n.id desc", profile.id).list());
    }

    /** Empty while the enterprise has no profile: it must fill it in first. */
    @Transactional
    public Optional<NewNeed> newNeed(String subject) {
        return EnterpriseProfile.findBySubject(subject).map(p -> new NewNeed(p, NeedCategory.listActive()));
    }

    /** The enterprise's own need (404 for anyone else's, by any URL), with only what it may see. */
    @Transactional
    public MyDetail myDetail(String trackingNo, String subject) {
        Need need = Need.<Need>find(NEED + " where n.trackingNo = ?1 and n.enterprise.subject = ?2", trackingNo, subject)
                .firstResultOptional().orElseThrow(() -> new NotFoundException("未找到该需求"));
        return new MyDetail(need, NeedEvent.timeline(need.id, true), FollowUp.forNeed(need.id, true),
                NeedAttachment.forNeed(need.id), List.of(NeedCallback.Satisfaction.values()),
                List.of(NeedCallback.Resolved.values()), recordedRating(need).orElse(null), needLinks.links(need.id),
                contributions(need.id, true));
    }

    @Transactional
    public NeedAttachment myAttachment(String trackingNo, String subject, long attachmentId) {
        Need need = Need.findOwn(trackingNo, subject).orElseThrow(() -> new NotFoundException("未找到该需求"));
        return attachment(need.id, attachmentId);
    }

    // ------------------------------------------------------------------ the staff's pages

    public record Row(Need need, String enterprise, String district, String maskedMobile, String assigneeName,
            boolean overdue, boolean dueSoon) {}

    public record Filters(String status, String category, String district, String assignee, boolean overdue,
            String from, String to, String sort) {}

    public record Queue(List<Row> rows, long total, Map<NeedStatus, Long> counts, Filters filters, int page, int pages,
            List<NeedCategory> categories, List<StaffMember> staff, List<String> districts, List<NeedStatus> statuses,
            String filterQuery, Map<String, String> described) {}

    public record StaffDetail(Need need, EnterpriseProfile enterprise, List<NeedEvent> timeline,
            List<FollowUp> followUps, List<NeedAttachment> attachments, List<NeedCallback> callbacks,
            List<StaffMember> staff, String assigneeName, List<FollowUp.Kind> kinds,
            List<NeedCallback.Satisfaction> satisfactions, List<NeedCallback.Resolved> resolutions,
            List<ReplyTemplate> replyTemplates, boolean overdue, List<NeedLinks.Link> links,
            List<NeedContributions.Contribution> contributions) {}

    /** A canned reply: the button says what it is, the text fills the follow-up. */
    public record ReplyTemplate(String title, String text) {}

    static final List<ReplyTemplate> REPLY_TEMPLATES = List.of(
            new ReplyTemplate("已收到，安排对接", "您好，您的需求已收到，我们将安排专人对接，请保持电话畅通。"),
            new ReplyTemplate("已匹配政策/专家", "您好，根据您的需求，已为您匹配相关政策/专家，详情见附言，如有疑问请随时联系。"),
            new ReplyTemplate("请补充研发材料", "您好，为更好地办理您的需求，请补充企业近一年研发投入及相关证明材料。"),
            new ReplyTemplate("已办结，邀请评价", "您好，您的需求已办理完毕，欢迎对本次服务进行评价。"));

    @Transactional
    public Queue queue(Filters f, int page) {
        LocalDate today = clock.today();
        NeedFilter q = NeedFilter.of(f, today, staff.names());
        long total = Need.count("from Need n where " + q.where(), q.params());
        List<Need> list = Need.<Need>find(NEED + " where " + q.where() + " order by " + q.order(), q.params())
                .page(Page.of(page - 1, PAGE_SIZE)).list();
        Map<String, String> names = staff.names();
        List<Row> rows = list.stream().map(n -> new Row(n, n.enterprise.name, n.enterprise.district,
                MobileNumber.mask(n.enterprise.mobile), names.get(n.assignee), n.isOverdue(today), n.isDueSoon(today)))
                .toList();
        Map<NeedStatus, Long> counts = new LinkedHashMap<>();
        for (NeedStatus s : NeedStatus.values()) {
            counts.put(s, 0L);
        }
        for (Object[] r : Need.getEntityManager().createQuery("select n.status, count(n) from Need n group by n.status",
                Object[].class).getResultList()) {
            counts.put((NeedStatus) r[0], (Long) r[1]);
        }
        return new Queue(rows, total, counts, f, page, (int) Math.max(1, (total + PAGE_SIZE - 1) / PAGE_SIZE),
                NeedCategory.listAllSorted(), staff.active(), EnterpriseProfile.DISTRICTS, List.of(NeedStatus.values()),
                q.urlQuery(), q.described());
    }

    @Transactional
    public StaffDetail staffDetail(long id) {
        Need need = Need.<Need>find(NEED + " where n.id = ?1", id).firstResultOptional()
                .orElseThrow(() -> new NotFoundException("需求不存在"));
        return new StaffDetail(need, need.enterprise, NeedEvent.timeline(id, false), FollowUp.forNeed(id, false),
                NeedAttachment.forNeed(id), NeedCallback.forNeed(id), staff.active(), staff.names().get(need.assignee),
                List.of(FollowUp.Kind.values()), List.of(NeedCallback.Satisfaction.values()),
                List.of(NeedCallback.Resolved.values()), REPLY_TEMPLATES, need.isOverdue(clock.today()), needLinks.links(id),
                contributions(id, false));
    }

    @Transactional
    public NeedAttachment staffAttachment(long needId, long attachmentId) {
        return attachment(needId, attachmentId);
    }

    /** How many needs are waiting, for the staff start page. */
    public record Workload(long submitted, long mine, long overdue) {}

    @Transactional
    public Workload workload(String username) {
        return new Workload(Need.count("status", NeedStatus.SUBMITTED),
                Need.count("assignee = ?1 and status in ?2", username, NeedStatus.OPEN),
                Need.count("from Need n where " + Need.OVERDUE, Parameters.with("today", clock.today())));
    }

    // ------------------------------------------------------------------ the one-click rating link

    /** {@code recorded}: the answer already given this round (by any channel); then there is no form. */
    public record CallbackView(String token, String trackingNo, String title, String resolution, NeedCallback recorded) {}

    /**
     * The need a valid link rates, or, once the need was rated (through this link, the need page or by
     * phone), the recorded answer; empty when the link is unknown, or used or expired without a rating.
     */
    @Transactional
    public Optional<CallbackView> callback(String token) {
        return CallbackLink.findAny(CallbackLink.hash(token)).flatMap(l -> {
            Need n = Need.findById(l.needId);
            Optional<NeedCallback> recorded = recordedRating(n);
            if (recorded.isPresent()) {
                return Optional.of(new CallbackView(token, n.trackingNo, n.title, n.resolution, recorded.get()));
            }
            boolean valid = l.usedAt == null && l.expiresAt.isAfter(clock.now()) && n.status == NeedStatus.RESOLVED;
            return valid ? Optional.of(new CallbackView(token, n.trackingNo, n.title, n.resolution, null))
                    : Optional.empty();
        });
    }

    /** The latest answer given, unless the need waits for this round's rating (RESOLVED). */
    private static Optional<NeedCallback> recordedRating(Need need) {
        return need.status == NeedStatus.RESOLVED ? Optional.empty() : NeedCallback.latestRating(need.id);
    }

    private static NeedAttachment attachment(long needId, long attachmentId) {
        NeedAttachment a = NeedAttachment.<NeedAttachment>find("id = ?1 and needId = ?2", attachmentId, needId)
                .firstResultOptional().orElseThrow(NotFoundException::new);
        Objects.requireNonNull(a.data); // the lazy content, read inside the transaction
        return a;
    }

}
