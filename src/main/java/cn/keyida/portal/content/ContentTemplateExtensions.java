package cn.keyida.portal.content;

import io.quarkus.qute.TemplateExtension;

/** The audit trail names fields in Chinese: {@code title} → 标题. */
@TemplateExtension
class ContentTemplateExtensions {

    /** {@code item.provenance}: the public 来源 section. */
    static Provenance provenance(ContentItem item) {
        return Provenance.of(item);
    }

    static String fieldLabel(String name) {
        return ContentFields.label(name);
    }
}
