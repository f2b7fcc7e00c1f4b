package cn.keyida.portal.content;

import io.quarkus.qute.TemplateExtension;

/** The audit trail names fields in Chinese: {@code title} → 标题. */
@TemplateExtension
class ContentTemplateExtensions {

    static String fieldLabel(String name) {
        return ContentFields.label(name);
    }
}
