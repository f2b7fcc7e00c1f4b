package cn.keyida.portal.projects;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.util.List;

/** One row of an application's budget table (科目 and amount). */
@Entity
@Table(name = "project_budget_line")
public class BudgetLine extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "application_id")
    public Long applicationId;

    public int position;
    public String item;
    public BigDecimal amount;

    public static List<BudgetLine> of(long applicationId) {
        return list("applicationId = ?1 order by position", applicationId);
    }
}
