package cn.keyida.portal.web;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Requests per minute and client address, per kind of request. */
@ConfigMapping(prefix = "portal.rate-limit")
public interface RateLimitConfig {

    @WithDefault("true")
    boolean enabled();

    /** Need submissions (POST /my/needs). */
    @WithDefault("10")
    int needsPerMinute();

    /** Login-adjacent requests: /login and the one-click callback links. */
    @WithDefault("30")
    int loginPerMinute();

    /** Searches: /search, /api/search, /api/suggest and the feeds. */
    @WithDefault("300")
    int searchPerMinute();
}
