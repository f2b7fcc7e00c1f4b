package cn.keyida.portal.market;

import cn.keyida.portal.common.PortalClock;
import cn.keyida.portal.enterprise.EnterpriseProfile;
import cn.keyida.portal.needs.FollowUp;
import cn.keyida.portal.web.FieldErrors;
import cn.keyida.portal.web.InvalidInputException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.NotFoundException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Map;

/**
 * 对接 cases: 意向 → 洽谈 → 签约 → 已登记, or 终止, as {@link CaseStatus}'s table allows. A broker is
 * assigned round-robin among the brokers of the case's field; every change leaves a timeline entry both
 * sides see (internal follow-ups excepted) and mails both sides, in one transaction. The contract
 * figures count only once both sides confirmed them.
 */
@ApplicationScoped
public class CaseWorkflow {

    private final PortalClock clock;
    private final MarketMails mails;

    CaseWorkflow(PortalClock clock, MarketMails mails) {
        this.clock = clock;
        this.mails = mails;
    }

    /**
     * "申请对接": an enterprise on a published achievement, or an institution on a published demand.
     * The requester's own item is not needed; its profile is.
     */
    @Transactional
    public MarketCase request(long itemId, String subject, MarketWorkflow.OwnerKind requester, String note, String actor) {
        MarketItem item = MarketItem.<MarketItem>findByIdOptional(itemId).filter(i -> i.status == ItemStatus.PUBLISHED)
                .orElseThrow(() -> new NotFoundException("未找到该信息"));
        if (item.ownerSubject.equals(subject)) {
            throw new InvalidInputException("不能对自己发布的信息申请对接");
        }
        if (item.kind == MarketKind.DEMAND && requester != MarketWorkflow.OwnerKind.INSTITUTION
                || item.kind == MarketKind.ACHIEVEMENT && requester != MarketWorkflow.OwnerKind.ENTERPRISE) {
            throw new InvalidInputException(item.kind == MarketKind.DEMAND ? "技术需求由高校、科研院所申请对接"
                    : "科技成果由企业申请对接");
        }
        String name = requester == MarketWorkflow.OwnerKind.ENTERPRISE
                ? EnterpriseProfile.findBySubject(subject).map(p -> p.name).orElse(null)
                : InstitutionProfile.findBySubject(subject).map(p -> p.name).orElse(null);
        if (name == null) {
            throw new InvalidInputException("请先填写" + (requester == MarketWorkflow.OwnerKind.ENTERPRISE ? "企业" : "单位") + "信息");
        }
        String column = item.kind == MarketKind.DEMAND ? "demandId" : "achievementId";
        String party = item.kind == MarketKind.DEMAND ? "supplySubject" : "demandSubject";
        if (MarketCase.count(column + " = ?1 and " + party + " = ?2 and status in ?3", item.id, subject, CaseStatus.OPEN) > 0) {
            throw new MarketConflictException("您已对该信息申请对接，案例仍在进行中");
        }
        MarketCase c = new MarketCase();
        if (item.kind == MarketKind.DEMAND) {
            c.demandId = item.id;
            c.demandSide = item.ownerName;
            c.demandSubject = item.ownerSubject;
            c.supplySide = name;
            c.supplySubject = subject;
        } else {
            c.achievementId = item.id;
            c.supplySide = item.ownerName;
            c.supplySubject = item.ownerSubject;
            c.demandSide = name;
            c.demandSubject = subject;
        }
        c.fieldCode = item.fieldCode;
        return open(c, actor, "申请对接：" + item.title, note);
    }

    /** A broker opens a case from a pair on the match board. */
    @Transactional
    public MarketCase fromMatch(long matchId, String actor) {
        MarketMatch m = MarketMatch.<MarketMatch>findByIdOptional(matchId).orElseThrow(() -> new NotFoundException("未找到该匹配"));
        MarketItem demand = MarketItem.findById(m.demandId);
        MarketItem achievement = MarketItem.findById(m.achievementId);
        if (MarketCase.count("demandId = ?1 and achievementId = ?2 and status in ?3", demand.id, achievement.id,
                CaseStatus.OPEN) > 0) {
            throw new MarketConflictException("该匹配已有进行中的对接案例");
        }
        MarketCase c = new MarketCase();
        c.demandId = demand.id;
        c.achievementId = achievement.id;
        c.demandSide = demand.ownerName;
        c.demandSubject = demand.ownerSubject;
        c.supplySide = achievement.ownerName;
        c.supplySubject = achievement.ownerSubject;
        c.fieldCode = demand.fieldCode;
        return open(c, actor, "经纪人发起对接：" + demand.title + " × " + achievement.title, "");
    }

