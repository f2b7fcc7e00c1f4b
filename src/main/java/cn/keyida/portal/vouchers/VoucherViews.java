package cn.keyida.portal.vouchers;

import cn.keyida.portal.experts.ExpertPool;
import cn.keyida.portal.experts.PoolExpert;
import cn.keyida.portal.experts.ServiceMode;
import cn.keyida.portal.common.PortalClock;
import cn.keyida.portal.enterprise.EnterpriseProfile;
import cn.keyida.portal.matching.Matcher;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.NotFoundException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** Everything the voucher pages show, read in one transaction and handed over as records. */
@ApplicationScoped
public class VoucherViews {

    public record Figures(BigDecimal budget, BigDecimal reserved, BigDecimal redeemed, BigDecimal remaining,
            long applications, long approved, long redeemedCount) {}

    public record BatchRow(VoucherBatch batch, Figures figures) {}

    public record ProviderCard(VoucherProvider provider, List<VoucherOffer> offers) {}

    public record PublicHome(List<BatchRow> batches, List<ProviderCard> providers) {}

    public record Row(Voucher voucher, String batchName, String providerName, List<String> flags) {}

    public record MyHome(boolean hasProfile, List<Row> vouchers, List<BatchRow> open) {}

    public record ApplyPage(VoucherBatch batch, Matcher.Evaluation eligibility, List<ProviderCard> providers,
            BigDecimal usedThisYear, VoucherAmount.Result preview, List<Category> categories) {}

    public record Detail(Voucher voucher, VoucherBatch batch, VoucherProvider provider, EnterpriseProfile enterprise,
            List<VoucherFile> files, List<VoucherEvent> events, List<String> flags, BigDecimal redeemableMax,
            List<VoucherReview> reviews, boolean needsExperts, List<PoolExpert> reviewers) {}

    public record ProviderHome(VoucherProvider provider, List<VoucherOffer> offers, List<Row> vouchers,
            List<Category> categories) {}

    public record Share(String label, BigDecimal reserved, BigDecimal redeemed, long count) {}

    public record Dashboard(VoucherBatch batch, Figures figures, List<Share> byCategory, List<Share> byProvider,
            String daysToApproval, String daysToRedemption, List<Row> vouchers) {}

    public record StaffHome(List<BatchRow> batches, List<VoucherProvider> providers, List<Row> pending) {}

    private final VoucherWorkflow workflow;
    private final PortalClock clock;

    private final ExpertPool pool;

    VoucherViews(VoucherWorkflow workflow, PortalClock clock, ExpertPool pool) {
        this.workflow = workflow;
        this.clock = clock;
        this.pool = pool;
    }

    @Transactional
    public PublicHome publicHome() {
        List<BatchRow> rows = VoucherBatch.<VoucherBatch>list("status in ?1 order by applyTo desc",
                List.of(BatchStatus.OPEN, BatchStatus.CLOSED)).stream().map(b -> new BatchRow(b, figures(b))).toList();
        return new PublicHome(rows, VoucherProvider.listed().stream()
                .map(p -> new ProviderCard(p, VoucherOffer.of(p.id))).toList());
    }

    @Transactional
    public ProviderCard publicProvider(long id) {
        VoucherProvider p = VoucherProvider.findById(id);
        if (p == null || p.status != ProviderStatus.APPROVED) {
            throw new NotFoundException();
        }
        return new ProviderCard(p, VoucherOffer.of(p.id));
    }

    @Transactional
    public MyHome myHome(String subject) {
        Optional<EnterpriseProfile> p = EnterpriseProfile.findBySubject(subject);
        List<Row> vouchers = p.map(x -> rows(Voucher.<Voucher>list("enterpriseId = ?1 order by id desc", x.id), false))
                .orElse(List.of());
        List<BatchRow> open = VoucherBatch.open().stream().filter(b -> b.acceptsApplications(clock.today()))
                .map(b -> new BatchRow(b, figures(b))).toList();
        return new MyHome(p.isPresent(), vouchers, open);
    }

    @Transactional
    public Optional<ApplyPage> applyPage(String subject, long batchId, BigDecimal quote) {
        VoucherBatch b = VoucherBatch.findById(batchId);
        if (b == null || b.status == BatchStatus.DRAFT) {
            throw new NotFoundException();
        }
        return EnterpriseProfile.findBySubject(subject).map(p -> {
            List<ProviderCard> providers = VoucherProvider.listed().stream()
                    .filter(x -> b.categoryList().stream().anyMatch(c -> x.hasCategory(c.name())))
                    .map(x -> new ProviderCard(x, VoucherOffer.of(x.id).stream()
                            .filter(o -> b.categoryList().contains(o.category)).toList()))
                    .toList();
            VoucherAmount.Result preview = quote == null ? null : workflow.preview(b, p, quote);
            BigDecimal used = usedThisYear(b, p);
            return new ApplyPage(b, VoucherWorkflow.eligibility(b, p, clock.today()), providers, used, preview,
                    b.categoryList());
        });
    }

