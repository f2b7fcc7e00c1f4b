package cn.keyida.portal.matching;

import cn.keyida.portal.content.ContentItem;
import cn.keyida.portal.content.ContentChanged;
import cn.keyida.portal.content.ContentStatus;
import cn.keyida.portal.content.ContentType;
import cn.keyida.portal.content.ReminderWindow;
import cn.keyida.portal.enterprise.EnterpriseProfile;
import cn.keyida.portal.mail.MailOutbox;
import cn.keyida.portal.common.DailyReminder;
import cn.keyida.portal.common.PortalClock;
import cn.keyida.portal.web.FieldErrors;
import cn.keyida.portal.web.Site;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Policy matching: which open items an enterprise qualifies for and why, the conditions staff
 * attach to items, and "policy finds enterprise" messages when an item is published or its
 * conditions change.
 */
@ApplicationScoped
public class MatchingService implements DailyReminder {

    private final Site site;
    private final PortalClock clock;

    MatchingService(Site site, PortalClock clock) {
        this.site = site;
        this.clock = clock;
    }

    public record Match(ContentItem item, Eligibility rule, Matcher.Evaluation evaluation) {}

    /** 符合 (every condition met), 可能符合 (none unmet, some to confirm), 差一项, 暂不符合. */
    public record Matches(List<Match> eligible, List<Match> possible, List<Match> nearly, List<Match> ineligible) {}

    /** Every open item with conditions, evaluated against the facts; nothing is stored. */
    @Transactional
    public Matches match(Facts facts, LocalDate today) {
        List<Match> eligible = new ArrayList<>();
        List<Match> possible = new ArrayList<>();
        List<Match> nearly = new ArrayList<>();
        List<Match> ineligible = new ArrayList<>();
        for (Eligibility rule : open(today)) {
            Matcher.Evaluation ev = Matcher.evaluate(rule, facts, today);
            Match m = new Match(rule.item, rule, ev);
            switch (ev.verdict()) {
                case ELIGIBLE -> eligible.add(m);
                case POSSIBLE -> possible.add(m);
                case NEARLY -> nearly.add(m);
                case INELIGIBLE -> ineligible.add(m);
            }
        }
        Comparator<Match> byDeadline = Comparator.comparing((Match m) -> m.rule().applyDeadline,
                Comparator.nullsLast(Comparator.naturalOrder())).thenComparing(m -> m.item().title);
        eligible.sort(byDeadline);
        possible.sort(byDeadline);
        nearly.sort(byDeadline);
        ineligible.sort(byDeadline);
        return new Matches(eligible, possible, nearly, ineligible);
    }

    /** What /my/matches shows: the enterprise's profile values and its matches. */
    public record Mine(Map<String, String> values, Set<String> qualifications, Matches matches) {}

    /** The enterprise's matches from its profile; empty while it has no profile. */
    @Transactional
    public Optional<Mine> mine(String subject, LocalDate today) {
        return EnterpriseProfile.findBySubject(subject).map(p -> new Mine(p.formValues(),
                Set.copyOf(p.qualifications), match(Facts.of(p), today)));
    }

    /** The enterprise's latest messages; showing them marks them read (the unread mark is for the next visit). */
    @Transactional
    public List<EnterpriseMessage> readMessages(String subject) {
        List<EnterpriseMessage> latest = EnterpriseMessage.latest(subject, 100);
        EnterpriseMessage.update("readAt = ?1 where subject = ?2 and readAt is null", Instant.now(), subject);
        return latest;
    }

    /** An item that can carry conditions, with its conditions (null while none are set). */
    public record Conditions(ContentItem item, Eligibility rule) {}

    /** Staff: the conditions form of a policy or finance product; 404 for other items. */
    @Transactional
    public Conditions conditions(long contentId) {
        ContentItem item = ContentItem.<ContentItem>findByIdOptional(contentId)
                .orElseThrow(() -> new jakarta.ws.rs.NotFoundException("内容不存在"));
        if (item.type != ContentType.POLICY && item.type != ContentType.FINANCE) {
            throw new jakarta.ws.rs.NotFoundException("只有政策和金融产品可以设置申报条件");
        }
        return new Conditions(item, Eligibility.forItem(contentId).orElse(null));
    }

    /** Published, not expired, not replaced, application deadline not passed. */
    static List<Eligibility> open(LocalDate today) {
        return Eligibility.<Eligibility>list("""
                select e from Eligibility e join fetch e.item i
                where i.status = ?1 and (i.expiryDate is null or i.expiryDate >= ?2)
                  and (e.applyDeadline is null or e.applyDeadline >= ?2)
                  and not exists (select 1 from ContentItem s where s.supersedesSlug = i.slug and s.status = ?1)
                order by i.id""", ContentStatus.PUBLISHED, today);
    }

