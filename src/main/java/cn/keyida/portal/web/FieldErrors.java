package cn.keyida.portal.web;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** Invalid form input, field by field (form field name → Chinese message), for the error summary. */
public class FieldErrors extends InvalidInputException {

    private final Map<String, String> errors;

    public FieldErrors(Map<String, String> errors) {
        super(String.join("；", errors.values()));
        this.errors = Collections.unmodifiableMap(new LinkedHashMap<>(errors));
    }

    public Map<String, String> errors() {
        return errors;
    }

    /** Collects errors and throws them together. */
    public static final class Builder {
        private final Map<String, String> errors = new LinkedHashMap<>();

        public Builder add(String field, String message) {
            errors.putIfAbsent(field, message);
            return this;
        }

        public boolean isEmpty() {
            return errors.isEmpty();
        }

        public void throwIfAny() {
            if (!errors.isEmpty()) {
                throw new FieldErrors(errors);
            }
        }
    }
}
