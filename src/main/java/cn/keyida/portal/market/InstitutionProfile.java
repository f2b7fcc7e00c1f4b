package cn.keyida.portal.market;

import cn.keyida.portal.common.BaseEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.util.List;
import java.util.Optional;

/** A university's or institute's profile, keyed by its user's OIDC subject; required before publishing. */
@Entity
@Table(name = "institution_profile")
public class InstitutionProfile extends BaseEntity {

    public static final List<String> KINDS = List.of("高等学校", "科研院所", "新型研发机构", "其他事业单位");

    public String subject;
    public String name;
    /** One of {@link #KINDS}. */
    public String kind;
    /** 统一社会信用代码 or 事业单位法人证书号. */
    public String code;

    @Column(name = "contact_person")
    public String contactPerson;

    public String mobile;
    public String email;

    public static Optional<InstitutionProfile> findBySubject(String subject) {
        return find("subject", subject).firstResultOptional();
    }
}