    private MarketCase open(MarketCase c, String actor, String what, String note) {
        MarketBroker broker = MarketBroker.next(c.fieldCode);
        broker.lastAssignedAt = clock.now();
        c.broker = broker.username;
        c.status = CaseStatus.INTENT;
        c.statusSince = clock.now();
        c.openedBy = actor;
        c.persist();
        MarketEvent.ofCase(c, actor, "创建对接意向", null, what + (note == null || note.isBlank() ? "" : "。" + note.strip()), true);
        MarketEvent.ofCase(c, "系统", "分派技术经纪人", c.status, broker.displayName, true);
        mails.ofCase(broker.email, c, "已分派给您跟进", what, "/staff/market/cases/" + c.id);
        tellParties(c, "已创建，技术经纪人" + broker.displayName + "将与您联系", "");
        return c;
    }

    @Transactional
    public MarketCase negotiate(long id, long version, String note, String actor) {
        MarketCase c = load(id, version);
        CaseStatus from = move(c, CaseAction.NEGOTIATE);
        MarketEvent.ofCase(c, actor, "进入洽谈", from, note, true);
        tellParties(c, "进入洽谈阶段", note);
        return c;
    }

    /** 签约 with the contract figures; both sides then confirm them. */
    @Transactional
    public MarketCase sign(long id, long version, Map<String, String> form, String actor) {
        MarketCase c = load(id, version);
        require(c, CaseAction.SIGN);
        FieldErrors.Builder errors = new FieldErrors.Builder();
        String type = MarketItems.text(form, "contractType");
        if (!MarketCase.CONTRACT_TYPES.contains(type)) {
            errors.add("contractType", "请选择合同类型（技术开发、转让、许可、咨询或服务）");
        }
        BigDecimal amount = null;
        String a = MarketItems.text(form, "amount").replace(",", "");
        try {
            amount = new BigDecimal(a);
            if (amount.signum() <= 0 || amount.compareTo(MarketItems.MAX_AMOUNT) > 0 || amount.stripTrailingZeros().scale() > 2) {
                errors.add("amount", "合同金额应为大于0的数字（单位：万元，最多两位小数）");
            }
        } catch (NumberFormatException e) {
            errors.add("amount", "请填写合同金额，单位为万元，例如 80");
        }
        String parties = MarketItems.text(form, "parties");
        if (parties.isEmpty() || parties.length() > 500) {
            errors.add("parties", "请填写合同各方");
        }
        LocalDate signedOn = null;
        try {
            signedOn = LocalDate.parse(MarketItems.text(form, "signedOn"));
            if (signedOn.isAfter(clock.today())) {
                errors.add("signedOn", "签约日期不能晚于今天");
            }
        } catch (DateTimeParseException e) {
            errors.add("signedOn", "签约日期格式不正确，请按“2026-12-01”的格式填写");
        }
        errors.throwIfAny();
        CaseStatus from = move(c, CaseAction.SIGN);
        c.contractType = type;
        c.amount = amount;
        c.parties = parties;
        c.signedOn = signedOn;
        c.demandConfirmed = false;
        c.supplyConfirmed = false;
        MarketEvent.ofCase(c, actor, "签约", from, type + "合同，" + amount.stripTrailingZeros().toPlainString() + "万元，"
                + signedOn + "签订", true);
        tellParties(c, "已签约，请登录确认合同信息", type + "合同 " + amount.stripTrailingZeros().toPlainString() + " 万元");
        return c;
    }

    /** 已登记: the 技术合同 registration number and registering body. */
    @Transactional
    public MarketCase register(long id, long version, String registrationNo, String body, String actor) {
        MarketCase c = load(id, version);
        require(c, CaseAction.REGISTER);
        FieldErrors.Builder errors = new FieldErrors.Builder();
        String no = registrationNo == null ? "" : registrationNo.strip();
        if (!no.matches("[0-9A-Za-z\\-]{8,40}")) {
            errors.add("registrationNo", "请填写技术合同登记号（8–40位数字或字母，例如 2026510801000123）");
        }
        String b = body == null ? "" : body.strip();
        if (b.isEmpty() || b.length() > 100) {
            errors.add("registeringBody", "请填写登记机构");
        }
        errors.throwIfAny();
        CaseStatus from = move(c, CaseAction.REGISTER);
        c.registrationNo = no;
        c.registeringBody = b;
        MarketEvent.ofCase(c, actor, "技术合同登记", from, b + "，登记号 " + no, true);
        tellParties(c, "已完成技术合同登记", "");
        return c;
    }

