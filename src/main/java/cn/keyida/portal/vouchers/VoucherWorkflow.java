package cn.keyida.portal.vouchers;

import cn.keyida.portal.calendar.WorkingCalendar;
import cn.keyida.portal.common.DailyReminder;
import cn.keyida.portal.common.PersonalDataErasure;
import cn.keyida.portal.common.PortalClock;
import cn.keyida.portal.enterprise.EnterpriseProfile;
import cn.keyida.portal.matching.Eligibility;
import cn.keyida.portal.matching.Facts;
import cn.keyida.portal.matching.Matcher;
import cn.keyida.portal.web.FieldErrors;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.NotFoundException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * The voucher cycle: batches, applications, approval against the budget, use with the provider, and
 * redemption. Every change is checked against the transition table ({@link VoucherStatus}) and the
 * version the user saw (409 otherwise), writes a timeline entry and queues its mails, in one transaction.
 * The daily run expires approved vouchers whose contract was never confirmed, releasing their budget.
 */
@ApplicationScoped
public class VoucherWorkflow implements DailyReminder {

    public record BatchInput(String name, String totalBudget, String annualCap, String ratioPercent,
            List<String> categories, List<String> qualifications, List<String> districts, String applyFrom,
            String applyTo, String useUntil, String validDays, String expertThreshold, String redemptionBy) {

        /** A batch without expert review, redeemed by the provider. */
        public BatchInput(String name, String totalBudget, String annualCap, String ratioPercent,
                List<String> categories, List<String> qualifications, List<String> districts, String applyFrom,
                String applyTo, String useUntil, String validDays) {
            this(name, totalBudget, annualCap, ratioPercent, categories, qualifications, districts, applyFrom, applyTo,
                    useUntil, validDays, null, null);
        }
    }

    public record ApplicationInput(String batchId, String providerId, String offerId, String category,
            String serviceText, String quoteAmount, String legalRepresentative, String contactMobile) {}

    /** Approved vouchers are reminded this many working days before their validity ends. */
    static final int REMIND_WORKING_DAYS = 5;

    private final PortalClock clock;
    private final WorkingCalendar calendar;
    private final BudgetLedger ledger;
    private final VoucherMails mails;

    private final cn.keyida.portal.experts.ExpertPool experts;
    private final cn.keyida.portal.experts.ExpertNotices expertNotices;

    VoucherWorkflow(PortalClock clock, WorkingCalendar calendar, BudgetLedger ledger, VoucherMails mails,
            cn.keyida.portal.experts.ExpertPool experts, cn.keyida.portal.experts.ExpertNotices expertNotices) {
        this.experts = experts;
        this.expertNotices = expertNotices;
        this.clock = clock;
        this.calendar = calendar;
        this.ledger = ledger;
        this.mails = mails;
    }

    // ------------------------------------------------------------------ batches (staff)

    @Transactional
    public VoucherBatch createBatch(BatchInput in, String actor) {
        VoucherBatch b = new VoucherBatch();
        fill(b, in);
        b.status = BatchStatus.DRAFT;
        b.createdBy = actor;
        b.persist();
        return b;
    }

    /**
     * Edits a draft, or an open batch within its rules: applications already made were judged by the ratio,
     * cap, categories, conditions and redemption rule of the batch, so those stay; the name, the budget (never
     * below what is reserved and redeemed), the end dates, the validity and the expert line may change.
     */
    @Transactional
    public VoucherBatch editBatch(long id, long version, BatchInput in) {
        VoucherBatch b = batch(id, version);
        requireBatch(b, BatchStatus.Action.EDIT);
        // the budget may not drop below what approvals hold: read under the lock approvals take
        BudgetLedger.Locked money = ledger.lock(b.id);
        b.reserved = money.reserved();
        b.redeemed = money.redeemed();
        if (b.status == BatchStatus.OPEN) {
            VoucherBatch proposed = new VoucherBatch();
            proposed.reserved = b.reserved;
            proposed.redeemed = b.redeemed;
            FieldErrors.Builder e = new FieldErrors.Builder();
            try {
                fill(proposed, in);
            } catch (FieldErrors invalid) {
                invalid.errors().forEach(e::add);
            }
            if (e.isEmpty()) {
                lockedWhileOpen(e, "annualCap", b.annualCap.compareTo(proposed.annualCap) != 0);
                lockedWhileOpen(e, "ratioPercent", b.ratioPercent.compareTo(proposed.ratioPercent) != 0);
                lockedWhileOpen(e, "categories", !b.categories.equals(proposed.categories));
                lockedWhileOpen(e, "qualifications", !b.requiredQualifications.equals(proposed.requiredQualifications));
                lockedWhileOpen(e, "districts", !b.districts.equals(proposed.districts));
                lockedWhileOpen(e, "applyFrom", !b.applyFrom.equals(proposed.applyFrom));
                lockedWhileOpen(e, "redemptionBy", b.redemptionBy != proposed.redemptionBy);
            }
            e.throwIfAny();
        }
        fill(b, in);
        return b;
    }

