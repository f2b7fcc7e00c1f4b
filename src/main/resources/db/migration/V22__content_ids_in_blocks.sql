-- Content items, their audit rows and the search outbox take ids 50 at a time (Hibernate's pooled
-- optimizer, allocationSize 50), so an import's inserts are batched instead of one round trip each.
-- Inserts without an id (the column default) still take one value each; nothing else changes.
alter sequence content_item_id_seq increment by 50;
alter sequence content_audit_id_seq increment by 50;
alter sequence search_outbox_id_seq increment by 50;
