package cn.keyida.portal.experts;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;

/**
 * The pool as other features read it (vouchers name reviewers, projects draw them): only
 * {@link ExpertStatus#ACTIVE} experts are "in" the pool; lookups by subject and username return any
 * registered expert, with {@link #isActive} to check.
 */
@ApplicationScoped
public class ExpertPool {

    /** Active experts of the field (a {@code techfield} code), ordered by id; every active one when null. */
    @Transactional
    public List<PoolExpert> active(String fieldCode) {
        return Expert.active().stream()
                .filter(e -> fieldCode == null || e.fields.contains(fieldCode))
                .map(Expert::toPool).toList();
    }

    /** The active expert with this Keycloak username. */
    @Transactional
    public Optional<PoolExpert> byUsername(String username) {
        return Expert.findByUsername(username).filter(e -> e.status == ExpertStatus.ACTIVE).map(Expert::toPool);
    }

    /** The active expert with this OIDC subject. */
    @Transactional
    public Optional<PoolExpert> bySubject(String subject) {
        return Expert.findBySubject(subject).filter(e -> e.status == ExpertStatus.ACTIVE).map(Expert::toPool);
    }

    /** The active expert with this id. */
    @Transactional
    public Optional<PoolExpert> byId(long id) {
        return Expert.<Expert>findByIdOptional(id).filter(e -> e.status == ExpertStatus.ACTIVE).map(Expert::toPool);
    }

    @Transactional
    public boolean isActive(String username) {
        return byUsername(username).isPresent();
    }
}
