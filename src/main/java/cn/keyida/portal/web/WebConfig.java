package cn.keyida.portal.web;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Optional;

@ConfigMapping(prefix = "portal.web")
public interface WebConfig {

    /** Public address of the portal, for links in mails, feeds, the sitemap and canonical links. */
    @WithDefault("http://localhost:8080")
    String baseUrl();

    /** The city whose bureau runs the portal: its items come first on the home page. */
    @WithDefault("广元市")
    String city();

    /** The city's province: its items come right after the city's. */
    @WithDefault("四川省")
    String province();

    /** The bureau's service telephone, on every page's footer and the contact page. */
    @WithDefault("0839-12345")
    String hotline();

    /** The bureau's postal address, on the contact page. */
    @WithDefault("四川省广元市利州区")
    String address();

    /** ICP record number (ICP备案号) shown in the footer, when the site has one. */
    Optional<String> icp();

    /** 政府网站标识码 shown in the footer, when the site has one. */
    Optional<String> siteCode();

    /** 公安机关备案号 shown in the footer, when the site has one. */
    Optional<String> policeRecord();
}
