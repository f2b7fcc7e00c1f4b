package cn.keyida.portal.needs;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.NotFoundException;
import java.util.List;

/** The need categories and their deadlines in working days, as admins set them. */
@ApplicationScoped
public class NeedCategories {

    @Transactional
    public List<NeedCategory> all() {
        return NeedCategory.listAllSorted();
    }

    @Transactional
    public void update(String code, int acceptDays, int resolveDays, int callbackDays, boolean active) {
        NeedCategory c = NeedCategory.<NeedCategory>findByIdOptional(code).orElseThrow(NotFoundException::new);
        c.acceptDays = acceptDays;
        c.resolveDays = resolveDays;
        c.callbackDays = callbackDays;
        c.active = active;
    }
}