    static boolean isOpen(Eligibility rule, LocalDate today) {
        ContentItem i = rule.item;
        return i.status == ContentStatus.PUBLISHED && (i.expiryDate == null || !i.expiryDate.isBefore(today))
                && (rule.applyDeadline == null || !rule.applyDeadline.isBefore(today))
                && ContentItem.count("supersedesSlug = ?1 and status = ?2", i.slug, ContentStatus.PUBLISHED) == 0;
    }

    /**
     * Same transaction as a staff publication or edit of a published item: newly qualifying enterprises
     * are told once per item. Not on import: conditions come after it ({@code import-conditions}, through
     * {@link #save}), and a bulk import should not evaluate every profile per item.
     */
    void onChanged(@Observes ContentChanged event) {
        if (event.published() && event.change() != ContentChanged.Change.IMPORTED) {
            Eligibility.forItem(event.id()).ifPresent(rule -> notifyQualifying(rule, clock.today()));
        }
    }

    /**
     * Writes a message to every enterprise that qualifies for the item and has not been told about it
     * yet, and mails those who opted in. Returns how many enterprises were told.
     */
    int notifyQualifying(Eligibility rule, LocalDate today) {
        if (!isOpen(rule, today)) {
            return 0;
        }
        ContentItem item = rule.item;
        int told = 0;
        for (EnterpriseProfile p : EnterpriseProfile.<EnterpriseProfile>listAll()) {
            Matcher.Evaluation ev = Matcher.evaluate(rule, Facts.of(p), today);
            if (!ev.worthTelling()) {
                continue;
            }
            String body = "根据您填写的企业信息，贵企业" + (ev.verdict() == Matcher.Verdict.ELIGIBLE ? "符合" : "可能符合")
                    + "“" + item.title + "”的申报条件"
                    + (ev.unknowns() > 0 ? "（另有 " + ev.unknowns() + " 项条件需确认）" : "") + "。"
                    + (rule.benefit.isBlank() ? "" : "支持内容：" + rule.benefit + "。")
                    + (rule.applyDeadline == null ? "" : "申报截止：" + rule.applyDeadline + "。");
            if (EnterpriseMessage.sendOnce("match:" + p.subject + ":" + item.id, p.subject,
                    EnterpriseMessage.Kind.MATCH, item.id, "您可能符合：" + item.title, body)) {
                told++;
                if (p.policyMail) {
                    MailOutbox.queue(p.mailAddress(), "【科易达】政策找企业：" + item.title, mailBody(p, body, item));
                }
            }
        }
        Log.infof("Policy %s: %d enterprises newly told they qualify", item.slug, told);
        return told;
    }

    /**
     * Daily: reminders about items an enterprise was matched with: the application deadline and the
     * policy's expiry within their {@link ReminderWindow}, once each.
     */
    @Transactional
    @Override
    public int remind(LocalDate today) {
        int sent = 0;
        List<Object[]> rows = EnterpriseMessage.getEntityManager().createQuery("""
                select distinct m.subject, m.item.id from EnterpriseMessage m
                where m.kind = cn.keyida.portal.matching.EnterpriseMessage.Kind.MATCH""", Object[].class)
                .getResultList();
        for (Object[] row : rows) {
            String subject = (String) row[0];
            long contentId = (Long) row[1];
            Eligibility rule = Eligibility.forItem(contentId).orElse(null);
            if (rule == null || !isOpen(rule, today)) {
                continue;
            }
            ContentItem item = rule.item;
            EnterpriseProfile p = EnterpriseProfile.findBySubject(subject).orElse(null);
            if (ReminderWindow.DEADLINE.contains(rule.applyDeadline, today)) {
                String body = "“" + item.title + "”的申报将于 " + rule.applyDeadline + " 截止，请尽快准备材料。";
                if (EnterpriseMessage.sendOnce("deadline:" + subject + ":" + contentId, subject,
                        EnterpriseMessage.Kind.DEADLINE, contentId, "申报即将截止：" + item.title, body)) {
                    sent++;
                    mailIfOptedIn(p, "【科易达】申报即将截止：" + item.title, body, item);
                }
            }
            if (item.type == ContentType.POLICY && ReminderWindow.EXPIRY.contains(item.expiryDate, today)) {
                String body = "“" + item.title + "”将于 " + item.expiryDate + " 失效，如需享受请在此之前申报。";
                if (EnterpriseMessage.sendOnce("expiring:" + subject + ":" + contentId, subject,
                        EnterpriseMessage.Kind.EXPIRING, contentId, "政策即将失效：" + item.title, body)) {
                    sent++;
                    mailIfOptedIn(p, "【科易达】政策即将失效：" + item.title, body, item);
                }
            }
        }
        return sent;
    }

