package cn.keyida.portal.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;

/** What every page's frame says about the site ({@code inject:site.city}, the footer's record numbers). */
@Named("site")
@ApplicationScoped
public class Site {

    private final WebConfig config;

    Site(WebConfig config) {
        this.config = config;
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
