package cn.keyida.portal.projects;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.keyida.portal.web.FieldErrors;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The budget table's rules, row by row, with their Chinese messages. */
class BudgetTableTest {

    static final BigDecimal MAX = new BigDecimal("500000");
    static final BigDecimal CALL = new BigDecimal("2000000");

    static Map<String, String> errors(List<String> items, List<String> amounts, String requested, String self) {
        FieldErrors.Builder e = new FieldErrors.Builder();
        BudgetTable.parse(e, items, amounts, requested, self, MAX, CALL);
        try {
            e.throwIfAny();
            return Map.of();
        } catch (FieldErrors x) {
            return x.errors();
        }
    }

    @Test
    void rowsThatAddUpToRequestedPlusSelfFundingPass() {
        FieldErrors.Builder e = new FieldErrors.Builder();
        BudgetTable.Result r = BudgetTable.parse(e, List.of("设备费", "材料费", ""), List.of("200000.50", "99999.50", ""),
                "200000", "100000", MAX, CALL);
        assertThat(e.isEmpty()).isTrue();
        assertThat(r.rows()).hasSize(2);
        assertThat(r.rows().get(0).amount()).isEqualByComparingTo("200000.50");
        assertThat(r.requested()).isEqualByComparingTo("200000");
    }

    @Test
    void totalsAreChecked() {
        assertThat(errors(List.of("设备费"), List.of("100"), "200", "0")).containsKey("budget")
                .extractingByKey("budget").asString().contains("不一致");
        assertThat(errors(List.of("设备费"), List.of("600000"), "600000", "0")).extractingByKey("requestedAmount")
                .asString().contains("单项资助上限");
        assertThat(errors(List.of(), List.of(), "100", "0")).extractingByKey("budget").asString().contains("请填写预算表");
    }

    @Test
    void amountsAreNonNegativeWithAtMostTwoDecimalsAndBounded() {
        assertThat(errors(List.of("设备费"), List.of("10.123"), "10.12", "0")).extractingByKey("budgetAmount0")
                .asString().contains("两位小数");
        assertThat(errors(List.of("设备费"), List.of("-5"), "10", "0")).extractingByKey("budgetAmount0")
                .asString().contains("负数");
        assertThat(errors(List.of("设备费"), List.of("200000000"), "10", "0")).extractingByKey("budgetAmount0")
                .asString().contains("不能超过");
        assertThat(errors(List.of("设备费"), List.of("一百"), "10", "0")).extractingByKey("budgetAmount0")
                .asString().contains("请填写数字");
        assertThat(errors(List.of("设备费", "设备费"), List.of("5", "5"), "10", "0")).extractingByKey("budgetItem1")
                .asString().contains("重复");
        assertThat(errors(List.of(""), List.of("5"), "5", "0")).extractingByKey("budgetItem0")
                .asString().contains("请填写第 1 行预算科目");
        assertThat(errors(List.of("设备费"), List.of("0"), "0", "0")).extractingByKey("requestedAmount")
                .asString().contains("必须大于 0");
    }
}
