package cn.keyida.portal.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;

/** The portal's public address, for canonical links in templates ({@code inject:canonical.base}). */
@Named("canonical")
@ApplicationScoped
public class Canonical {

    private final WebConfig config;

    Canonical(WebConfig config) {
        this.config = config;
    }

    public String base() {
        return config.baseUrl();
    }
}
