package cn.keyida.portal.web;

import io.quarkus.logging.LoggingFilter;
import java.util.logging.Filter;
import java.util.logging.LogRecord;
import org.jboss.logmanager.ExtLogRecord;

/**
 * One log record, one line: CR and LF in a message (a path, a query, a name someone typed) are
 * written as \r and \n, so user input can never forge a log line. Stack traces keep their lines;
 * they are ours. Configured on every handler ({@code quarkus.log.*.filter=log-lines}).
 */
@LoggingFilter(name = "log-lines")
public final class LogLines implements Filter {

    @Override
    public boolean isLoggable(LogRecord record) {
        if (record instanceof ExtLogRecord ext) {
            String message = ext.getFormattedMessage();
            if (message != null && (message.indexOf('\r') >= 0 || message.indexOf('\n') >= 0)) {
                ext.setMessage(escape(message), ExtLogRecord.FormatStyle.NO_FORMAT);
                ext.setParameters(null);
            }
        }
        return true;
    }

    static String escape(String message) {
        return message.replace("\r", "\\r").replace("\n", "\\n");
    }
}
