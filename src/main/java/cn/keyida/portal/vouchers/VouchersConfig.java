package cn.keyida.portal.vouchers;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Innovation vouchers: where mails for staff go. */
@ConfigMapping(prefix = "portal.vouchers")
public interface VouchersConfig {

    /** The bureau's voucher mailbox: new applications and redemption requests. */
    @WithDefault("chuangxinquan@kjj.guangyuan.example")
    String staffMailbox();
}
