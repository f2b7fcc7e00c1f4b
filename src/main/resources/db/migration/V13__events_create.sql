-- Events (宣讲会, 对接会, 科技活动周 ...): staff publish them, people register; the seats are counted
-- under a row lock on the event, so concurrent registrations never overbook.
create table event (
    id                  bigserial primary key,
    type                varchar(30)  not null,
    title               varchar(200) not null,
    description         text         not null default '',
    starts_at           timestamptz  not null,
    ends_at             timestamptz  not null,
    place               varchar(200),
    address             varchar(300),
    district            varchar(50),
    online_link         varchar(500),
    organiser           varchar(200) not null,
    capacity            int          not null check (capacity > 0),
    registration_opens  timestamptz  not null,
    registration_closes timestamptz  not null,
    audience            varchar(30)  not null,
    presented_items     text         not null default '',
    status              varchar(20)  not null,
    created_at          timestamptz  not null,
    updated_at          timestamptz  not null,
    version             bigint       not null default 0,
    check (ends_at > starts_at),
    check (registration_closes > registration_opens)
);
create index event_public on event (status, starts_at);

-- One registration per person (OIDC subject) and event; waitlisted ones are promoted in queue order.
create table event_registration (
    id              bigserial primary key,
    event_id        bigint       not null references event (id),
    subject         varchar(100) not null,
    name            varchar(200) not null,
    email           varchar(200),
    status          varchar(20)  not null,
    queue_no        bigint       not null,
    checkin_code    varchar(8)   not null,
    checked_in_at   timestamptz,
    satisfaction    varchar(20),
    -- SHA-256 of the one-click rating link mailed to attendees after the event
    rating_token_hash varchar(64) unique,
    created_at      timestamptz  not null,
    updated_at      timestamptz  not null,
    version         bigint       not null default 0,
    unique (event_id, subject),
    unique (event_id, checkin_code)
);
create index event_registration_queue on event_registration (event_id, status, queue_no);

-- Append-only timeline of an event and its registrations.
create table event_timeline (
    id              bigserial primary key,
    event_id        bigint       not null references event (id),
    registration_id bigint,
    action          varchar(30)  not null,
    from_status     varchar(20),
    to_status       varchar(20),
    actor           varchar(200) not null,
    note            text,
    created_at      timestamptz  not null
);
create index event_timeline_event on event_timeline (event_id, id);