    private static void lockedWhileOpen(FieldErrors.Builder e, String field, boolean changed) {
        if (changed) {
            e.add(field, "批次已开放申领，此项不能修改（已提交的申领按原规则办理）");
        }
    }

    @Transactional
    public VoucherBatch moveBatch(long id, long version, BatchStatus.Action action) {
        VoucherBatch b = batch(id, version);
        b.status = requireBatch(b, action);
        return b;
    }

    private static BatchStatus requireBatch(VoucherBatch b, BatchStatus.Action action) {
        return b.status.after(action).orElseThrow(() -> new VoucherConflict(
                "批次当前状态为“" + b.status.label + "”，不能" + action.label + "。"));
    }

    /** Validates {@code in} into {@code b}, or changes nothing and throws the field errors. */
    private void fill(VoucherBatch b, BatchInput in) {
        FieldErrors.Builder e = new FieldErrors.Builder();
        String name = VoucherInput.text(e, "name", "批次名称", in.name(), 200, true);
        BigDecimal total = VoucherInput.money(e, "totalBudget", "总预算", in.totalBudget(), VoucherInput.BUDGET_MAX, false);
        BigDecimal cap = VoucherInput.money(e, "annualCap", "每家企业年度上限", in.annualCap(), VoucherInput.AMOUNT_MAX, false);
        BigDecimal ratio = VoucherInput.percent(e, "ratioPercent", "支持比例", in.ratioPercent());
        List<String> categories = in.categories() == null ? List.of() : in.categories();
        if (categories.isEmpty()) {
            e.add("categories", "请至少选择一个支持的服务类别");
        } else if (categories.stream().anyMatch(c -> Category.of(c).isEmpty())) {
            e.add("categories", "服务类别无效");
        }
        List<String> quals = in.qualifications() == null ? List.of() : in.qualifications();
        if (!EnterpriseProfile.QUALIFICATIONS.containsAll(quals)) {
            e.add("qualifications", "企业资质条件无效");
        }
        List<String> districts = in.districts() == null ? List.of() : in.districts();
        if (!EnterpriseProfile.DISTRICTS.containsAll(districts)) {
            e.add("districts", "区县条件无效");
        }
        LocalDate from = VoucherInput.date(e, "applyFrom", "申领开始日期", in.applyFrom());
        LocalDate to = VoucherInput.date(e, "applyTo", "申领截止日期", in.applyTo());
        LocalDate use = VoucherInput.date(e, "useUntil", "使用截止日期", in.useUntil());
        if (from != null && to != null && to.isBefore(from)) {
            e.add("applyTo", "申领截止日期不能早于开始日期");
        }
        if (to != null && use != null && use.isBefore(to)) {
            e.add("useUntil", "使用截止日期不能早于申领截止日期");
        }
        if (to != null && to.isBefore(clock.today())) {
            e.add("applyTo", "申领截止日期已过");
        }
        Long validDays = VoucherInput.id(in.validDays() == null || in.validDays().isBlank() ? "90" : in.validDays());
        if (validDays == null || validDays < 1 || validDays > 250) {
            e.add("validDays", "有效期请填写 1 至 250 之间的工作日数");
        }
        BigDecimal threshold = in.expertThreshold() == null || in.expertThreshold().isBlank() ? null
                : VoucherInput.money(e, "expertThreshold", "专家评审金额线", in.expertThreshold(), VoucherInput.AMOUNT_MAX, true);
        if (total != null && cap != null && cap.compareTo(total) > 0) {
            e.add("annualCap", "每家企业年度上限不能超过总预算");
        }
        BigDecimal committed = (b.reserved == null ? BigDecimal.ZERO : b.reserved)
                .add(b.redeemed == null ? BigDecimal.ZERO : b.redeemed);
        if (total != null && total.compareTo(committed) < 0) {
            e.add("totalBudget", "总预算不能少于已核准和已兑付的金额 " + VoucherAmount.yuan(committed));
        }
        Optional<RedemptionBy> redemptionBy = in.redemptionBy() == null || in.redemptionBy().isBlank()
                ? Optional.of(RedemptionBy.PROVIDER) : RedemptionBy.of(in.redemptionBy());
        if (redemptionBy.isEmpty()) {
            e.add("redemptionBy", "请选择兑付申请方");
        }
        e.throwIfAny();
        b.name = name;
        b.totalBudget = total;
        b.annualCap = cap;
        b.ratioPercent = ratio;
        b.categories = String.join(",", categories);
        b.requiredQualifications = String.join(",", quals);
        b.districts = String.join(",", districts);
        b.applyFrom = from;
        b.applyTo = to;
        b.useUntil = use;
        b.validDays = validDays.intValue();
        b.expertThreshold = threshold;
        b.redemptionBy = redemptionBy.get();
    }

