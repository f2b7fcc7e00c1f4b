package cn.keyida.portal.vouchers;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.List;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/** A batch's dashboard as .xlsx: the figures, the shares by category and provider, and every voucher. */
@ApplicationScoped
public class VoucherExport {

    static final List<String> COLUMNS = List.of("券号", "企业", "服务机构", "类别", "服务内容", "状态", "报价（元）",
            "申请金额（元）", "核准金额（元）", "合同金额（元）", "发票金额（元）", "兑付金额（元）", "支付日期", "风险提示");

    private final VoucherViews views;

    VoucherExport(VoucherViews views) {
        this.views = views;
    }

    @Transactional
    public byte[] xlsx(long batchId) {
        VoucherViews.Dashboard d = views.dashboard(batchId);
        try (SXSSFWorkbook wb = new SXSSFWorkbook(100); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet s = wb.createSheet("汇总");
            int r = 0;
            r = line(s, r, "批次", d.batch().name);
            r = line(s, r, "总预算（元）", d.figures().budget());
            r = line(s, r, "已预留（元）", d.figures().reserved());
            r = line(s, r, "已兑付（元）", d.figures().redeemed());
            r = line(s, r, "剩余（元）", d.figures().remaining());
            r = line(s, r, "申领数", BigDecimal.valueOf(d.figures().applications()));
            r = line(s, r, "申领至核准平均用时", d.daysToApproval());
            r = line(s, r, "申领至兑付平均用时", d.daysToRedemption());
            r++;
            r = shares(s, r, "按类别", d.byCategory());
            r++;
            shares(s, r, "按服务机构", d.byProvider());
            Sheet v = wb.createSheet("创新券");
            Row head = v.createRow(0);
            for (int i = 0; i < COLUMNS.size(); i++) {
                head.createCell(i).setCellValue(COLUMNS.get(i));
            }
            v.createFreezePane(0, 1);
            int i = 1;
            for (VoucherViews.Row row : d.vouchers()) {
                Voucher x = row.voucher();
                Row rr = v.createRow(i++);
                int c = 0;
                rr.createCell(c++).setCellValue(x.number == null ? "" : x.number);
                rr.createCell(c++).setCellValue(x.enterpriseName);
                rr.createCell(c++).setCellValue(row.providerName());
                rr.createCell(c++).setCellValue(x.category.label);
                rr.createCell(c++).setCellValue(x.serviceText);
                rr.createCell(c++).setCellValue(x.status.label);
                for (BigDecimal m : new BigDecimal[] {x.quoteAmount, x.requestedAmount, x.approvedAmount,
                        x.contractAmount, x.invoiceAmount, x.redemptionAmount}) {
                    if (m == null) {
                        rr.createCell(c++);
                    } else {
                        rr.createCell(c++).setCellValue(m.doubleValue()); // a spreadsheet cell holds a double
                    }
                }
                rr.createCell(c++).setCellValue(x.paidOn == null ? "" : x.paidOn.toString());
                rr.createCell(c).setCellValue(String.join("；", row.flags()));
            }
            wb.write(out);
            wb.dispose();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int line(Sheet s, int r, String label, Object value) {
        Row row = s.createRow(r);
        row.createCell(0).setCellValue(label);
        if (value instanceof BigDecimal b) {
            row.createCell(1).setCellValue(b.doubleValue());
        } else {
            row.createCell(1).setCellValue(String.valueOf(value));
        }
        return r + 1;
    }

    private static int shares(Sheet s, int r, String title, List<VoucherViews.Share> shares) {
        Row h = s.createRow(r++);
        h.createCell(0).setCellValue(title);
        h.createCell(1).setCellValue("预留（元）");
        h.createCell(2).setCellValue("兑付（元）");
        h.createCell(3).setCellValue("笔数");
        for (VoucherViews.Share x : shares) {
            Row row = s.createRow(r++);
            row.createCell(0).setCellValue(x.label());
            row.createCell(1).setCellValue(x.reserved().doubleValue());
            row.createCell(2).setCellValue(x.redeemed().doubleValue());
            row.createCell(3).setCellValue(x.count());
        }
        return r;
    }
}
