package cn.keyida.portal.web;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.transaction.RollbackException;
import java.sql.SQLException;
import javax.transaction.xa.XAException;
import org.junit.jupiter.api.Test;

/** Which failures are "the database is unavailable" (503, retry) rather than a bug (500). */
class ErrorMappersTest {

    @Test
    void aCommitFailingAsPostgresqlGoesDownIsUnavailable() {
        // As the fault suite saw it: the commit's RollbackException has no cause; the connection error is
        // suppressed on it, inside an XAException.
        XAException xa = new XAException("Error trying to transactionCommit local transaction");
        xa.initCause(new SQLException("FATAL: terminating connection due to administrator command", "57P01"));
        RollbackException rollback = new RollbackException("ARJUNA016053: Could not commit transaction.");
        rollback.addSuppressed(xa);
        assertThat(ErrorMappers.databaseUnavailable(new RuntimeException("Error invoking subclass method", rollback)))
                .isTrue();
    }

    @Test
    void otherFailuresAreNot() {
        RollbackException rollback = new RollbackException("ARJUNA016053: Could not commit transaction.");
        rollback.addSuppressed(new IllegalStateException("a bug"));
        assertThat(ErrorMappers.databaseUnavailable(rollback)).isFalse();
        assertThat(ErrorMappers.databaseUnavailable(new SQLException("unique violation", "23505"))).isFalse();
        assertThat(ErrorMappers.databaseUnavailable(new SQLException("connection refused", "08001"))).isTrue();
    }
}