    // ------------------------------------------------------------------ enterprise

    /** The eligibility of the enterprise for the batch, with the calculator's explanation per condition. */
    public static Matcher.Evaluation eligibility(VoucherBatch b, EnterpriseProfile p, LocalDate today) {
        return Matcher.evaluate(Eligibility.unsaved(b.qualificationList(), b.districtList()), Facts.of(p), today);
    }

    /** How much the enterprise could get for {@code quote} in the batch today (not reserved). */
    public VoucherAmount.Result preview(VoucherBatch b, EnterpriseProfile p, BigDecimal quote) {
        return VoucherAmount.compute(quote, b.ratioPercent, b.annualCap,
                ledger.usedInYear(p.id, clock.today().getYear()), b.remaining());
    }

    @Transactional
    public Voucher apply(String subject, ApplicationInput in, VoucherInput.Upload quote, String actor) {
        EnterpriseProfile p = EnterpriseProfile.findBySubject(subject)
                .orElseThrow(() -> new FieldErrors(java.util.Map.of("batchId", "请先填写企业信息")));
        FieldErrors.Builder e = new FieldErrors.Builder();
        Long batchId = VoucherInput.id(in.batchId());
        VoucherBatch b = batchId == null ? null : VoucherBatch.findById(batchId);
        LocalDate today = clock.today();
        if (b == null) {
            e.add("batchId", "请选择批次");
        } else if (!b.acceptsApplications(today)) {
            e.add("batchId", "本批次不在申领时间内（" + b.applyFrom + " 至 " + b.applyTo + "）");
        }
        Long providerId = VoucherInput.id(in.providerId());
        VoucherProvider provider = providerId == null ? null : VoucherProvider.findById(providerId);
        if (provider == null || provider.status != ProviderStatus.APPROVED) {
            e.add("providerId", "请选择已入库的服务机构");
        }
        Optional<Category> category = Category.of(in.category());
        VoucherOffer offer = null;
        if (in.offerId() != null && !in.offerId().isBlank()) {
            Long offerId = VoucherInput.id(in.offerId());
            offer = offerId == null ? null : VoucherOffer.findById(offerId);
            if (offer == null || provider == null || !offer.providerId.equals(provider.id)) {
                e.add("offerId", "所选服务不属于该服务机构");
                offer = null;
            } else {
                category = Optional.of(offer.category);
            }
        }
        String service = VoucherInput.text(e, "serviceText", "服务内容", offer != null ? offer.name : in.serviceText(),
                500, true);
        if (category.isEmpty()) {
            e.add("category", "请选择服务类别");
        } else if (b != null && !b.categoryList().contains(category.get())) {
            e.add("category", "本批次不支持“" + category.get().label + "”类服务（支持：" + b.categoryLabels() + "）");
        } else if (provider != null && !provider.hasCategory(category.get().name())) {
            e.add("category", "该服务机构未登记“" + category.get().label + "”类服务");
        }
        BigDecimal quoteAmount = VoucherInput.money(e, "quoteAmount", "预计合同金额", in.quoteAmount(),
                VoucherInput.AMOUNT_MAX, false);
        String legal = VoucherInput.text(e, "legalRepresentative", "企业法定代表人", in.legalRepresentative(), 50, true);
        String mobile = VoucherInput.text(e, "contactMobile", "联系电话", in.contactMobile(), 20, true);
        Optional<VoucherInput.Upload> file = VoucherInput.document(e, "quote", "服务报价单", quote);
        if (b != null && e.isEmpty()) {
            Matcher.Evaluation ev = eligibility(b, p, today);
            List<Matcher.Check> unmet = ev.unmet();
            if (!unmet.isEmpty()) {
                e.add("batchId", "不符合本批次申领条件：" + String.join("；",
                        unmet.stream().map(c -> c.condition() + "（" + c.detail() + "）").toList()));
            }
        }
        VoucherAmount.Result amount = null;
        if (b != null && quoteAmount != null && e.isEmpty()) {
            amount = preview(b, p, quoteAmount);
            if (amount.amount().signum() <= 0) {
                e.add("quoteAmount", "本年度额度或本批次预算已用完，暂不能申领");
            }
        }
        e.throwIfAny();
        Voucher v = new Voucher();
        v.batchId = b.id;
        v.enterpriseId = p.id;
        v.enterpriseName = p.name;
        v.providerId = provider.id;
        v.offerId = offer == null ? null : offer.id;
        v.serviceText = service;
        v.category = category.get();
        v.legalRepresentative = legal;
        v.contactMobile = mobile;
        v.quoteAmount = quoteAmount;
        v.requestedAmount = amount.amount();
        v.status = VoucherStatus.SUBMITTED;
        v.submittedAt = clock.now();
        v.persist();
        VoucherFile f = new VoucherFile();
        f.voucherId = v.id;
        f.kind = VoucherFile.QUOTE;
        f.fileName = file.get().fileName();
        f.contentType = VoucherInput.contentType(file.get());
        f.data = file.get().data();
        f.persist();
        VoucherEvent.record(v, actor, "提交申领", null, String.join("\n", amount.steps()));
        mails.toEnterprise(p.mailAddress(), p.name, v, "申领已提交", "申请金额 " + VoucherAmount.yuan(v.requestedAmount));
        mails.toStaff(v, "收到新的申领", "申请金额 " + VoucherAmount.yuan(v.requestedAmount));
        return v;
    }

