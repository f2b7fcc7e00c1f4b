-- Subscription mails carry List-Unsubscribe and List-Unsubscribe-Post (RFC 8058): the one-click
-- address of the subscription a mail belongs to, set by the sender as headers.
alter table mail_outbox add column unsubscribe_url text;
