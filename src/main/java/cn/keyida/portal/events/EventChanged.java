package cn.keyida.portal.events;

import cn.keyida.portal.search.SearchDocumentSource;

/**
 * Fired inside the transaction of every change of an event the public sees or saw, as
 * {@code market.MarketChanged} is: search observes it through {@link SearchDocumentSource.Change} (an
 * outbox row in the same transaction, the indexer woken after the commit).
 */
public record EventChanged(long id, String slug, boolean wasIndexed, boolean indexed)
        implements SearchDocumentSource.Change {

    @Override
    public boolean changesIndex() {
        return wasIndexed || indexed;
    }
}