    @Transactional
    public Voucher cancel(String subject, long id, long version, String actor) {
        Voucher v = ownByEnterprise(subject, id, version);
        VoucherStatus from = move(v, VoucherAction.CANCEL);
        if (from.reserves()) {
            ledger.release(v.batchId, v.approvedAmount);
        }
        VoucherEvent.record(v, actor, "企业作废", from, from.reserves() ? "释放预算 " + VoucherAmount.yuan(v.approvedAmount) : "");
        mails.toProvider(VoucherProvider.findById(v.providerId), v, "已被企业作废", "");
        return v;
    }

    @Transactional
    public Voucher acceptDelivery(String subject, long id, long version, String actor) {
        Voucher v = ownByEnterprise(subject, id, version);
        VoucherStatus from = move(v, VoucherAction.ACCEPT_DELIVERY);
        VoucherEvent.record(v, actor, "企业验收", from, "");
        mails.toProvider(VoucherProvider.findById(v.providerId), v, "企业已验收，可申请兑付", "");
        return v;
    }

    // ------------------------------------------------------------------ provider

    @Transactional
    public Voucher confirmContract(String subject, long id, long version, String amount, String from, String to,
            String actor) {
        Voucher v = ownByProvider(subject, id, version);
        require(v, VoucherAction.CONFIRM_CONTRACT);
        VoucherBatch b = VoucherBatch.findById(v.batchId);
        FieldErrors.Builder e = new FieldErrors.Builder();
        BigDecimal a = VoucherInput.money(e, "contractAmount", "合同金额", amount, VoucherInput.AMOUNT_MAX, false);
        LocalDate f = VoucherInput.date(e, "contractFrom", "合同开始日期", from);
        LocalDate t = VoucherInput.date(e, "contractTo", "合同结束日期", to);
        LocalDate approved = PortalClock.dayOf(v.approvedAt);
        if (f != null && f.isBefore(approved)) {
            e.add("contractFrom", "合同开始日期不能早于创新券核准日期（" + approved + "）");
        }
        if (f != null && v.validUntil != null && f.isAfter(v.validUntil)) {
            e.add("contractFrom", "合同开始日期不能晚于创新券有效期（" + v.validUntil + "）");
        }
        if (f != null && t != null && t.isBefore(f)) {
            e.add("contractTo", "合同结束日期不能早于开始日期");
        }
        if (t != null && t.isAfter(b.useUntil)) {
            e.add("contractTo", "合同结束日期不能晚于本批次使用截止日期（" + b.useUntil + "）");
        }
        e.throwIfAny();
        VoucherStatus old = move(v, VoucherAction.CONFIRM_CONTRACT);
        v.contractAmount = a;
        v.contractFrom = f;
        v.contractTo = t;
        VoucherEvent.record(v, actor, "确认服务合同", old, "合同金额 " + VoucherAmount.yuan(a) + "，" + f + " 至 " + t);
        enterpriseMail(v, "服务机构已确认服务合同", "合同金额 " + VoucherAmount.yuan(a));
        return v;
    }

