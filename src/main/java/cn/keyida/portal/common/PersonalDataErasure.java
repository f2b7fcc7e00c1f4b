package cn.keyida.portal.common;

/**
 * Fired (synchronously, in the deletion's transaction) when a person deletes their personal data:
 * every feature removes or anonymises its own rows about the person, before the profile is blanked.
 *
 * @param subject the OIDC subject of the person
 * @param profileId their enterprise profile's id
 * @param email the address the profile had, or null
 */
public record PersonalDataErasure(String subject, long profileId, String email) {}
