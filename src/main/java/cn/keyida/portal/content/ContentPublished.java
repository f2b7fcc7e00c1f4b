package cn.keyida.portal.content;

/**
 * Fired inside the transaction that publishes an item or edits a published one, so features that
 * react (policy matching) write in the same transaction.
 */
public record ContentPublished(long contentId) {}
