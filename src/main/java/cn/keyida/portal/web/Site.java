package cn.keyida.portal.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;

/**
 * What templates say about the site: its public address ({@code inject:site.base}, for canonical links),
 * its city, and the footer's contact and record numbers. Services may use it for links in mails too.
 */
@Named("site")
@ApplicationScoped
public class Site {

    private final WebConfig config;

    Site(WebConfig config) {
        this.config = config;
    }

    public String base() {
        return config.baseUrl();
    }

    public String city() {
        return config.city();
    }

    public String province() {
        return config.province();
    }

    public String hotline() {
        return config.hotline();
    }

    public String address() {
        return config.address();
    }

    public String icp() {
        return config.icp().orElse("");
    }

    public String siteCode() {
        return config.siteCode().orElse("");
    }

    public String policeRecord() {
        return config.policeRecord().orElse("");
    }
}