    private BigDecimal usedThisYear(VoucherBatch b, EnterpriseProfile p) {
        Object sum = Voucher.getEntityManager().createNativeQuery("""
                select coalesce(sum(coalesce(redemption_amount, approved_amount)), 0) from voucher
                where batch_id = :b and enterprise_id = :e and status in (:s)
                  and extract(year from approved_at at time zone 'Asia/Shanghai') = :y""")
                .setParameter("b", b.id).setParameter("e", p.id)
                .setParameter("s", VoucherStatus.COUNTING.stream().map(Enum::name).toList())
                .setParameter("y", clock.today().getYear()).getSingleResult();
        return new BigDecimal(sum.toString()).setScale(2);
    }

    @Transactional
    public Detail myDetail(String subject, long id) {
        EnterpriseProfile p = EnterpriseProfile.findBySubject(subject).orElseThrow(NotFoundException::new);
        Voucher v = Voucher.findById(id);
        if (v == null || !v.enterpriseId.equals(p.id)) {
            throw new NotFoundException();
        }
        return detail(v, false);
    }

    @Transactional
    public Detail providerDetail(String subject, long id) {
        VoucherProvider p = VoucherProvider.findBySubject(subject).orElseThrow(NotFoundException::new);
        Voucher v = Voucher.findById(id);
        if (v == null || !v.providerId.equals(p.id)) {
            throw new NotFoundException();
        }
        return detail(v, false);
    }

    /** The applications an expert was named for, newest first. */
    @Transactional
    public List<Row> expertList(String username) {
        return rows(Voucher.<Voucher>list("expertA = ?1 or expertB = ?1 order by id desc", username), false);
    }

    /** An application the expert was named for (else 404), with the quote and the expert's own opinion. */
    @Transactional
    public Detail expertDetail(String username, long id) {
        Voucher v = Voucher.findById(id);
        if (v == null || !(username.equals(v.expertA) || username.equals(v.expertB))) {
            throw new NotFoundException();
        }
        Detail d = detail(v, false);
        return new Detail(d.voucher(), d.batch(), d.provider(), null, d.files(), d.events(), List.of(), null,
                VoucherReview.<VoucherReview>list("voucherId = ?1 and expert = ?2", id, username), true, List.of());
    }

    /** A file of an application the expert reviews. */
    @Transactional
    public VoucherFile expertFile(String username, long voucherId, long fileId) {
        expertDetail(username, voucherId);
        return file(voucherId, fileId, null, true);
    }

    @Transactional
    public Detail staffDetail(long id) {
        Voucher v = Voucher.findById(id);
        if (v == null) {
            throw new NotFoundException();
        }
        return detail(v, true);
    }

    /** A file of a voucher; staff see all, the enterprise and the provider only their own vouchers'. */
    @Transactional
    public VoucherFile file(long voucherId, long fileId, String subject, boolean staff) {
        Voucher v = Voucher.findById(voucherId);
        VoucherFile f = VoucherFile.findById(fileId);
        if (v == null || f == null || !f.voucherId.equals(v.id)) {
            throw new NotFoundException();
        }
        if (!staff) {
            boolean enterprise = EnterpriseProfile.findBySubject(subject).map(p -> p.id.equals(v.enterpriseId)).orElse(false);
            boolean provider = VoucherProvider.findBySubject(subject).map(p -> p.id.equals(v.providerId)).orElse(false);
            if (!enterprise && !provider) {
                throw new NotFoundException();
            }
        }
        int loaded = f.data.length; // load the lazy bytes inside the transaction
        assert loaded >= 0;
        return f;
    }

    private Detail detail(Voucher v, boolean staff) {
        VoucherBatch b = VoucherBatch.findById(v.batchId);
        VoucherProvider p = VoucherProvider.findById(v.providerId);
        EnterpriseProfile e = EnterpriseProfile.findById(v.enterpriseId);
        BigDecimal max = v.invoiceAmount == null || v.approvedAmount == null ? null
                : VoucherAmount.redeemable(v.approvedAmount, v.invoiceAmount, b.ratioPercent);
        boolean needsExperts = v.needsExperts(b);
        List<PoolExpert> reviewers = staff && needsExperts ? pool.active(null).stream()
                .filter(x -> x.serves(ServiceMode.REVIEW)).toList() : List.of();
        return new Detail(v, b, p, e, VoucherFile.of(v.id), VoucherEvent.timeline(v.id),
                staff ? flags(v, p, e) : List.of(), max, staff ? VoucherReview.of(v.id) : List.of(), needsExperts,
                reviewers);
    }

    private static List<String> flags(Voucher v, VoucherProvider p, EnterpriseProfile e) {
        long round = Voucher.<Voucher>list("enterpriseId", v.enterpriseId).stream()
                .filter(x -> FraudFlags.isRound(x.quoteAmount)).count();
        return FraudFlags.of(v, p, e == null ? null : e.mobile, round);
    }

    @Transactional
    public Optional<ProviderHome> providerHome(String subject) {
        return Optional.of(VoucherProvider.findBySubject(subject)
                .map(p -> new ProviderHome(p, VoucherOffer.of(p.id),
                        rows(Voucher.<Voucher>list("providerId = ?1 and status <> ?2 order by id desc", p.id,
                                VoucherStatus.REJECTED), false), List.of(Category.values())))
                .orElse(new ProviderHome(null, List.of(), List.of(), List.of(Category.values()))));
    }

