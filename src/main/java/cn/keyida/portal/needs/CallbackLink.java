package cn.keyida.portal.needs;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;

/**
 * A one-click satisfaction link. Only the SHA-256 of the random token is stored, so a database
 * reader cannot forge links; each link works once and until it expires.
 */
@Entity
@Table(name = "callback_link")
public class CallbackLink extends PanacheEntityBase {

    @Id
    @Column(name = "token_hash")
    public String tokenHash;

    @Column(name = "need_id")
    public Long needId;

    @Column(name = "expires_at")
    public Instant expiresAt;

    @Column(name = "used_at")
    public Instant usedAt;

    /** Locks the row: two clicks on the same link cannot both count. */
    static Optional<CallbackLink> findValid(String tokenHash) {
        return find("tokenHash = ?1 and usedAt is null and expiresAt > ?2", tokenHash, Instant.now())
                .withLock(jakarta.persistence.LockModeType.PESSIMISTIC_WRITE).firstResultOptional();
    }

    /** Any link with this token, used or expired: its page then shows the answer already recorded. */
    static Optional<CallbackLink> findAny(String tokenHash) {
        return find("tokenHash", tokenHash).firstResultOptional();
    }

    static Optional<CallbackLink> peekValid(String tokenHash) {
        return find("tokenHash = ?1 and usedAt is null and expiresAt > ?2", tokenHash, Instant.now())
                .firstResultOptional();
    }

    /** The stored form of a token. */
    static String hash(String token) {
        return NeedSubmission.sha256Hex((token == null ? "" : token).getBytes(StandardCharsets.UTF_8));
    }

    static void invalidateAll(long needId) {
        update("usedAt = ?1 where needId = ?2 and usedAt is null", Instant.now(), needId);
    }
}