    @Transactional
    public Voucher confirmDelivery(String subject, long id, long version, String note, String actor) {
        Voucher v = ownByProvider(subject, id, version);
        FieldErrors.Builder e = new FieldErrors.Builder();
        String n = VoucherInput.text(e, "note", "交付说明", note, 1000, false);
        e.throwIfAny();
        VoucherStatus from = move(v, VoucherAction.CONFIRM_DELIVERY);
        VoucherEvent.record(v, actor, "确认服务交付", from, n);
        enterpriseMail(v, "服务已交付，请验收", n);
        return v;
    }

    /** The provider requests redemption, in a batch whose rule says the provider does. */
    @Transactional
    public Voucher requestRedemption(String subject, long id, long version, String invoiceAmount,
            VoucherInput.Upload invoice, VoucherInput.Upload acceptance, String actor) {
        return requestRedemption(ownByProvider(subject, id, version), RedemptionBy.PROVIDER, invoiceAmount, invoice,
                acceptance, actor);
    }

    /** The enterprise requests redemption, in a batch whose rule says the enterprise does. */
    @Transactional
    public Voucher requestRedemptionByEnterprise(String subject, long id, long version, String invoiceAmount,
            VoucherInput.Upload invoice, VoucherInput.Upload acceptance, String actor) {
        return requestRedemption(ownByEnterprise(subject, id, version), RedemptionBy.ENTERPRISE, invoiceAmount,
                invoice, acceptance, actor);
    }

    private Voucher requestRedemption(Voucher v, RedemptionBy party, String invoiceAmount, VoucherInput.Upload invoice,
            VoucherInput.Upload acceptance, String actor) {
        require(v, VoucherAction.REQUEST_REDEMPTION);
        VoucherBatch b = VoucherBatch.findById(v.batchId);
        if (b.redemptionBy != party) {
            throw new VoucherConflict("本批次由" + b.redemptionBy.label + "申请兑付。");
        }
        FieldErrors.Builder e = new FieldErrors.Builder();
        BigDecimal amount = VoucherInput.money(e, "invoiceAmount", "发票金额", invoiceAmount, VoucherInput.AMOUNT_MAX, false);
        Optional<VoucherInput.Upload> inv = VoucherInput.document(e, "invoice", "发票", invoice);
        Optional<VoucherInput.Upload> acc = VoucherInput.document(e, "acceptance", "验收报告", acceptance);
        e.throwIfAny();
        VoucherStatus from = move(v, VoucherAction.REQUEST_REDEMPTION);
        v.invoiceAmount = amount;
        store(v, VoucherFile.INVOICE, inv.get());
        store(v, VoucherFile.ACCEPTANCE, acc.get());
        BigDecimal max = VoucherAmount.redeemable(v.approvedAmount, amount, b.ratioPercent);
        VoucherEvent.record(v, actor, party.label + "申请兑付", from, "发票金额 " + VoucherAmount.yuan(amount)
                + "，可兑付至多 " + VoucherAmount.yuan(max));
        mails.toStaff(v, "收到兑付申请", "可兑付至多 " + VoucherAmount.yuan(max));
        if (party == RedemptionBy.PROVIDER) {
            enterpriseMail(v, "服务机构已申请兑付", "");
        } else {
            mails.toProvider(VoucherProvider.findById(v.providerId), v, "企业已申请兑付", "");
        }
        return v;
    }

    private static void store(Voucher v, String kind, VoucherInput.Upload u) {
        VoucherFile f = new VoucherFile();
        f.voucherId = v.id;
        f.kind = kind;
        f.fileName = u.fileName();
        f.contentType = VoucherInput.contentType(u);
        f.data = u.data();
        f.persist();
    }

    // ------------------------------------------------------------------ staff

    @Transactional
    public Voucher startReview(long id, long version, String actor) {
        Voucher v = load(id, version);
        VoucherStatus from = move(v, VoucherAction.START_REVIEW);
        VoucherEvent.record(v, actor, "开始审核", from, "");
        enterpriseMail(v, "申领进入审核", "");
        return v;
    }

