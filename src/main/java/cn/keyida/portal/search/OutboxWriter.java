package cn.keyida.portal.search;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;

/** Turns every change of a searchable item into an outbox row, and indexes it as soon as it commits. */
@ApplicationScoped
class OutboxWriter {

    private final SearchIndexer indexer;

    OutboxWriter(SearchIndexer indexer) {
        this.indexer = indexer;
    }

    /** In the changing transaction: the row commits with the change or not at all. */
    void queue(@Observes SearchDocumentSource.Change change) {
        if (change.changesIndex()) {
            SearchOutbox.add(change.slug());
        }
    }

    /** After the commit only: a rolled-back change has no row to index. */
    void wake(@Observes(during = TransactionPhase.AFTER_SUCCESS) SearchDocumentSource.Change change) {
        if (change.changesIndex()) {
            indexer.wakeUp();
        }
    }
}
