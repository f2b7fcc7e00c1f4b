package cn.keyida.portal.vouchers;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;

/** A document of a voucher: the quote (报价单), the invoice (发票), the acceptance report (验收报告). */
@Entity
@Table(name = "voucher_file")
public class VoucherFile extends PanacheEntityBase {

    public static final String QUOTE = "QUOTE";
    public static final String INVOICE = "INVOICE";
    public static final String ACCEPTANCE = "ACCEPTANCE";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "voucher_id")
    public Long voucherId;

    public String kind;

    @Column(name = "file_name")
    public String fileName;

    @Column(name = "content_type")
    public String contentType;

    @Basic(fetch = FetchType.LAZY)
    public byte[] data;

    @Column(name = "created_at")
    public Instant createdAt = Instant.now();

    public String kindLabel() {
        return switch (kind) {
            case QUOTE -> "报价单";
            case INVOICE -> "发票";
            default -> "验收报告";
        };
    }

    public static List<VoucherFile> of(long voucherId) {
        return list("voucherId = ?1 order by id", voucherId);
    }
}
