package cn.keyida.portal.market;

import cn.keyida.portal.calendar.WorkingCalendar;
import cn.keyida.portal.common.PortalClock;
import cn.keyida.portal.enterprise.EnterpriseProfile;
import cn.keyida.portal.techfield.TechFields;
import cn.keyida.portal.web.InvalidInputException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.NotFoundException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Publishing with review: owners write drafts and submit them, staff approve or return them; a
 * published item's edit is a pending revision while the approved version stays public. Every change
 * is checked against {@link ItemStatus}'s table and the version the user saw (409 otherwise), leaves a
 * timeline entry, queues its mail and announces itself ({@link MarketChanged}) in one transaction.
 */
@ApplicationScoped
public class MarketWorkflow {

    /** Who publishes: an enterprise (demands and achievements) or an institution (achievements). */
    public enum OwnerKind { ENTERPRISE, INSTITUTION }

    private final TechFields fields;
    private final WorkingCalendar calendar;
    private final PortalClock clock;
    private final MarketMails mails;
    private final MarketConfig config;
    private final Event<MarketChanged> changed;

    MarketWorkflow(TechFields fields, WorkingCalendar calendar, PortalClock clock, MarketMails mails,
            MarketConfig config, Event<MarketChanged> changed) {
        this.fields = fields;
        this.calendar = calendar;
        this.clock = clock;
        this.mails = mails;
        this.config = config;
        this.changed = changed;
    }

    // ------------------------------------------------------------------ owners

    /** A new draft; the owner needs a profile first. */
    @Transactional
    public MarketItem create(MarketKind kind, OwnerKind ownerKind, String subject, Map<String, String> form,
            String actor) {
        if (kind == MarketKind.DEMAND && ownerKind != OwnerKind.ENTERPRISE) {
            throw new InvalidInputException("技术需求由企业发布；高校和科研院所可发布科技成果");
        }
        MarketItem item = new MarketItem();
        item.kind = kind;
        item.ownerSubject = subject;
        item.ownerKind = ownerKind.name();
        if (ownerKind == OwnerKind.ENTERPRISE) {
            EnterpriseProfile p = EnterpriseProfile.findBySubject(subject)
                    .orElseThrow(() -> new InvalidInputException("请先填写企业信息，再发布" + kind.label));
            item.ownerName = p.name;
            item.ownerEmail = p.mailAddress();
        } else {
            InstitutionProfile p = InstitutionProfile.findBySubject(subject)
                    .orElseThrow(() -> new InvalidInputException("请先填写单位信息，再发布" + kind.label));
            item.ownerName = p.name;
            item.ownerEmail = p.email;
        }
        item.status = ItemStatus.DRAFT;
        MarketItems.apply(item, form, fields, clock.today());
        item.persist();
        MarketEvent.item(item, actor, "创建草稿", null, "", true);
        return item;
    }

    /**
     * Edits a draft or returned item in place; for a published item the edit becomes its pending
     * revision (checked now, applied when staff approve it) and the public version stays.
     */
    @Transactional
    public MarketItem edit(long id, String subject, long version, Map<String, String> form, String actor) {
        MarketItem item = own(id, subject, version);
        if (item.status.allows(ItemAction.EDIT)) {
            MarketItems.apply(item, form, fields, clock.today());
            // staff reviewed the text they drafted, not this one: consent no longer publishes it at once
            boolean wasProposed = item.awaitingConsent();
            item.proposedBy = wasProposed ? null : item.proposedBy;
            MarketEvent.item(item, actor, "修改", move(item, ItemAction.EDIT),
                    wasProposed ? "企业修改了工作人员的拟稿，须提交审核后发布" : "", true);
            return item;
        }
        require(item, ItemAction.SUBMIT_REVISION);
        MarketItem check = new MarketItem();
        check.kind = item.kind;
        MarketItems.apply(check, form, fields, clock.today());
        Map<String, String> revision = new LinkedHashMap<>(MarketItems.formOf(check));
        item.pending = revision;
        item.submittedAt = clock.now();
        item.reviewDue = calendar.fromToday(config.reviewDays());
        MarketEvent.item(item, actor, "提交修订", move(item, ItemAction.SUBMIT_REVISION), "", true);
        return item;
    }

    @Transactional
    public MarketItem submit(long id, String subject, long version, String actor) {
        MarketItem item = own(id, subject, version);
        ItemStatus from = move(item, ItemAction.SUBMIT);
        item.submittedAt = clock.now();
        item.reviewDue = calendar.fromToday(config.reviewDays());
        item.returnReason = "";
        MarketEvent.item(item, actor, "提交审核", from, "", true);
        return item;
    }

