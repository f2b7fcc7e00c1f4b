package cn.keyida.portal.web;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "portal.web")
public interface WebConfig {

    /** Public address of the portal, for links in mails, feeds, the sitemap and canonical links. */
    @WithDefault("http://localhost:8080")
    String baseUrl();
}
