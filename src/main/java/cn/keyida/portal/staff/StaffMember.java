package cn.keyida.portal.staff;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.List;

/** A bureau staff member the portal can assign needs to (the identity itself lives in Keycloak). */
@Entity
@Table(name = "staff_member")
public class StaffMember extends PanacheEntityBase {

    @Id
    public String username;

    @Column(name = "display_name")
    public String displayName;

    public String email;

    @Column(name = "department_id")
    public Long departmentId;

    public boolean supervisor;
    public boolean active;

    public static List<StaffMember> listActive() {
        return list("active = true order by username");
    }

    public static List<StaffMember> supervisors() {
        return list("active = true and supervisor = true order by username");
    }
}
