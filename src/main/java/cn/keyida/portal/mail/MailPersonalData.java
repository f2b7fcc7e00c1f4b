package cn.keyida.portal.mail;

import cn.keyida.portal.common.PersonalDataErasure;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/** A person who deletes their data gets no more mail: what is still queued for their address goes. */
@ApplicationScoped
class MailPersonalData {

    void erase(@Observes PersonalDataErasure erasure) {
        if (MailOutbox.hasRecipient(erasure.email())) {
            MailOutbox.delete("recipient = ?1 and sentAt is null", erasure.email());
        }
    }
}
