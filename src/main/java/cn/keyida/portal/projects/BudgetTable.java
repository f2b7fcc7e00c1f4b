package cn.keyida.portal.projects;

import cn.keyida.portal.web.FieldErrors;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The budget table of an application (预算表): rows of 科目 and amount. Every amount is non-negative, in
 * 元 with at most two decimals and at most 1 亿元; the rows add up to the project's total (申请资助 +
 * 自筹); the requested part is more than 0 and at most the call's 单项资助上限 (itself within the call's
 * total budget). Errors name the row, in Chinese.
 */
final class BudgetTable {

    static final int MAX_ROWS = 30;

    record Row(String item, BigDecimal amount) {}

    record Result(List<Row> rows, BigDecimal requested, BigDecimal selfFunding) {}

    private BudgetTable() {}

    static Result parse(FieldErrors.Builder e, List<String> items, List<String> amounts, String requested,
            String selfFunding, BigDecimal maxGrant, BigDecimal callBudget) {
        BigDecimal req = ProjectInput.money(e, "requestedAmount", "申请资助金额", requested, ProjectInput.AMOUNT_MAX, false);
        BigDecimal self = selfFunding == null || selfFunding.isBlank() ? BigDecimal.ZERO.setScale(2)
                : ProjectInput.money(e, "selfFunding", "自筹金额", selfFunding, ProjectInput.AMOUNT_MAX, true);
        if (req != null && maxGrant != null && req.compareTo(maxGrant) > 0) {
            e.add("requestedAmount", "申请资助金额不能超过本指南单项资助上限 " + ProjectInput.yuan(maxGrant));
        } else if (req != null && callBudget != null && req.compareTo(callBudget) > 0) {
            e.add("requestedAmount", "申请资助金额不能超过本指南总预算 " + ProjectInput.yuan(callBudget));
        }
        List<Row> rows = new ArrayList<>();
        int n = Math.max(items == null ? 0 : items.size(), amounts == null ? 0 : amounts.size());
        boolean rowError = false;
        Set<String> seen = new HashSet<>();
        int filled = 0;
        for (int i = 0; i < n; i++) {
            String item = at(items, i).strip();
            String amount = at(amounts, i).strip();
            if (item.isEmpty() && amount.isEmpty()) {
                continue;
            }
            filled++;
            String no = "第 " + (i + 1) + " 行";
            if (filled > MAX_ROWS) {
                e.add("budget", "预算表最多 " + MAX_ROWS + " 行");
                rowError = true;
                break;
            }
            String it = ProjectInput.text(e, "budgetItem" + i, no + "预算科目", item, 100, true);
            BigDecimal a = ProjectInput.money(e, "budgetAmount" + i, no + "金额", amount, ProjectInput.AMOUNT_MAX, true);
            if (!it.isEmpty() && !seen.add(it)) {
                e.add("budgetItem" + i, no + "预算科目“" + it + "”重复，请合并为一行");
                rowError = true;
            }
            if (a == null || it.isEmpty() || it.length() > 100) {
                rowError = true;
                continue;
            }
            rows.add(new Row(it, a));
        }
        if (filled == 0) {
            e.add("budget", "请填写预算表（至少一行科目和金额）");
        } else if (!rowError && req != null && self != null) {
            BigDecimal sum = rows.stream().map(Row::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
            BigDecimal total = req.add(self);
            if (sum.compareTo(total) != 0) {
                e.add("budget", "预算表合计 " + ProjectInput.yuan(sum) + " 与项目总预算（申请资助 " + ProjectInput.yuan(req)
                        + " + 自筹 " + ProjectInput.yuan(self) + " = " + ProjectInput.yuan(total) + "）不一致");
            }
        }
        return new Result(rows, req, self);
    }

    private static String at(List<String> l, int i) {
        return l == null || i >= l.size() || l.get(i) == null ? "" : l.get(i);
    }
}
