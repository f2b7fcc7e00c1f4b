package cn.keyida.portal.search;

import io.quarkus.qute.TemplateExtension;

/** Chinese labels for the coded values of search documents in templates. */
@TemplateExtension
class SearchTemplateExtensions {

    static String typeLabel(String type) {
        return Labels.value("type", type);
    }

    static String validityLabel(String validity) {
        return Labels.value("validity", validity);
    }
}
