package cn.keyida.portal.market;

import cn.keyida.portal.common.PortalClock;
import cn.keyida.portal.enterprise.EnterpriseProfile;
import cn.keyida.portal.techfield.TechFields;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.NotFoundException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** What the market's pages show, read in one transaction into view records. */
@ApplicationScoped
public class MarketViews {

    public record Row(MarketItem item, String field) {}

    public record MatchRow(MarketMatch match, MarketItem mine, MarketItem other, String myFeedback) {}

    public record Mine(List<Row> items, List<MatchRow> matches, List<MarketCase> cases) {}

    /** The form: its values, the choices and the errors of the last attempt. */
    public record Form(MarketKind kind, Long id, long version, Map<String, String> values, Map<String, String> errors,
            List<TechFields.Field> fields, List<String> modes, List<String> types, List<Option> maturity, boolean revision) {}

    public record Option(String value, String label) {}

    static final List<Option> MATURITY = java.util.stream.IntStream.rangeClosed(1, 9)
            .mapToObj(l -> new Option(String.valueOf(l), MarketItems.maturityLabel(l))).toList();

    public record Detail(MarketItem item, String field, String maturity, List<MarketEvent> timeline, Contact contact,
            List<String> pendingChanges, List<MarketAttachment.Info> files) {}

    /** The owner's contact details, shown only to logged-in users. */
    public record Contact(String name, String person, String mobile, String email) {}

    public record QueueRow(MarketItem item, String field, boolean revision, boolean overdue) {}

    public record BoardMatch(MarketMatch match, MarketItem demand, MarketItem achievement) {}

    public record Board(List<QueueRow> queue, List<BoardMatch> matches, List<MarketCase> cases, LocalDate today,
            Figures figures) {}

    /** One row of a figures table: a label and its count (and amount in 万元 where there is one). */
    public record Figure(String label, long count, String amount) {}

    /**
     * The market in figures: published items by kind and field, matches sent, cases by state, contracts
     * (figures confirmed by both sides only) by year and type, and conversion from 意向 to 签约.
     */
    public record Figures(List<Figure> publishedByField, long matchesSent, List<Figure> casesByState,
            List<Figure> contracts, String conversion, String averageReviewDays) {}

    public record CaseDetail(MarketCase c, String field, List<MarketEvent> timeline, List<MarketBroker> brokers,
            String brokerName, List<MarketFollowUp> followUps) {}

    private final TechFields fields;
    private final PortalClock clock;

    MarketViews(TechFields fields, PortalClock clock) {
        this.fields = fields;
        this.clock = clock;
    }

    /** Whether an enterprise filled in its profile, which publishing needs. */
    @Transactional
    public boolean hasEnterpriseProfile(String subject) {
        return EnterpriseProfile.findBySubject(subject).isPresent();
    }

    @Transactional
    public Mine mine(String subject) {
        List<MarketItem> items = MarketItem.list("ownerSubject = ?1 order by id desc", subject);
        List<Row> rows = items.stream().map(i -> new Row(i, fields.name(i.fieldCode))).toList();
        Set<Long> ids = items.stream().map(i -> i.id).collect(Collectors.toSet());
        List<MatchRow> matches = new ArrayList<>();
        if (!ids.isEmpty()) {
            for (MarketMatch m : MarketMatch.<MarketMatch>list(
                    "notifiedAt is not null and (demandId in ?1 or achievementId in ?1) order by score desc", ids)) {
                boolean demandSide = ids.contains(m.demandId);
                String feedback = demandSide ? m.demandFeedback : m.achievementFeedback;
                if (MarketMatch.IRRELEVANT.equals(feedback)) {
                    continue;
                }
                MarketItem mine = MarketItem.findById(demandSide ? m.demandId : m.achievementId);
                MarketItem other = MarketItem.findById(demandSide ? m.achievementId : m.demandId);
                if (other.status == ItemStatus.PUBLISHED) {
                    matches.add(new MatchRow(m, mine, other, MarketMatch.label(feedback)));
                }
            }
        }
        List<MarketCase> cases = MarketCase.list("demandSubject = ?1 or supplySubject = ?1 order by id desc", subject);
        return new Mine(rows, matches, cases);
    }

