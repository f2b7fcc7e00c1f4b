-- Need → demand conversion (issue 19): staff propose a published 技术需求 from an enterprise's need of
-- category 成果转化/技术转移; the enterprise consents on its need page. Linked both ways:
-- market_item records its source need (market's columns), need_link shows the demand on the need (needs' table,
-- written only through needs.NeedLinks).
alter table market_item
    add column source_need_id bigint,
    add column source_need_no text,
    add column proposed_by text;
-- One live proposal or demand per need (a withdrawn one may be proposed again).
create unique index market_item_source_need on market_item (source_need_id)
    where source_need_id is not null and status <> 'WITHDRAWN';

-- Links a need page shows to what other features made of it; one per need and kind, replaced on change.
create table need_link (
    id bigserial primary key,
    need_id bigint not null references need (id),
    kind text not null,
    label text not null,
    url text not null,
    created_at timestamptz not null,
    unique (need_id, kind)
);
