package cn.keyida.portal.calendar;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.util.List;

/** A day that differs from the Monday–Friday rule: a holiday, or a weekend day worked instead (调休). */
@Entity
@Table(name = "calendar_day")
public class CalendarDay extends PanacheEntityBase {

    public enum Kind { HOLIDAY, WORKDAY }

    @Id
    public LocalDate day;

    @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
    public Kind kind;

    public String name = "";

    public static List<CalendarDay> listSorted() {
        return list("order by day");
    }
}
