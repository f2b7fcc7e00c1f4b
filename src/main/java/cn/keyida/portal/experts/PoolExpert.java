package cn.keyida.portal.experts;

import java.util.List;
import java.util.Set;

/**
 * An expert as other features see the pool: who (subject may be null until a seeded expert first logs
 * in), where from, which fields (codes of {@code techfield}) and service modes. No contact details.
 */
public record PoolExpert(long id, String subject, String username, String name, String organisation,
        List<String> fields, Set<ServiceMode> modes) {

    public boolean serves(ServiceMode mode) {
        return modes.contains(mode);
    }

    public boolean inField(String fieldCode) {
        return fields.contains(fieldCode);
    }
}
