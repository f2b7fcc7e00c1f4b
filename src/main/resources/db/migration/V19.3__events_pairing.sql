-- 对接会 pairings: a registered attendee paired on the spot with a market item presented at a 供需对接会,
-- recorded by staff; the 对接 case itself is the market's (market.CaseWorkflow.request), this is the link.
create table event_pairing (
    id              bigserial    primary key,
    event_id        bigint       not null references event (id),
    registration_id bigint       not null references event_registration (id),
    market_item_id  bigint       not null,
    market_case_id  bigint       not null,
    item_title      varchar(300) not null,
    created_by      varchar(200) not null,
    created_at      timestamptz  not null,
    unique (event_id, registration_id, market_item_id)
);
create index event_pairing_event on event_pairing (event_id, id);
