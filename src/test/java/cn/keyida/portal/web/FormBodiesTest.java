package cn.keyida.portal.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Which bodies are read on the event loop; the forms themselves go through every need and profile test. */
class FormBodiesTest {

    private static final String MULTIPART = "multipart/form-data; boundary=x";

    @Test
    void smallFormsOfKnownLengthAreBuffered() {
        assertThat(FormBodies.isSmallForm(MULTIPART, "812", null)).isTrue();
        assertThat(FormBodies.isSmallForm("Multipart/Form-Data; boundary=x", "0", null)).isTrue();
        assertThat(FormBodies.isSmallForm("application/x-www-form-urlencoded;charset=UTF-8", "40", null)).isTrue();
        assertThat(FormBodies.isSmallForm(MULTIPART, String.valueOf(FormBodies.MAX_BUFFERED), null)).isTrue();
    }

    @Test
    void largeOrUnknownLengthBodiesKeepStreaming() {
        assertThat(FormBodies.isSmallForm(MULTIPART, String.valueOf(FormBodies.MAX_BUFFERED + 1), null)).isFalse();
        assertThat(FormBodies.isSmallForm(MULTIPART, null, null)).isFalse(); // chunked
        assertThat(FormBodies.isSmallForm(MULTIPART, "-1", null)).isFalse();
        assertThat(FormBodies.isSmallForm(MULTIPART, "12abc", null)).isFalse();
        assertThat(FormBodies.isSmallForm(MULTIPART, "99999999999999999999", null)).isFalse();
    }

    @Test
    void otherBodiesAndContinueRequestsKeepStreaming() {
        assertThat(FormBodies.isSmallForm("application/json", "10", null)).isFalse();
        assertThat(FormBodies.isSmallForm(null, "10", null)).isFalse();
        assertThat(FormBodies.isSmallForm(MULTIPART, "812", "100-continue")).isFalse();
    }
}
