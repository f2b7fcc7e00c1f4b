package cn.keyida.portal.security;

/**
 * Realm roles from Keycloak. supervisor and admin are composites that include staff, so "staff or
 * higher" is just {@link #STAFF}.
 */
public final class Roles {
    public static final String ENTERPRISE = "enterprise";
    public static final String STAFF = "staff";
    public static final String SUPERVISOR = "supervisor";
    public static final String ADMIN = "admin";
    /** 高校、科研院所: publish achievements and demands in the technology market. */
    public static final String INSTITUTION = "institution";
    /** 科技专家: advise on needs, review applications. */
    public static final String EXPERT = "expert";
    /** 服务机构: deliver voucher services. */
    public static final String PROVIDER = "provider";
    /** 技术经纪人: a staff member who follows technology-market pairings. */
    public static final String BROKER = "broker";

    private Roles() {}
}
