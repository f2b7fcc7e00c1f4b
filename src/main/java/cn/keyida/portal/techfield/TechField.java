package cn.keyida.portal.techfield;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/** One coded technology field (top level of 战略性新兴产业分类), shipped as data by the migration. */
@Entity
@Table(name = "tech_field")
public class TechField extends PanacheEntityBase {

    @Id
    public String code;

    public String name;

    /** Comma-separated codes of the fields counted as neighbouring this one. */
    public String neighbours;

    public int sort;

    public Set<String> neighbourCodes() {
        return neighbours == null || neighbours.isBlank() ? Set.of()
                : Arrays.stream(neighbours.split(",")).map(String::strip).collect(Collectors.toSet());
    }
}