    @Transactional
    public Form newForm(MarketKind kind, Map<String, String> values, Map<String, String> errors) {
        return new Form(kind, null, 0, values, errors, fields.all(), MarketItems.MODES, MarketItems.ACHIEVEMENT_TYPES,
                MATURITY, false);
    }

    /** The owner's edit form: a published item's form starts from its pending revision if there is one. */
    @Transactional
    public Form editForm(long id, String subject, Map<String, String> values, Map<String, String> errors) {
        MarketItem i = own(id, subject);
        Map<String, String> v = values != null ? values : i.pending != null ? i.pending : MarketItems.formOf(i);
        return new Form(i.kind, i.id, i.version, v, errors, fields.all(), MarketItems.MODES, MarketItems.ACHIEVEMENT_TYPES,
                MATURITY, i.status == ItemStatus.PUBLISHED);
    }

    @Transactional
    public Detail own(long id, String subject, boolean withContact) {
        return detail(own(id, subject), false, true);
    }

    /** A published item for the public; contact details only for logged-in users. */
    @Transactional
    public Detail published(MarketKind kind, long id, boolean loggedIn) {
        MarketItem i = MarketItem.<MarketItem>findByIdOptional(id)
                .filter(x -> x.kind == kind && x.status == ItemStatus.PUBLISHED)
                .orElseThrow(() -> new NotFoundException("未找到该信息"));
        return detail(i, true, loggedIn);
    }

    @Transactional
    public Detail staff(long id) {
        MarketItem i = MarketItem.<MarketItem>findByIdOptional(id).orElseThrow(() -> new NotFoundException("未找到该信息"));
        return detail(i, false, true);
    }

    private Detail detail(MarketItem i, boolean publicOnly, boolean withContact) {
        Contact contact = null;
        if (withContact && (!publicOnly || i.namePublic)) {
            if ("ENTERPRISE".equals(i.ownerKind)) {
                contact = EnterpriseProfile.findBySubject(i.ownerSubject)
                        .map(p -> new Contact(p.name, p.contactPerson, p.mobile, p.mailAddress())).orElse(null);
            } else {
                contact = InstitutionProfile.findBySubject(i.ownerSubject)
                        .map(p -> new Contact(p.name, p.contactPerson, p.mobile, p.email)).orElse(null);
            }
        }
        List<String> changes = new ArrayList<>();
        if (i.pending != null) {
            Map<String, String> now = MarketItems.formOf(i);
            i.pending.forEach((k, v) -> {
                if (!v.equals(now.getOrDefault(k, ""))) {
                    changes.add(k + "：" + now.getOrDefault(k, "") + " → " + v);
                }
            });
        }
        return new Detail(i, fields.name(i.fieldCode), MarketItems.maturityLabel(i.maturity),
                publicOnly ? List.of() : MarketEvent.ofItem(i.id, false), contact, changes, MarketAttachment.of(i.id));
    }

    /** The staff board: the review queue (oldest due first), the matches by score, the open cases. */
    @Transactional
    public Board board() {
        LocalDate today = clock.today();
        List<QueueRow> queue = MarketItem.<MarketItem>list("status = ?1 or (status = ?2 and pending is not null) order by reviewDue, id",
                ItemStatus.PENDING, ItemStatus.PUBLISHED).stream()
                .map(i -> new QueueRow(i, fields.name(i.fieldCode), i.status == ItemStatus.PUBLISHED,
                        i.reviewDue != null && i.reviewDue.isBefore(today)))
                .toList();
        List<BoardMatch> matches = MarketMatch.<MarketMatch>find("order by score desc, id").page(0, 100).stream()
                .map(m -> new BoardMatch(m, MarketItem.findById(m.demandId), MarketItem.findById(m.achievementId)))
                .map(b -> (BoardMatch) b).toList();
        List<MarketCase> cases = MarketCase.list("order by id desc");
        return new Board(queue, matches, cases, today, figures());
    }

