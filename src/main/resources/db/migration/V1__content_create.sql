-- Published S&T content of the five types. One table: the types share most fields and one search.
create table content_item (
    id              bigserial primary key,
    slug            varchar(120) not null unique,
    type            varchar(20)  not null check (type in ('POLICY', 'ACHIEVEMENT', 'DEMAND', 'TALENT', 'FINANCE')),
    status          varchar(20)  not null default 'DRAFT' check (status in ('DRAFT', 'PUBLISHED', 'ARCHIVED')),
    title           text         not null,
    summary         text         not null default '',
    body            text         not null default '',
    body_html       boolean      not null default false,
    tags            jsonb        not null default '[]',
    level           varchar(20)  check (level in ('NATIONAL', 'PROVINCIAL', 'MUNICIPAL')),
    region          varchar(100) not null default '',
    publish_date    date,
    source          text         not null default '',
    source_extra    jsonb        not null default '[]',
    source_note     text         not null default '',
    -- policy
    doc_number      varchar(200),
    issuer          varchar(300),
    category        varchar(100),
    effective_date  date,
    expiry_date     date,
    supersedes_slug varchar(120),
    interprets_slug varchar(120),
    -- finance
    product_type    varchar(100),
    provider        varchar(300),
    eligibility     text,
    terms           text,
    -- talent
    program_type    varchar(100),
    organizer       varchar(300),
    scale           text,
    -- achievement
    holder          varchar(300),
    field           varchar(200),
    maturity        varchar(100),
    transfer_mode   varchar(200),
    award           text,
    -- demand
    demander        varchar(300),
    budget          varchar(200),
    mode            varchar(200),
    deadline        date,
    created_at      timestamptz  not null,
    updated_at      timestamptz  not null,
    version         bigint       not null default 0
);
create index content_item_type_status on content_item (type, status);
create index content_item_publish_date on content_item (publish_date desc);

-- Transactional outbox: written with every content change, drained by the search indexer.
create table search_outbox (
    id              bigserial primary key,
    content_slug    varchar(120) not null,
    created_at      timestamptz  not null default now(),
    attempts        int          not null default 0,
    next_attempt_at timestamptz  not null default now(),
    last_error      text
);
create index search_outbox_due on search_outbox (next_attempt_at, id);
