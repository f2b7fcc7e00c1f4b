-- Files sent with a queued mail (an event's .ics with its confirmation): owned by mail, written in the
-- same transaction as the mail, sent as further MIME parts, and deleted with their mail.
create table mail_attachment (
    id           bigserial    primary key,
    mail_id      bigint       not null references mail_outbox (id) on delete cascade,
    file_name    varchar(200) not null,
    content_type varchar(100) not null,
    content      bytea        not null
);
create index mail_attachment_mail on mail_attachment (mail_id);