    @Transactional
    public MarketCase terminate(long id, long version, String reason, String actor) {
        MarketCase c = load(id, version);
        require(c, CaseAction.TERMINATE);
        MarketWorkflow.requireText(reason, "请填写终止原因");
        CaseStatus from = move(c, CaseAction.TERMINATE);
        c.endReason = reason.strip();
        MarketEvent.ofCase(c, actor, "终止", from, reason, true);
        tellParties(c, "已终止", reason);
        return c;
    }

    @Transactional
    public MarketCase reassign(long id, long version, String username, String actor) {
        MarketCase c = load(id, version);
        require(c, CaseAction.REASSIGN);
        MarketBroker b = MarketBroker.<MarketBroker>findByIdOptional(username == null ? "" : username)
                .filter(x -> x.active).orElseThrow(() -> new InvalidInputException("请选择技术经纪人"));
        if (b.username.equals(c.broker)) {
            throw new MarketConflictException("该案例已由" + b.displayName + "跟进");
        }
        String previous = c.broker;
        c.broker = b.username;
        MarketEvent.ofCase(c, actor, "改派技术经纪人", move(c, CaseAction.REASSIGN), previous + " → " + b.displayName, true);
        mails.ofCase(b.email, c, "已改派给您跟进", "", "/staff/market/cases/" + c.id);
        return c;
    }

    @Transactional
    public MarketFollowUp followUp(long id, FollowUp.Kind kind, String notes, boolean visible, String actor) {
        MarketCase c = MarketCase.<MarketCase>findByIdOptional(id).orElseThrow(() -> new NotFoundException("未找到该案例"));
        require(c, CaseAction.FOLLOW_UP);
        if (kind == null) {
            throw new InvalidInputException("请选择跟进方式");
        }
        MarketWorkflow.requireText(notes, "请填写跟进内容");
        if (notes.length() > 5000) {
            throw new InvalidInputException("跟进内容不能超过5000字");
        }
        MarketFollowUp f = new MarketFollowUp();
        f.caseId = c.id;
        f.kind = kind.label;
        f.notes = notes.strip();
        f.visible = visible;
        f.actor = actor;
        f.at = clock.now();
        f.persist();
        // A follow-up is progress: the stuck-case clock restarts.
        c.statusSince = clock.now();
        MarketEvent.ofCase(c, actor, kind.label, c.status, visible ? f.notes : "（内部记录）", visible);
        return f;
    }

    /** One side confirms the contract figures as recorded. */
    @Transactional
    public MarketCase confirm(long id, String subject, long version, String actor) {
        MarketCase c = MarketCase.<MarketCase>findByIdOptional(id).filter(x -> x.isParty(subject))
                .orElseThrow(() -> new NotFoundException("未找到该案例"));
        if (c.version != version) {
            throw MarketConflictException.stale();
        }
        require(c, CaseAction.CONFIRM);
        boolean demandSide = subject.equals(c.demandSubject);
        if (demandSide ? c.demandConfirmed : c.supplyConfirmed) {
            throw new MarketConflictException("您已确认过合同信息");
        }
        if (demandSide) {
            c.demandConfirmed = true;
        } else {
            c.supplyConfirmed = true;
        }
        MarketEvent.ofCase(c, actor, "确认合同信息", move(c, CaseAction.CONFIRM),
                (demandSide ? c.demandSide : c.supplySide) + "确认", true);
        return c;
    }

    // ------------------------------------------------------------------ helpers

    private void tellParties(MarketCase c, String what, String note) {
        mails.ofCase(emailOf(c.demandSubject), c, what, note, "/my/market/cases/" + c.id);
        mails.ofCase(emailOf(c.supplySubject), c, what, note, "/my/market/cases/" + c.id);
    }

    static String emailOf(String subject) {
        if (subject == null) {
            return null;
        }
        return EnterpriseProfile.findBySubject(subject).map(EnterpriseProfile::mailAddress)
                .orElseGet(() -> InstitutionProfile.findBySubject(subject).map(p -> p.email).orElse(null));
    }

    private CaseStatus move(MarketCase c, CaseAction action) {
        CaseStatus from = c.status;
        c.status = from.after(action).orElseThrow(() -> illegal(c, action));
        if (c.status != from) {
            c.statusSince = clock.now();
        }
        return from;
    }

    private static void require(MarketCase c, CaseAction action) {
        if (!c.status.allows(action)) {
            throw illegal(c, action);
        }
    }

    private static MarketConflictException illegal(MarketCase c, CaseAction action) {
        return new MarketConflictException("对接案例当前状态为“" + c.status.label + "”，不能" + action.label + "。");
    }

    static MarketCase load(long id, long version) {
        MarketCase c = MarketCase.<MarketCase>findByIdOptional(id).orElseThrow(() -> new NotFoundException("未找到该案例"));
        if (c.version != version) {
            throw MarketConflictException.stale();
        }
        return c;
    }
}
