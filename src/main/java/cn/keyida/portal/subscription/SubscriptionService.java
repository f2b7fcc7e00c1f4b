package cn.keyida.portal.subscription;

import cn.keyida.portal.content.ContentItem;
import cn.keyida.portal.content.ReminderWindow;
import cn.keyida.portal.enterprise.EnterpriseProfile;
import cn.keyida.portal.events.EventDigest;
import cn.keyida.portal.mail.MailOutbox;
import cn.keyida.portal.common.DailyReminder;
import cn.keyida.portal.common.PortalClock;
import cn.keyida.portal.matching.MatchingService;
import cn.keyida.portal.search.SearchIndexer;
import cn.keyida.portal.search.SearchQuery;
import cn.keyida.portal.search.SearchService;
import cn.keyida.portal.search.SearchUnavailableException;
import cn.keyida.portal.web.InvalidInputException;
import cn.keyida.portal.web.Site;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.NotFoundException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Saved searches: digests of new and changed items, deadline and expiry reminders, one-click
 * unsubscribe. PostgreSQL says what changed since a subscription's watermark, Elasticsearch which
 * of those items the saved search matches.
 */
@ApplicationScoped
public class SubscriptionService implements DailyReminder {

    static final int MAX_PER_USER = 20;
    static final int MAX_ITEMS_PER_RUN = 500;

    private static final SecureRandom RANDOM = new SecureRandom();

    private final SearchService search;
    private final SearchIndexer indexer;
    private final MatchingService matching;
    private final Site site;
    private final Duration commitLag;
    private final PortalClock clock;

    SubscriptionService(SearchService search, SearchIndexer indexer, MatchingService matching, Site site,
            PortalClock clock,
            @ConfigProperty(name = "portal.subscriptions.commit-lag", defaultValue = "5s") Duration commitLag) {
        this.search = search;
        this.indexer = indexer;
        this.matching = matching;
        this.site = site;
        this.clock = clock;
        this.commitLag = commitLag;
    }

    @Transactional
    public List<Subscription> list(String subject) {
        return Subscription.listFor(subject);
    }

    /**
     * From the search page: mails go to the enterprise profile's address once it is verified, else to the
     * account's (which Keycloak verifies).
     */
    @Transactional
    public Subscription subscribe(String subject, String accountEmail, String urlQuery, String frequency) {
        String email = EnterpriseProfile.findBySubject(subject).map(EnterpriseProfile::mailAddress).orElse(accountEmail);
        return create(subject, email, urlQuery, frequency);
    }

    @Transactional
    public Subscription create(String subject, String email, String urlQuery, String frequency) {
        if (email == null || email.isBlank()) {
            throw new InvalidInputException("您的账号没有电子邮箱，无法接收订阅邮件，请先在企业信息中填写邮箱");
        }
        SearchQuery query = SearchQuery.fromUrlQuery(urlQuery);
        if (Subscription.count("subject", subject) >= MAX_PER_USER) {
            throw new InvalidInputException("每个账号最多保存 " + MAX_PER_USER + " 个订阅，请先删除不需要的订阅");
        }
        Subscription s = new Subscription();
        s.subject = subject;
        s.email = email.strip();
        s.query = query.toUrlQuery();
        s.frequency = frequency(frequency);
        byte[] token = new byte[32];
        RANDOM.nextBytes(token);
        s.unsubscribeToken = HexFormat.of().formatHex(token);
        s.watermark = Instant.now();
        s.persist();
        return s;
    }

    @Transactional
    public void changeFrequency(long id, String subject, String frequency) {
        own(id, subject).frequency = frequency(frequency);
    }

    @Transactional
    public void delete(long id, String subject) {
        own(id, subject).delete();
    }

    /** The subscription a mail's unsubscribe link names, described for its confirmation page; null if none. */
    @Transactional
    public String describeByToken(String token) {
        Subscription s = byToken(token);
        return s == null ? null : s.describe();
    }

    /** One click from a mail, without login: removes exactly the subscription the token belongs to. */
    @Transactional
    public String unsubscribe(String token) {
        Subscription s = byToken(token);
        if (s == null) {
            return null;
        }
        String description = s.describe();
        s.delete();
        return description;
    }

    private static Subscription byToken(String token) {
        return token == null || !token.matches("[0-9a-f]{64}") ? null
                : Subscription.<Subscription>find("unsubscribeToken", token).firstResult();
    }