    /** The owner takes a published item down. */
    @Transactional
    public MarketItem takeDownOwn(long id, String subject, long version, String reason, String actor) {
        MarketItem item = own(id, subject, version);
        return takeDown(item, reason, actor, false);
    }

    // ------------------------------------------------------------------ staff

    /** Approves a submission (publishes it) or a published item's pending revision. */
    @Transactional
    public MarketItem approve(long id, long version, String note, String actor) {
        MarketItem item = load(id, version);
        if (item.status == ItemStatus.PUBLISHED && item.pending != null) {
            MarketItems.apply(item, item.pending, fields, clock.today());
            item.pending = null;
            item.reviewDue = null;
            MarketEvent.item(item, actor, "通过修订", move(item, ItemAction.APPROVE_REVISION), note, true);
            mails.decision(item, "的修改已审核通过", note);
            changed.fire(new MarketChanged(item.id, item.slug(), true, true));
            return item;
        }
        ItemStatus from = move(item, ItemAction.APPROVE);
        item.publishedAt = clock.now();
        item.reviewDue = null;
        MarketEvent.item(item, actor, "审核通过", from, note, true);
        mails.decision(item, "已审核通过并发布", note);
        changed.fire(new MarketChanged(item.id, item.slug(), false, true));
        return item;
    }

    /** Returns a submission, or rejects a pending revision (the published version stays). */
    @Transactional
    public MarketItem returnItem(long id, long version, String reason, String actor) {
        MarketItem item = load(id, version);
        requireText(reason, "请填写退回原因");
        if (item.status == ItemStatus.PUBLISHED && item.pending != null) {
            item.pending = null;
            item.reviewDue = null;
            MarketEvent.item(item, actor, "退回修订", move(item, ItemAction.RETURN_REVISION), reason, true);
            mails.decision(item, "的修改未通过审核，当前仍显示原发布版本", reason);
            return item;
        }
        ItemStatus from = move(item, ItemAction.RETURN);
        item.returnReason = reason.strip();
        item.reviewDue = null;
        MarketEvent.item(item, actor, "退回修改", from, reason, true);
        mails.decision(item, "被退回修改", reason);
        return item;
    }

    @Transactional
    public MarketItem takeDownByStaff(long id, long version, String reason, String actor) {
        return takeDown(load(id, version), reason, actor, true);
    }

    private MarketItem takeDown(MarketItem item, String reason, String actor, boolean byStaff) {
        require(item, ItemAction.TAKE_DOWN);
        requireText(reason, "请填写下架原因");
        ItemStatus from = move(item, ItemAction.TAKE_DOWN);
        item.pending = null;
        item.reviewDue = null;
        MarketEvent.item(item, actor, byStaff ? "管理员下架" : "发布者下架", from, reason, true);
        if (byStaff) {
            mails.decision(item, "已被管理员下架", reason);
        }
        changed.fire(new MarketChanged(item.id, item.slug(), true, false));
        return item;
    }

    // ------------------------------------------------------------------ helpers

    static ItemStatus move(MarketItem item, ItemAction action) {
        ItemStatus from = item.status;
        item.status = from.after(action).orElseThrow(() -> illegal(item, action));
        return from;
    }

    private static void require(MarketItem item, ItemAction action) {
        if (!item.status.allows(action)) {
            throw illegal(item, action);
        }
    }

    private static MarketConflictException illegal(MarketItem item, ItemAction action) {
        return new MarketConflictException(item.kind.label + "当前状态为“" + item.status.label + "”，不能" + action.label + "。");
    }

    static MarketItem load(long id, long version) {
        MarketItem item = MarketItem.<MarketItem>findByIdOptional(id).orElseThrow(() -> new NotFoundException("未找到该信息"));
        if (item.version != version) {
            throw MarketConflictException.stale();
        }
        return item;
    }

    private static MarketItem own(long id, String subject, long version) {
        MarketItem item = MarketItem.<MarketItem>findByIdOptional(id).filter(i -> i.ownerSubject.equals(subject))
                .orElseThrow(() -> new NotFoundException("未找到该信息"));
        if (item.version != version) {
            throw MarketConflictException.stale();
        }
        return item;
    }

    static void requireText(String value, String message) {
        if (value == null || value.isBlank()) {
            throw new InvalidInputException(message);
        }
    }
}
