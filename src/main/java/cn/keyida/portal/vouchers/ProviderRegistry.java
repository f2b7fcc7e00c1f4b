package cn.keyida.portal.vouchers;

import cn.keyida.portal.enterprise.CreditCode;
import cn.keyida.portal.web.FieldErrors;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.NotFoundException;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/** Service providers: registration (and re-registration after edits), staff review, the service catalogue. */
@ApplicationScoped
public class ProviderRegistry {

    public record ProviderInput(String version, String name, String creditCode, String legalRepresentative,
            String contactPerson, String mobile, String email, String credentials, List<String> categories,
            String description) {}

    public record OfferInput(String name, String category, String price, String typicalDays) {}

    private final VoucherMails mails;

    ProviderRegistry(VoucherMails mails) {
        this.mails = mails;
    }

    /** Creates or updates the provider's registration; any change sends it back to staff review. */
    @Transactional
    public VoucherProvider register(String subject, String username, ProviderInput in) {
        Optional<VoucherProvider> existing = VoucherProvider.findBySubject(subject);
        if (existing.isPresent() && existing.get().version != VoucherInput.version(in.version())) {
            throw VoucherConflict.stale();
        }
        FieldErrors.Builder e = new FieldErrors.Builder();
        String name = VoucherInput.text(e, "name", "机构名称", in.name(), 200, true);
        String code = VoucherInput.text(e, "creditCode", "统一社会信用代码", in.creditCode(), 18, true);
        if (!code.isEmpty() && !CreditCode.isValid(code)) {
            e.add("creditCode", "统一社会信用代码不正确，请核对 18 位代码");
        }
        String legal = VoucherInput.text(e, "legalRepresentative", "法定代表人", in.legalRepresentative(), 50, true);
        String contact = VoucherInput.text(e, "contactPerson", "联系人", in.contactPerson(), 50, true);
        String mobile = VoucherInput.text(e, "mobile", "联系电话", in.mobile(), 20, true);
        String email = VoucherInput.text(e, "email", "电子邮箱", in.email(), 200, true);
        if (!email.isEmpty() && !email.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
            e.add("email", "电子邮箱格式不正确");
        }
        String credentials = VoucherInput.text(e, "credentials", "资质证书（如 CMA/CNAS 编号）", in.credentials(), 500, false);
        List<String> categories = in.categories() == null ? List.of() : in.categories();
        if (categories.isEmpty() || categories.stream().anyMatch(c -> Category.of(c).isEmpty())) {
            e.add("categories", "请至少选择一个服务类别");
        }
        String description = VoucherInput.text(e, "description", "机构简介", in.description(), 2000, false);
        e.throwIfAny();
        VoucherProvider p = existing.orElseGet(VoucherProvider::new);
        p.subject = subject;
        p.username = username;
        p.name = name;
        p.creditCode = code.toUpperCase();
        p.legalRepresentative = legal;
        p.contactPerson = contact;
        p.mobile = mobile;
        p.email = email;
        p.credentials = credentials;
        p.categories = String.join(",", categories);
        p.description = description;
        p.status = p.status == null ? ProviderStatus.PENDING : p.status.after(ProviderStatus.Action.RESUBMIT).orElseThrow();
        p.reviewNote = "";
        p.persist();
        return p;
    }

    @Transactional
    public VoucherOffer addOffer(String subject, OfferInput in) {
        VoucherProvider p = VoucherProvider.findBySubject(subject).orElseThrow(NotFoundException::new);
        FieldErrors.Builder e = new FieldErrors.Builder();
        String name = VoucherInput.text(e, "offerName", "服务名称", in.name(), 200, true);
        Optional<Category> category = Category.of(in.category());
        if (category.isEmpty()) {
            e.add("offerCategory", "请选择服务类别");
        } else if (!VoucherBatch.split(p.categories).contains(category.get().name())) {
            e.add("offerCategory", "请先在登记信息中勾选“" + category.get().label + "”类别");
        }
        BigDecimal price = in.price() == null || in.price().isBlank() ? null
                : VoucherInput.money(e, "price", "参考价格", in.price(), VoucherInput.AMOUNT_MAX, false);
        Integer days = null;
        if (in.typicalDays() != null && !in.typicalDays().isBlank()) {
            Long d = VoucherInput.id(in.typicalDays());
            if (d == null || d < 1 || d > 3650) {
                e.add("typicalDays", "典型周期请填写 1 至 3650 之间的天数");
            } else {
                days = d.intValue();
            }
        }
        e.throwIfAny();
        VoucherOffer o = new VoucherOffer();
        o.providerId = p.id;
        o.name = name;
        o.category = category.get();
        o.price = price;
        o.typicalDays = days;
        o.persist();
        return o;
    }

    @Transactional
    public VoucherProvider review(long id, long version, boolean approve, String note) {
        VoucherProvider p = VoucherProvider.findById(id);
        if (p == null) {
            throw new NotFoundException();
        }
        if (p.version != version) {
            throw VoucherConflict.stale();
        }
        ProviderStatus.Action action = approve ? ProviderStatus.Action.APPROVE : ProviderStatus.Action.REJECT;
        FieldErrors.Builder e = new FieldErrors.Builder();
        String n = VoucherInput.text(e, "note", "审核意见", note, 500, !approve);
        e.throwIfAny();
        p.status = p.status.after(action).orElseThrow(() -> new VoucherConflict(
                "服务机构当前状态为“" + p.status.label + "”，不能" + action.label + "。"));
        p.reviewNote = n;
        mails.providerReviewed(p);
        return p;
    }
}
