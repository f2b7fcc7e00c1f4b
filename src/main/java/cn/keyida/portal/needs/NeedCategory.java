package cn.keyida.portal.needs;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.List;

/** A need category with its deadlines in working days (SLA), configured by admins. */
@Entity
@Table(name = "need_category")
public class NeedCategory extends PanacheEntityBase {

    @Id
    public String code;

    public String name;

    @Column(name = "sort_order")
    public int sortOrder;

    @Column(name = "accept_days")
    public int acceptDays;

    @Column(name = "resolve_days")
    public int resolveDays;

    @Column(name = "callback_days")
    public int callbackDays;

    public boolean active;

    public static List<NeedCategory> listActive() {
        return list("active = true order by sortOrder");
    }

    public static List<NeedCategory> listAllSorted() {
        return list("order by sortOrder");
    }
}
