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

    private Roles() {}
}
