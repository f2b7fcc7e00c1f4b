-- Attachments of achievements (科技成果登记 materials): PDF and images, checked by content like needs'.
create table market_attachment (
    id bigserial primary key,
    item_id bigint not null references market_item (id),
    file_name text not null,
    content_type text not null,
    size bigint not null,
    data bytea not null,
    created_at timestamptz not null
);
create index market_attachment_item on market_attachment (item_id);