    @SuppressWarnings("unchecked")
    @Transactional
    public Figures figures() {
        var em = MarketItem.getEntityManager();
        List<Figure> published = ((List<Object[]>) em.createNativeQuery("""
                select kind, field_code, count(*) from market_item
                where status = 'PUBLISHED' group by kind, field_code order by kind, field_code""").getResultList())
                .stream().map(r -> new Figure(MarketKind.valueOf((String) r[0]).label + " · " + fields.name((String) r[1]),
                        ((Number) r[2]).longValue(), "")).toList();
        long sent = MarketMatch.count("notifiedAt is not null");
        Map<CaseStatus, Long> byState = new java.util.EnumMap<>(CaseStatus.class);
        ((List<Object[]>) em.createNativeQuery("select status, count(*) from market_case group by status").getResultList())
                .forEach(r -> byState.put(CaseStatus.valueOf((String) r[0]), ((Number) r[1]).longValue()));
        List<Figure> states = java.util.Arrays.stream(CaseStatus.values())
                .map(st -> new Figure(st.label, byState.getOrDefault(st, 0L), "")).toList();
        List<Figure> contracts = ((List<Object[]>) em.createNativeQuery("""
                select extract(year from signed_on)::int, contract_type, count(*), sum(amount) from market_case
                where status in ('SIGNED', 'REGISTERED') and demand_confirmed and supply_confirmed
                group by 1, 2 order by 1, 2""").getResultList()).stream()
                .map(r -> new Figure(r[0] + "年 · " + r[1], ((Number) r[2]).longValue(),
                        new java.math.BigDecimal(r[3].toString()).stripTrailingZeros().toPlainString())).toList();
        long all = byState.values().stream().mapToLong(Long::longValue).sum();
        long signed = byState.getOrDefault(CaseStatus.SIGNED, 0L) + byState.getOrDefault(CaseStatus.REGISTERED, 0L);
        Object avg = em.createNativeQuery("""
                select avg(extract(epoch from published_at - submitted_at) / 86400) from market_item
                where published_at is not null and submitted_at is not null and submitted_at <= published_at""")
                .getSingleResult();
        return new Figures(published, sent, states, contracts,
                all == 0 ? "—" : String.format("%.0f%%（%d/%d）", 100.0 * signed / all, signed, all),
                avg == null ? "—" : String.format("%.1f", ((Number) avg).doubleValue()));
    }

    @Transactional
    public CaseDetail caseForStaff(long id) {
        MarketCase c = MarketCase.<MarketCase>findByIdOptional(id).orElseThrow(() -> new NotFoundException("未找到该案例"));
        return caseDetail(c, false);
    }

    /** A side of the case sees its public timeline. */
    @Transactional
    public CaseDetail caseForParty(long id, String subject) {
        MarketCase c = MarketCase.<MarketCase>findByIdOptional(id).filter(x -> x.isParty(subject))
                .orElseThrow(() -> new NotFoundException("未找到该案例"));
        return caseDetail(c, true);
    }

    private CaseDetail caseDetail(MarketCase c, boolean publicOnly) {
        MarketBroker b = MarketBroker.findById(c.broker);
        return new CaseDetail(c, fields.name(c.fieldCode), MarketEvent.ofCase(c.id, publicOnly),
                publicOnly ? List.of() : MarketBroker.list("active = true order by username"),
                b == null ? c.broker : b.displayName,
                publicOnly ? List.of() : MarketFollowUp.list("caseId = ?1 order by id", c.id));
    }

    private static MarketItem own(long id, String subject) {
        return MarketItem.<MarketItem>findByIdOptional(id).filter(i -> i.ownerSubject.equals(subject))
                .orElseThrow(() -> new NotFoundException("未找到该信息"));
    }
}
