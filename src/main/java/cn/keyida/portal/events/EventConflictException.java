package cn.keyida.portal.events;

import cn.keyida.portal.web.ConflictException;

/** A move the state table refuses, a stale form, a second registration or check-in: 409. */
public class EventConflictException extends ConflictException {
    public EventConflictException(String message) {
        super(message);
    }
}
