package cn.keyida.portal.web;

import jakarta.ws.rs.NameBinding;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Puts a resource method under a per-client budget ({@link RateLimitFilter}). Bound to the method,
 * not to a path string: {@code /search/}, {@code /api/search/} or any other spelling that reaches
 * the method draws on the same budget.
 */
@NameBinding
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
public @interface RateLimited {

    Budget value();

    /** The budgets of {@code portal.rate-limit.*}, each counted per client address. */
    enum Budget {
        /** Searches: the search page, the search and suggest API, the search feed. */
        SEARCH,
        /** Login-adjacent requests: /login and the one-click callback links. */
        LOGIN,
        /** Need submissions. */
        NEEDS
    }
}
