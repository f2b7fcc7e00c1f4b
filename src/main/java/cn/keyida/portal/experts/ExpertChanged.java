package cn.keyida.portal.experts;

import cn.keyida.portal.search.SearchDocumentSource;

/**
 * Fired inside the transaction of every change of an expert's entry that may touch the public card:
 * search observes it (outbox row in the same transaction) and reads the card from {@link ExpertDocuments}.
 */
public record ExpertChanged(long id) implements SearchDocumentSource.Change {

    @Override
    public String slug() {
        return ExpertDocuments.slug(id);
    }

    @Override
    public boolean changesIndex() {
        return true;
    }
}