    /**
     * Approves {@code amount} (at most the requested amount), reserving it from the batch under the
     * batch's row lock: refused with 409 when the remaining budget or the enterprise's annual cap is short.
     */
    @Transactional
    public Voucher approve(long id, long version, String amount, String actor) {
        Voucher v = load(id, version);
        require(v, VoucherAction.APPROVE);
        FieldErrors.Builder e = new FieldErrors.Builder();
        BigDecimal a = VoucherInput.money(e, "approvedAmount", "核准金额", amount, VoucherInput.AMOUNT_MAX, false);
        if (a != null && a.compareTo(v.requestedAmount) > 0) {
            e.add("approvedAmount", "核准金额不能超过申请金额 " + VoucherAmount.yuan(v.requestedAmount));
        }
        e.throwIfAny();
        VoucherBatch b = VoucherBatch.findById(v.batchId);
        if (v.needsExperts(b) && VoucherReview.count("voucherId", v.id) < 2) {
            throw new VoucherConflict("申请金额超过本批次专家评审金额线 " + VoucherAmount.yuan(b.expertThreshold)
                    + "，须两位专家评审后才能核准。");
        }
        LocalDate today = clock.today();
        ledger.reserve(b, v.enterpriseId, a, today);
        VoucherStatus from = move(v, VoucherAction.APPROVE);
        v.approvedAmount = a;
        v.approvedAt = clock.now();
        v.validUntil = min(calendar.fromToday(b.validDays), b.useUntil);
        VoucherEvent.record(v, actor, "核准", from, "核准金额 " + VoucherAmount.yuan(a) + "，有效期至 " + v.validUntil);
        v.number = "KJCXQ-" + today.getYear() + "-" + String.format("%06d", v.id);
        enterpriseMail(v, "已核准，券号 " + v.number, "请在有效期内与服务机构签订服务合同。");
        mails.toProvider(VoucherProvider.findById(v.providerId), v, "企业已获创新券，请确认服务合同", "");
        return v;
    }

    /** Staff name two experts (users with the realm role expert) for an application above the batch's line. */
    @Transactional
    public Voucher requestExperts(long id, long version, String expertA, String expertB, String actor) {
        Voucher v = load(id, version);
        require(v, VoucherAction.REQUEST_EXPERTS);
        FieldErrors.Builder e = new FieldErrors.Builder();
        String a = VoucherInput.text(e, "expertA", "第一位专家", expertA, 100, true);
        String b = VoucherInput.text(e, "expertB", "第二位专家", expertB, 100, true);
        if (!a.isEmpty() && !a.matches("[A-Za-z0-9._-]+")) {
            e.add("expertA", "请填写专家的登录用户名，如 expert1");
        }
        if (!b.isEmpty() && !b.matches("[A-Za-z0-9._-]+")) {
            e.add("expertB", "请填写专家的登录用户名，如 expert2");
        } else if (!b.isEmpty() && b.equals(a)) {
            e.add("expertB", "两位专家不能是同一人");
        }
        // named experts must be in the pool (已入库, not paused or removed)
        if (!a.isEmpty() && a.matches("[A-Za-z0-9._-]+") && experts.byUsername(a).isEmpty()) {
            e.add("expertA", "“" + a + "”不是在库专家（未入库、已暂停或已出库），请填写科技专家库中在库专家的用户名");
        }
        if (!b.isEmpty() && b.matches("[A-Za-z0-9._-]+") && !b.equals(a) && experts.byUsername(b).isEmpty()) {
            e.add("expertB", "“" + b + "”不是在库专家（未入库、已暂停或已出库），请填写科技专家库中在库专家的用户名");
        }
        e.throwIfAny();
        VoucherStatus from = move(v, VoucherAction.REQUEST_EXPERTS);
        v.expertA = a;
        v.expertB = b;
        VoucherEvent.record(v, actor, "提交专家评审", from, a + "、" + b);
        for (String expert : java.util.List.of(a, b)) {
            expertNotices.namedForVoucher(expert, v.serviceText, v.requestedAmount.toPlainString(), "/expert/vouchers/" + v.id);
        }
        return v;
    }

    /** One named expert records an opinion; the second one sends the application back to staff. */
    @Transactional
    public Voucher recordOpinion(String expert, long id, long version, String recommend, String opinion,
            String actor) {
        Voucher v = Voucher.findById(id);
        if (v == null || !(expert.equals(v.expertA) || expert.equals(v.expertB))) {
            throw new NotFoundException();
        }
        v = load(id, version);
        require(v, VoucherAction.EXPERT_OPINION);
        // the opinion leaves the state as it is: bump the version anyway, so two experts at once are serialised
        Voucher.getEntityManager().lock(v, jakarta.persistence.LockModeType.OPTIMISTIC_FORCE_INCREMENT);
        if (VoucherReview.count("voucherId = ?1 and expert = ?2", id, expert) > 0) {
            throw new VoucherConflict("您已提交过评审意见。");
        }
        FieldErrors.Builder e = new FieldErrors.Builder();
        if (!"yes".equals(recommend) && !"no".equals(recommend)) {
            e.add("recommend", "请选择是否建议核准");
        }
        String text = VoucherInput.text(e, "opinion", "评审意见", opinion, 2000, true);
        e.throwIfAny();
        VoucherReview r = new VoucherReview();
        r.voucherId = v.id;
        r.expert = expert;
        r.recommend = "yes".equals(recommend);
        r.opinion = text;
        r.at = clock.now();
        r.persist();
        VoucherStatus from = move(v, VoucherAction.EXPERT_OPINION);
        VoucherEvent.record(v, actor, "专家评审", from, (r.recommend ? "建议核准：" : "不建议核准：") + text);
        if (VoucherReview.count("voucherId", v.id) >= 2) {
            VoucherStatus before = move(v, VoucherAction.REVIEWS_COMPLETE);
            VoucherEvent.record(v, "系统", "专家评审完成", before, "");
            mails.toStaff(v, "专家评审已完成", "");
        }
        return v;
    }

