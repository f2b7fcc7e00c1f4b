package cn.keyida.portal.market;

import cn.keyida.portal.search.SearchDocumentSource;

/**
 * Fired inside the transaction of every change of a market item, as {@code content.ContentChanged} is:
 * search observes it through {@link SearchDocumentSource.Change} (outbox row in the transaction), and
 * the matcher after the commit when the public version changed.
 */
public record MarketChanged(long id, String slug, boolean wasPublished, boolean published)
        implements SearchDocumentSource.Change {

    @Override
    public boolean changesIndex() {
        return wasPublished || published;
    }
}
