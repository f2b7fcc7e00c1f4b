package cn.keyida.portal.mail;

import cn.keyida.portal.common.PersonalDataErasure;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * A person who deletes their data gets no more mail, and the portal keeps no copy of what it sent
 * them: every mail to their address goes, queued or sent (the outbox is a delivery queue, not a record).
 */
@ApplicationScoped
class MailPersonalData {

    void erase(@Observes PersonalDataErasure erasure) {
        if (MailOutbox.hasRecipient(erasure.email())) {
            MailOutbox.delete("recipient", erasure.email());
        }
    }
}
