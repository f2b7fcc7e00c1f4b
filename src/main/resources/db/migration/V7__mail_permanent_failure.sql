-- A mail that can never be sent (an invalid address, a line break in the subject) is marked failed
-- instead of being retried forever; the sender skips it and goes on with the batch.
alter table mail_outbox add column failed_at timestamptz;
drop index mail_outbox_due;
create index mail_outbox_due on mail_outbox (next_attempt_at, id) where sent_at is null and failed_at is null;