    @Transactional
    public StaffHome staffHome() {
        List<BatchRow> batches = VoucherBatch.<VoucherBatch>listAll().stream()
                .sorted(Comparator.comparing((VoucherBatch b) -> b.id).reversed())
                .map(b -> new BatchRow(b, figures(b))).toList();
        List<VoucherProvider> providers = VoucherProvider.list("order by status, name");
        List<Row> pending = rows(Voucher.<Voucher>list("status in ?1 order by id",
                List.of(VoucherStatus.SUBMITTED, VoucherStatus.IN_REVIEW, VoucherStatus.REDEMPTION_REQUESTED)), true);
        return new StaffHome(batches, providers, pending);
    }

    @Transactional
    public VoucherBatch batch(long id) {
        VoucherBatch b = VoucherBatch.findById(id);
        if (b == null) {
            throw new NotFoundException();
        }
        return b;
    }

    @Transactional
    public Dashboard dashboard(long batchId) {
        VoucherBatch b = batch(batchId);
        List<Voucher> all = Voucher.list("batchId = ?1 order by id", b.id);
        Map<String, List<Voucher>> byCategory = all.stream().collect(Collectors.groupingBy(v -> v.category.label,
                LinkedHashMap::new, Collectors.toList()));
        Map<Long, String> providerNames = new LinkedHashMap<>();
        all.forEach(v -> providerNames.computeIfAbsent(v.providerId, id -> VoucherProvider.<VoucherProvider>findById(id).name));
        Map<String, List<Voucher>> byProvider = all.stream().collect(Collectors.groupingBy(
                v -> providerNames.get(v.providerId), LinkedHashMap::new, Collectors.toList()));
        return new Dashboard(b, figures(b), shares(byCategory), shares(byProvider),
                averageDays(all.stream().filter(v -> v.approvedAt != null)
                        .map(v -> Duration.between(v.submittedAt, v.approvedAt)).toList()),
                averageDays(all.stream().filter(v -> v.redeemedAt != null)
                        .map(v -> Duration.between(v.submittedAt, v.redeemedAt)).toList()),
                rows(all, true));
    }

    private static List<Share> shares(Map<String, List<Voucher>> groups) {
        List<Share> out = new ArrayList<>();
        groups.forEach((label, vs) -> out.add(new Share(label,
                sum(vs.stream().filter(v -> v.status.reserves()).map(v -> v.approvedAmount).toList()),
                sum(vs.stream().filter(v -> v.status == VoucherStatus.REDEEMED).map(v -> v.redemptionAmount).toList()),
                vs.size())));
        return out;
    }

    static String averageDays(List<Duration> durations) {
        if (durations.isEmpty()) {
            return "—";
        }
        double hours = durations.stream().mapToLong(Duration::toMinutes).average().orElse(0) / 60.0;
        return BigDecimal.valueOf(hours / 24.0).setScale(1, RoundingMode.HALF_UP).toPlainString() + " 天";
    }

    private static BigDecimal sum(List<BigDecimal> values) {
        return values.stream().filter(x -> x != null).reduce(BigDecimal.ZERO, BigDecimal::add).setScale(2);
    }

    private List<Row> rows(List<Voucher> vouchers, boolean withFlags) {
        Map<Long, VoucherBatch> batches = new LinkedHashMap<>();
        Map<Long, VoucherProvider> providers = new LinkedHashMap<>();
        List<Row> rows = new ArrayList<>();
        for (Voucher v : vouchers) {
            VoucherBatch b = batches.computeIfAbsent(v.batchId, id -> VoucherBatch.findById(id));
            VoucherProvider p = providers.computeIfAbsent(v.providerId, id -> VoucherProvider.findById(id));
            List<String> flags = withFlags ? flags(v, p, EnterpriseProfile.findById(v.enterpriseId)) : List.of();
            rows.add(new Row(v, b.name, p.name, flags));
        }
        return rows;
    }

    /** Figures read from the batch row (the ledger's columns) and the batch's vouchers. */
    static Figures figures(VoucherBatch b) {
        Object[] row = (Object[]) VoucherBatch.getEntityManager().createNativeQuery("""
                select b.total_budget, b.reserved, b.redeemed,
                  (select count(*) from voucher v where v.batch_id = b.id),
                  (select count(*) from voucher v where v.batch_id = b.id and v.approved_at is not null),
                  (select count(*) from voucher v where v.batch_id = b.id and v.status = 'REDEEMED')
                from voucher_batch b where b.id = :id""").setParameter("id", b.id).getSingleResult();
        BigDecimal total = (BigDecimal) row[0];
        BigDecimal reserved = (BigDecimal) row[1];
        BigDecimal redeemed = (BigDecimal) row[2];
        return new Figures(total, reserved, redeemed, total.subtract(reserved).subtract(redeemed),
                ((Number) row[3]).longValue(), ((Number) row[4]).longValue(), ((Number) row[5]).longValue());
    }
}