    @Transactional
    public Voucher reject(long id, long version, String reason, String actor) {
        Voucher v = load(id, version);
        FieldErrors.Builder e = new FieldErrors.Builder();
        String r = VoucherInput.text(e, "reason", "不予核准理由", reason, 1000, true);
        e.throwIfAny();
        VoucherStatus from = move(v, VoucherAction.REJECT);
        v.rejectReason = r;
        VoucherEvent.record(v, actor, "不予核准", from, r);
        enterpriseMail(v, "不予核准", "理由：" + r);
        return v;
    }

    /** Pays at most the approved amount and the batch ratio of the invoice; the rest of the reservation is released. */
    @Transactional
    public Voucher pay(long id, long version, String amount, String paidOn, String reference, String actor) {
        Voucher v = load(id, version);
        require(v, VoucherAction.PAY);
        VoucherBatch b = VoucherBatch.findById(v.batchId);
        FieldErrors.Builder e = new FieldErrors.Builder();
        BigDecimal a = VoucherInput.money(e, "redemptionAmount", "兑付金额", amount, VoucherInput.AMOUNT_MAX, false);
        BigDecimal max = VoucherAmount.redeemable(v.approvedAmount, v.invoiceAmount, b.ratioPercent);
        if (a != null && a.compareTo(max) > 0) {
            e.add("redemptionAmount", "兑付金额不能超过 " + VoucherAmount.yuan(max) + "（核准金额与发票金额×支持比例中的较小者）");
        }
        LocalDate day = VoucherInput.date(e, "paidOn", "支付日期", paidOn);
        if (day != null && day.isAfter(clock.today())) {
            e.add("paidOn", "支付日期不能晚于今天");
        }
        if (day != null && v.approvedAt != null && day.isBefore(PortalClock.dayOf(v.approvedAt))) {
            e.add("paidOn", "支付日期不能早于核准日期");
        }
        String ref = VoucherInput.text(e, "paymentReference", "支付凭证号", reference, 100, true);
        e.throwIfAny();
        VoucherStatus from = move(v, VoucherAction.PAY);
        ledger.redeem(v.batchId, v.approvedAmount, a);
        v.redemptionAmount = a;
        v.paidOn = day;
        v.paymentReference = ref;
        v.redeemedAt = clock.now();
        VoucherEvent.record(v, actor, "兑付", from, "兑付 " + VoucherAmount.yuan(a) + "，支付日期 " + day + "，凭证号 " + ref);
        enterpriseMail(v, "已兑付", "兑付金额 " + VoucherAmount.yuan(a));
        mails.toProvider(VoucherProvider.findById(v.providerId), v, "已兑付", "兑付金额 " + VoucherAmount.yuan(a)
                + "，支付日期 " + day + "，凭证号 " + ref);
        return v;
    }

    @Transactional
    public Voucher returnRedemption(long id, long version, String reason, String actor) {
        Voucher v = load(id, version);
        FieldErrors.Builder e = new FieldErrors.Builder();
        String r = VoucherInput.text(e, "reason", "退回理由", reason, 1000, true);
        e.throwIfAny();
        VoucherStatus from = move(v, VoucherAction.RETURN_REDEMPTION);
        VoucherEvent.record(v, actor, "退回兑付申请", from, r);
        mails.toProvider(VoucherProvider.findById(v.providerId), v, "兑付申请被退回", "理由：" + r);
        return v;
    }

    // ------------------------------------------------------------------ daily

