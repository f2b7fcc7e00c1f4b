package cn.keyida.portal.content;

import cn.keyida.portal.search.SearchDocumentSource;

/**
 * Fired inside the transaction of every content change, so features that keep something derived from
 * content write in the same transaction (the search outbox, "policy finds enterprise" messages) or act
 * after the commit ({@code TransactionPhase.AFTER_SUCCESS}, waking the indexer). Search observes it
 * through {@link SearchDocumentSource.Change}, so search does not depend on content.
 *
 * @param wasPublished whether the public could see the item before the change
 * @param published whether the public sees it after the change
 */
public record ContentChanged(long id, String slug, Change change, boolean wasPublished, boolean published)
        implements SearchDocumentSource.Change {

    public enum Change { CREATED, EDITED, STATUS_CHANGED, IMPORTED }

    /** Only published items are searchable: a change the public never saw leaves the index as it is. */
    @Override
    public boolean changesIndex() {
        return wasPublished || published;
    }
}
