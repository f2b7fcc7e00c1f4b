package cn.keyida.portal.common;

import java.util.Map;

/**
 * Fired (synchronously, in the export's transaction) when a person asks for a copy of their data
 * (个人信息保护法): every feature that keeps rows about the person adds its section.
 *
 * @param subject the OIDC subject of the person
 * @param profileId their enterprise profile's id, or null when they have none
 * @param sections section title (Chinese) → content; observers add to it
 */
public record PersonalDataExport(String subject, Long profileId, Map<String, Object> sections) {}