    private static Subscription own(long id, String subject) {
        Subscription s = Subscription.findById(id);
        if (s == null || !s.subject.equals(subject)) {
            throw new NotFoundException("订阅不存在");
        }
        return s;
    }

    private static Subscription.Frequency frequency(String value) {
        try {
            return Subscription.Frequency.valueOf(value == null ? "" : value);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("请选择推送频率：即时、每日或每周");
        }
    }

    @Scheduled(every = "{portal.subscriptions.every}", delayed = "10s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        try {
            int mails = deliverDue(Instant.now());
            if (mails > 0) {
                Log.infof("Subscriptions: %d digests queued", mails);
            }
        } catch (RuntimeException e) {
            Log.errorf(e, "Subscription digests failed; retried at the next run");
        }
    }

    /**
     * Sends the digest of every subscription due at {@code asOf}, each in its own transaction with
     * the row locked (SKIP LOCKED: several instances share the work). Returns the mails queued.
     */
    public int deliverDue(Instant asOf) {
        List<Long> due = QuarkusTransaction.requiringNew().call(() -> Subscription.<Subscription>list("order by id")
                .stream().filter(s -> s.isDue(asOf)).map(s -> s.id).toList());
        int mails = 0;
        for (Long id : due) {
            try {
                if (QuarkusTransaction.requiringNew().call(() -> deliver(id, asOf))) {
                    mails++;
                }
            } catch (SearchUnavailableException e) {
                // Elasticsearch cannot answer: every later subscription would fail the same way.
                Log.warnf("Subscription %d: search unavailable, digests postponed", id);
                return mails;
            } catch (RuntimeException e) {
                skip(id, "digest", e);
            }
        }
        return mails;
    }

    /**
     * One subscription failed on its own (a saved search that no longer parses, a query the index
     * refuses, a fault of its row): logged, and the others still get theirs. Its watermark stays,
     * so it is retried at the next run.
     */
    private static void skip(long id, String what, RuntimeException e) {
        if (e instanceof InvalidInputException) {
            Log.warnf("Subscription %d: %s skipped, its saved search is invalid: %s", id, what, e.getMessage());
        } else {
            Log.errorf(e, "Subscription %d: %s skipped", id, what);
        }
    }

    private boolean deliver(long id, Instant asOf) {
        boolean claimed = !Subscription.getEntityManager()
                .createNativeQuery("select id from subscription where id = :id for update skip locked")
                .setParameter("id", id).getResultList().isEmpty();
        Subscription s = claimed ? Subscription.findById(id) : null;
        if (s == null || !s.isDue(asOf)) { // another instance may have sent it meanwhile
            return false;
        }
        Instant upTo = safeUpperBound();
        if (!upTo.isAfter(s.watermark)) {
            return false;
        }
        List<Changed> changed = changedBetween(s.watermark, upTo);
        if (changed.size() >= MAX_ITEMS_PER_RUN) {
            upTo = changed.get(MAX_ITEMS_PER_RUN - 1).updatedAt();
            Instant last = upTo;
            changed = changed.stream().filter(i -> !i.updatedAt().isAfter(last)).toList();
        }
        Set<String> wanted = search.matching(s.search(), changed.stream().map(Changed::slug).toList());
        List<Changed> items = changed.stream().filter(i -> wanted.contains(i.slug())).toList();
        Instant from = s.watermark;
        s.watermark = upTo;
        if (items.isEmpty()) {
            return false;
        }
        List<Changed> fresh = items.stream().filter(i -> i.firstPublishedAt() != null && i.firstPublishedAt().isAfter(from))
                .toList();
        List<Changed> updated = items.stream().filter(i -> !fresh.contains(i)).toList();
        StringBuilder body = new StringBuilder("您订阅的搜索“").append(s.describe()).append("”有以下")
                .append(s.frequency == Subscription.Frequency.IMMEDIATE ? "" : s.frequency.label).append("更新：\n");
        section(body, "新发布", fresh);
        section(body, "内容有更新", updated);
        body.append("\n查看全部结果：").append(site.base()).append(s.searchUrl())
                .append("\n管理订阅：").append(site.base()).append("/subscriptions")
                .append("\n退订此订阅（一键退订，无需登录）：").append(unsubscribeUrl(s))
                .append("\n\n广元市科学技术局 · 科易达");
        MailOutbox.queue(s.email, "【科易达】订阅更新：" + s.describe() + "（" + items.size() + " 条）", body.toString(),
                unsubscribeUrl(s));
        s.lastSentAt = Instant.now();
        return true;
    }

    /**
     * Items changed up to here are in the index: not after the oldest change still waiting for the
     * indexer, and a moment in the past so transactions still committing are not skipped.
     */
    private Instant safeUpperBound() {
        Instant lagged = Instant.now().minus(commitLag);
        return indexer.oldestPending().filter(pending -> pending.isBefore(lagged))
                .map(pending -> pending.minusNanos(1000)).orElse(lagged);
    }

    /** An item a digest may list: content, or an event (events.EventDigest). */
    record Changed(String slug, String title, String url, Instant firstPublishedAt, Instant updatedAt) {}

    /** Content and events changed in the window, oldest change first, each source cut at the run's limit. */
    private static List<Changed> changedBetween(Instant after, Instant upTo) {
        List<Changed> all = new java.util.ArrayList<>();
        ContentItem.listPublishedChanged(after, upTo, MAX_ITEMS_PER_RUN).forEach(i ->
                all.add(new Changed(i.slug, i.title, i.url(), i.firstPublishedAt, i.updatedAt)));
        EventDigest.publishedChanged(after, upTo, MAX_ITEMS_PER_RUN).forEach(e ->
                all.add(new Changed(e.slug(), e.title(), e.url(), e.firstPublishedAt(), e.updatedAt())));
        all.sort(java.util.Comparator.comparing(Changed::updatedAt));
        return all;
    }

    private void section(StringBuilder body, String title, List<Changed> items) {
        if (items.isEmpty()) {
            return;
        }
        body.append("\n【").append(title).append("】").append(items.size()).append(" 条\n");
        items.forEach(i -> body.append("· ").append(i.title()).append("\n  ").append(site.base()).append(i.url())
                .append("\n"));
    }

    String unsubscribeUrl(Subscription s) {
        return site.base() + "/subscriptions/unsubscribe/" + s.unsubscribeToken;
    }

    /**
     * Daily: for each subscription, the items it matches whose deadline or expiry is within its
     * {@link ReminderWindow}; one mail per subscription and item, whichever instance runs it.
     */
    @Override
    public int remind(LocalDate today) {
        Map<String, String> due = QuarkusTransaction.requiringNew().call(() -> dueItems(today));
        if (due.isEmpty()) {
            return 0;
        }
        List<Long> ids = QuarkusTransaction.requiringNew().call(() ->
                Subscription.<Subscription>list("order by id").stream().map(s -> s.id).toList());
        int queued = 0;
        for (Long id : ids) {
            try {
                queued += remind(id, due);
            } catch (SearchUnavailableException e) {
                Log.warnf("Subscription %d: search unavailable, reminders postponed", id);
                return queued;
            } catch (RuntimeException e) {
                skip(id, "reminder", e);
            }
        }
        return queued;
    }

    private int remind(long id, Map<String, String> due) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Subscription s = Subscription.findById(id);
            if (s == null) {
                return 0;
            }
            int n = 0;
            for (String slug : search.matching(s.search(), due.keySet())) {
                ContentItem item = ContentItem.findBySlug(slug).orElseThrow();
                String body = due.get(slug) + "\n\n" + item.title + "\n" + site.base() + item.url()
                        + "\n\n（来自您订阅的搜索“" + s.describe() + "”）\n退订此订阅：" + unsubscribeUrl(s);
                if (MailOutbox.queueOnce("sub-remind:" + s.id + ":" + slug, s.email,
                        "【科易达】" + due.get(slug).split("：")[0] + "：" + item.title, body, unsubscribeUrl(s))) {
                    n++;
                }
            }
            return n;
        });
    }

    /**
     * Published items with a deadline, an expiry or an application deadline (matching's) within its
     * window: slug → notice. When one item has several, the deadline wins over the expiry, the
     * application deadline over both.
     */
    private Map<String, String> dueItems(LocalDate today) {
        Map<String, String> due = new java.util.LinkedHashMap<>();
        List<ContentItem> items = ContentItem.listDueSoon(today);
        items.stream().filter(i -> ReminderWindow.EXPIRY.contains(i.expiryDate, today))
                .forEach(i -> due.put(i.slug, "政策即将失效：将于 " + i.expiryDate + " 失效"));
        items.stream().filter(i -> ReminderWindow.DEADLINE.contains(i.deadline, today))
                .forEach(i -> due.put(i.slug, "即将截止：截止日期 " + i.deadline));
        matching.applyDeadlinesDueSoon(today).forEach((slug, d) -> due.put(slug, "申报即将截止：截止日期 " + d));
        return due;
    }
}