    /** Application deadlines within the {@link ReminderWindow} of published items: slug → deadline. */
    @Transactional
    public Map<String, LocalDate> applyDeadlinesDueSoon(LocalDate today) {
        Map<String, LocalDate> due = new LinkedHashMap<>();
        Eligibility.<Eligibility>list("""
                select e from Eligibility e join fetch e.item i
                where i.status = ?1 and e.applyDeadline between ?2 and ?3""", ContentStatus.PUBLISHED, today,
                ReminderWindow.DEADLINE.lastDay(today)).forEach(e -> due.put(e.item.slug, e.applyDeadline));
        return due;
    }

    private void mailIfOptedIn(EnterpriseProfile p, String subject, String body, ContentItem item) {
        if (p != null && p.policyMail) {
            MailOutbox.queue(p.mailAddress(), subject, mailBody(p, body, item));
        }
    }

    private String mailBody(EnterpriseProfile p, String text, ContentItem item) {
        return p.name + "：\n\n" + text + "\n\n查看政策：" + site.base() + item.url()
                + "\n逐项对照条件：" + site.base() + "/my/matches\n\n"
                + "您在企业信息中选择了接收政策推送邮件；如不再需要，请在 " + site.base()
                + "/my/profile 取消勾选。\n广元市科学技术局 · 科易达";
    }

    /** Staff: sets an item's conditions; enterprises that now qualify are told in the same transaction. */
    @Transactional
    public Eligibility save(long contentId, Long version, EligibilityInput in, String actor) {
        ContentItem item = ContentItem.<ContentItem>findByIdOptional(contentId)
                .orElseThrow(() -> new jakarta.ws.rs.NotFoundException("内容不存在"));
        if (item.type != ContentType.POLICY && item.type != ContentType.FINANCE) {
            throw new cn.keyida.portal.web.InvalidInputException("只有政策和金融产品可以设置申报条件");
        }
        FieldErrors.Builder e = new FieldErrors.Builder();
        List<String> required = tags(e, "requiredTags", in.requiredTags());
        List<String> excluded = tags(e, "excludedTags", in.excludedTags());
        if (required.stream().anyMatch(excluded::contains)) {
            e.add("excludedTags", "同一资质不能既是必需又是排除");
        }
        List<String> districts = clean(in.districts());
        if (!EnterpriseProfile.DISTRICTS.containsAll(districts)) {
            e.add("districts", "区县选项不正确");
        }
        List<String> industries = clean(in.industries());
        if (industries.size() > 20 || industries.stream().anyMatch(s -> s.length() > 30)) {
            e.add("industries", "行业最多 20 个，每个不超过 30 个字");
        }
        Integer minEmp = number(e, "minEmployees", "职工人数下限", in.minEmployees(), Integer::valueOf, 0, 1_000_000);
        Integer maxEmp = number(e, "maxEmployees", "职工人数上限", in.maxEmployees(), Integer::valueOf, 0, 1_000_000);
        BigDecimal minRev = number(e, "minRevenue", "营业收入下限", in.minRevenue(), BigDecimal::new, 0, 100_000_000);
        BigDecimal maxRev = number(e, "maxRevenue", "营业收入上限", in.maxRevenue(), BigDecimal::new, 0, 100_000_000);
        BigDecimal minRd = number(e, "minRdRatio", "研发投入占比下限", in.minRdRatio(), BigDecimal::new, 0, 100);
        if (minRd != null && minRd.scale() > 2) {
            e.add("minRdRatio", "研发投入占比最多两位小数");
        }
        List<RdTier> tiers = tiers(e, in.rdTiers());
        Integer minYears = number(e, "minYears", "成立年限下限", in.minYears(), Integer::valueOf, 0, 200);
        Integer maxYears = number(e, "maxYears", "成立年限上限", in.maxYears(), Integer::valueOf, 0, 200);
        if (minEmp != null && maxEmp != null && minEmp > maxEmp) {
            e.add("maxEmployees", "上限不能小于下限");
        }
        if (minRev != null && maxRev != null && minRev.compareTo(maxRev) > 0) {
            e.add("maxRevenue", "上限不能小于下限");
        }
        if (minYears != null && maxYears != null && minYears > maxYears) {
            e.add("maxYears", "上限不能小于下限");
        }
        List<String> manual = clean(in.manualConditions());
        if (manual.size() > 20 || manual.stream().anyMatch(s -> s.length() > 300)) {
            e.add("manualConditions", "其他条件最多 20 条，每条不超过 300 个字");
        }
        String benefit = in.benefit() == null ? "" : in.benefit().strip();
        if (benefit.length() > 300) {
            e.add("benefit", "支持内容不能超过 300 个字");
        }
        LocalDate deadline = null;
        if (in.applyDeadline() != null && !in.applyDeadline().isBlank()) {
            try {
                deadline = LocalDate.parse(in.applyDeadline().strip());
            } catch (DateTimeParseException ex) {
                e.add("applyDeadline", "申报截止日期格式应为 2026-12-31");
            }
        }
        e.throwIfAny();

        Eligibility rule = Eligibility.forItem(contentId).orElse(null);
        boolean isNew = rule == null;
        if (isNew) {
            rule = new Eligibility();
            rule.item = item;
        } else if (version != null && rule.version != version) {
            throw cn.keyida.portal.web.ConflictException.staleEdit();
        }
        rule.requiredTags = required;
        rule.excludedTags = excluded;
        rule.districts = districts;
        rule.industries = industries;
        rule.minEmployees = minEmp;
        rule.maxEmployees = maxEmp;
        rule.minRevenue = minRev;
        rule.maxRevenue = maxRev;
        rule.minRdRatio = minRd;
        rule.rdTiers = tiers;
        rule.minYears = minYears;
        rule.maxYears = maxYears;
        rule.manualConditions = manual;
        rule.benefit = benefit;
        rule.applyDeadline = deadline;
        rule.updatedBy = actor;
        if (isNew) {
            rule.persist();
        }
        rule.flush();
        notifyQualifying(rule, clock.today());
        return rule;
    }

