package cn.keyida.portal.experts;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;

/**
 * Mails to experts on behalf of other features, which never see the experts' contact details: the
 * mail is queued in the caller's transaction.
 */
@ApplicationScoped
public class ExpertNotices {

    private final ExpertMails mails;

    ExpertNotices(ExpertMails mails) {
        this.mails = mails;
    }

    /** Tells an active expert that staff named them to review a voucher application; false if unknown. */
    public boolean namedForVoucher(String username, String service, String amount, String link) {
        return Expert.findByUsername(username).filter(e -> e.status == ExpertStatus.ACTIVE).map(e -> {
            mails.namedForVoucher(e, service, amount, link);
            return true;
        }).orElse(false);
    }

    /**
     * Tells an active expert they were drawn to review {@code what} (only what a conflict declaration needs:
     * never the full application) by {@code due}; false if unknown.
     */
    public boolean drawnToReview(String username, String what, LocalDate due, String link) {
        return Expert.findByUsername(username).filter(e -> e.status == ExpertStatus.ACTIVE).map(e -> {
            mails.drawnToReview(e, what, due, link);
            return true;
        }).orElse(false);
    }
}