    /**
     * Expires approved vouchers whose validity ended before {@code today} without a confirmed contract and
     * releases their reservation. Rows are claimed with SKIP LOCKED, so every instance may run it.
     */
    @Override
    @Transactional
    public int remind(LocalDate today) {
        @SuppressWarnings("unchecked")
        List<Long> ids = Voucher.getEntityManager().createNativeQuery(
                "select id from voucher where status = 'APPROVED' and valid_until < :d order by id for update skip locked")
                .setParameter("d", today).getResultList().stream().map(x -> ((Number) x).longValue()).toList();
        for (long id : ids) {
            Voucher v = Voucher.findById(id);
            VoucherStatus from = move(v, VoucherAction.EXPIRE);
            ledger.release(v.batchId, v.approvedAmount);
            VoucherEvent.record(v, "系统", "过期失效", from, "有效期至 " + v.validUntil + "，未确认服务合同；释放预算 "
                    + VoucherAmount.yuan(v.approvedAmount));
            enterpriseMail(v, "已过期失效", "");
        }
        if (!ids.isEmpty()) {
            Log.infof("vouchers: %d expired, reservations released", ids.size());
        }
        // reminders: the contract must be confirmed within the validity; warn 5 working days ahead, once
        LocalDate soon = calendar.load().addWorkingDays(today, REMIND_WORKING_DAYS);
        int reminded = 0;
        for (Voucher v : Voucher.<Voucher>list("status = ?1 and validUntil >= ?2 and validUntil <= ?3",
                VoucherStatus.APPROVED, today, soon)) {
            EnterpriseProfile p = EnterpriseProfile.findById(v.enterpriseId);
            VoucherProvider provider = VoucherProvider.findById(v.providerId);
            reminded += mails.expirySoon(p == null ? null : p.mailAddress(), p == null ? "" : p.name, v, false) ? 1 : 0;
            reminded += mails.expirySoon(provider.email, provider.name, v, true) ? 1 : 0;
        }
        return ids.size() + reminded;
    }

    /**
     * An enterprise deletes its personal data: open applications and unused vouchers are cancelled through
     * the state machine (releasing their budget); the declared legal representative and mobile number are
     * blanked. The vouchers themselves stay, as records of public money paid.
     */
    @Transactional
    void erase(@Observes PersonalDataErasure erasure) {
        List<Voucher> vouchers = Voucher.list("enterpriseId", erasure.profileId());
        for (Voucher v : vouchers) {
            if (v.status.allows(VoucherAction.CANCEL)) {
                VoucherStatus from = move(v, VoucherAction.CANCEL);
                if (from.reserves()) {
                    ledger.release(v.batchId, v.approvedAmount);
                }
                VoucherEvent.record(v, "系统", "企业删除个人信息，申领作废", from, "");
            }
            v.legalRepresentative = "（已删除）";
            v.contactMobile = "（已删除）";
        }
    }

    // ------------------------------------------------------------------ helpers

    private void enterpriseMail(Voucher v, String step, String detail) {
        EnterpriseProfile p = EnterpriseProfile.findById(v.enterpriseId);
        if (p != null) {
            mails.toEnterprise(p.mailAddress(), p.name, v, step, detail);
        }
    }

    private static LocalDate min(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }

    private static VoucherBatch batch(long id, long version) {
        VoucherBatch b = VoucherBatch.findById(id);
        if (b == null) {
            throw new NotFoundException();
        }
        if (b.version != version) {
            throw VoucherConflict.stale();
        }
        return b;
    }

    static Voucher load(long id, long version) {
        Voucher v = Voucher.findById(id);
        if (v == null) {
            throw new NotFoundException();
        }
        if (v.version != version) {
            throw VoucherConflict.stale();
        }
        return v;
    }

    private static Voucher ownByEnterprise(String subject, long id, long version) {
        EnterpriseProfile p = EnterpriseProfile.findBySubject(subject).orElseThrow(NotFoundException::new);
        Voucher v = Voucher.findById(id);
        if (v == null || !v.enterpriseId.equals(p.id)) {
            throw new NotFoundException();
        }
        return load(id, version);
    }

    private static Voucher ownByProvider(String subject, long id, long version) {
        VoucherProvider p = VoucherProvider.findBySubject(subject).orElseThrow(NotFoundException::new);
        Voucher v = Voucher.findById(id);
        if (v == null || !v.providerId.equals(p.id)) {
            throw new NotFoundException();
        }
        return load(id, version);
    }

    private static void require(Voucher v, VoucherAction action) {
        if (!v.status.allows(action)) {
            throw new VoucherConflict("创新券当前状态为“" + v.status.label + "”，不能" + action.label + "。");
        }
    }

    private static VoucherStatus move(Voucher v, VoucherAction action) {
        require(v, action);
        VoucherStatus from = v.status;
        v.status = from.after(action).orElseThrow();
        return from;
    }
}