    /**
     * A tiered condition must be complete: bounds strictly ascending, every ratio 0–100 with at most two
     * decimals, and only the last band open-ended (so every revenue falls in exactly one band).
     */
    private static List<RdTier> tiers(FieldErrors.Builder e, List<RdTier> in) {
        if (in == null || in.isEmpty()) {
            return new ArrayList<>();
        }
        List<RdTier> tiers = List.copyOf(in);
        BigDecimal prev = null;
        for (int i = 0; i < tiers.size(); i++) {
            RdTier t = tiers.get(i);
            boolean last = i == tiers.size() - 1;
            if (t == null || t.minRdRatio() == null || t.minRdRatio().signum() < 0
                    || t.minRdRatio().compareTo(BigDecimal.valueOf(100)) > 0 || t.minRdRatio().scale() > 2) {
                e.add("rdTiers", "第 " + (i + 1) + " 档的研发投入占比应在 0 到 100 之间，最多两位小数");
                return new ArrayList<>();
            }
            if (last != (t.upTo() == null)) {
                e.add("rdTiers", "除最后一档外每档都要写收入上限，最后一档不写上限（即“以上”）");
                return new ArrayList<>();
            }
            if (t.upTo() != null && (t.upTo().signum() <= 0 || (prev != null && t.upTo().compareTo(prev) <= 0))) {
                e.add("rdTiers", "各档收入上限应大于 0 且逐档增大");
                return new ArrayList<>();
            }
            prev = t.upTo();
        }
        if (tiers.size() > 10) {
            e.add("rdTiers", "最多 10 档");
        }
        return new ArrayList<>(tiers);
    }

    private static List<String> tags(FieldErrors.Builder e, String field, List<String> values) {
        List<String> tags = clean(values);
        if (!EnterpriseProfile.QUALIFICATIONS.containsAll(tags)) {
            e.add(field, "资质选项不正确");
        }
        return tags;
    }

    static List<String> clean(List<String> values) {
        if (values == null) {
            return new ArrayList<>();
        }
        return new ArrayList<>(values.stream().filter(v -> v != null && !v.isBlank()).map(String::strip)
                .distinct().toList());
    }

    private static <T extends Comparable<T>> T number(FieldErrors.Builder e, String field, String label, String value,
            Function<String, T> parse, long min, long max) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            T n = parse.apply(value.strip());
            BigDecimal d = new BigDecimal(n.toString());
            if (d.compareTo(BigDecimal.valueOf(min)) < 0 || d.compareTo(BigDecimal.valueOf(max)) > 0) {
                e.add(field, label + "应在 " + min + " 到 " + max + " 之间");
                return null;
            }
            return n;
        } catch (NumberFormatException ex) {
            e.add(field, label + "应为数字");
            return null;
        }
    }
}
