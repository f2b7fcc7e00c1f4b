package cn.keyida.portal.staff;

import cn.keyida.portal.web.InvalidInputException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Who works at the bureau and in which department: the people the workflows assign work to and mail.
 * The logins live in Keycloak; this directory owns {@code staff_member} and {@code department}.
 */
@ApplicationScoped
public class StaffDirectory {

    @Transactional
    public List<StaffMember> active() {
        return StaffMember.listActive();
    }

    @Transactional
    public List<StaffMember> supervisors() {
        return StaffMember.supervisors();
    }

    @Transactional
    public Optional<StaffMember> find(String username) {
        return username == null ? Optional.empty() : StaffMember.findByIdOptional(username);
    }

    /** Username → display name of everyone, active or not (old records name former staff too). */
    @Transactional
    public Map<String, String> names() {
        Map<String, String> names = new LinkedHashMap<>();
        StaffMember.<StaffMember>listAll().forEach(s -> names.put(s.username, s.displayName));
        return names;
    }

    @Transactional
    public List<StaffMember> everyone() {
        return StaffMember.list("order by username");
    }

    @Transactional
    public List<Department> departments() {
        return Department.listSorted();
    }

    @Transactional
    public void addDepartment(String name) {
        if (name.isEmpty()) {
            throw new InvalidInputException("请填写部门名称");
        }
        if (Department.count("name", name) > 0) {
            throw new InvalidInputException("部门已存在");
        }
        Department d = new Department();
        d.name = name;
        d.persist();
    }

    /** Adds or updates a member; {@code departmentId} null means none. */
    @Transactional
    public void saveMember(String username, String displayName, String email, Long departmentId, boolean supervisor,
            boolean active) {
        if (displayName.isEmpty()) {
            throw new InvalidInputException("请填写姓名");
        }
        StaffMember s = StaffMember.<StaffMember>findByIdOptional(username).orElseGet(StaffMember::new);
        s.username = username;
        s.displayName = displayName;
        s.email = email;
        s.departmentId = departmentId == null ? null : Department.<Department>findByIdOptional(departmentId)
                .orElseThrow(() -> new InvalidInputException("部门不存在")).id;
        s.supervisor = supervisor;
        s.active = active;
        s.persist();
    }
}
