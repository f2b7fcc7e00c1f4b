package cn.keyida.portal.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.logging.Level;
import org.jboss.logmanager.ExtLogRecord;
import org.junit.jupiter.api.Test;

/** Issue 24, finding 11: user input with CR/LF cannot forge a second log line. */
class LogLinesTest {

    @Test
    void lineBreaksInAMessageAndItsParametersAreEscaped() {
        ExtLogRecord record = new ExtLogRecord(Level.WARNING, "Unexpected error on %s", ExtLogRecord.FormatStyle.PRINTF,
                LogLinesTest.class.getName());
        record.setParameters(new Object[] {"/login/start\r\nSet-Cookie:x=1"});
        assertThat(new LogLines().isLoggable(record)).isTrue();
        assertThat(record.getFormattedMessage()).isEqualTo("Unexpected error on /login/start\\r\\nSet-Cookie:x=1")
                .doesNotContain("\n", "\r");
    }

    @Test
    void ordinaryMessagesAreUntouched() {
        ExtLogRecord record = new ExtLogRecord(Level.INFO, "Indexed %d items", ExtLogRecord.FormatStyle.PRINTF, "x");
        record.setParameters(new Object[] {3});
        new LogLines().isLoggable(record);
        assertThat(record.getFormattedMessage()).isEqualTo("Indexed 3 items");
    }
}
