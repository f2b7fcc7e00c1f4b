package cn.keyida.portal.needs;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.Optional;

/**
 * Needs as other features read them (the expert pool hands needs to experts): what the need is about
 * and whose it is, never the enterprise's contact details.
 */
@ApplicationScoped
public class NeedDirectory {

    /**
     * {@code mailAddress}: the enterprise's verified address for mails about the need (null if none);
     * {@code open}: the bureau still owes an answer.
     */
    public record NeedBrief(long id, String trackingNo, String title, String description, String category,
            String statusLabel, boolean open, String enterpriseName, String enterpriseSubject, String mailAddress) {}

    @Transactional
    public Optional<NeedBrief> find(long id) {
        return Need.<Need>find("from Need n join fetch n.enterprise join fetch n.category where n.id = ?1", id)
                .firstResultOptional().map(NeedDirectory::brief);
    }

    /** The need with this number if it belongs to the enterprise with this login. */
    @Transactional
    public Optional<NeedBrief> own(String trackingNo, String subject) {
        return Need.findOwn(trackingNo, subject).map(NeedDirectory::brief);
    }

    private static NeedBrief brief(Need n) {
        return new NeedBrief(n.id, n.trackingNo, n.title, n.description, n.category.name, n.status.label,
                n.status.isOpen(), n.enterprise.name, n.enterprise.subject, n.enterprise.mailAddress());
    }
}
