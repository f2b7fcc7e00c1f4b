-- The technology market: institutions' profiles, published demands and achievements with review,
-- their matches, and the 对接 cases brokers follow to a registered contract.

-- The coded technology fields (top levels of 战略性新兴产业分类 2018, plus 现代农业 for the region),
-- shared data: the market uses it now, the expert pool later. neighbours: codes counted as close.
create table tech_field (
    code text primary key,
    name text not null,
    neighbours text not null default '',
    sort int not null
);
insert into tech_field (code, name, neighbours, sort) values
    ('01', '新一代信息技术产业', '08', 1),
    ('02', '高端装备制造产业', '03,05', 2),
    ('03', '新材料产业', '02', 3),
    ('04', '生物产业', '10', 4),
    ('05', '新能源汽车产业', '02,06', 5),
    ('06', '新能源产业', '05,07', 6),
    ('07', '节能环保产业', '06', 7),
    ('08', '数字创意产业', '01', 8),
    ('09', '相关服务业', '', 9),
    ('10', '现代农业与食品', '04', 10);

create table institution_profile (
    id bigserial primary key,
    subject text not null unique,
    name text not null,
    kind text not null,
    code text not null,
    contact_person text not null,
    mobile text not null,
    email text not null,
    created_at timestamptz not null,
    updated_at timestamptz not null,
    version bigint not null default 0
);

-- One row per demand or achievement; kind-specific columns are null for the other kind.
-- pending: the submitted revision of a published item (form values), shown to staff until decided.
create table market_item (
    id bigserial primary key,
    kind text not null check (kind in ('DEMAND', 'ACHIEVEMENT')),
    owner_subject text not null,
    owner_kind text not null check (owner_kind in ('ENTERPRISE', 'INSTITUTION')),
    owner_name text not null,
    owner_email text,
    status text not null,
    title text not null,
    field_code text not null references tech_field (code),
    description text not null,
    problem text not null default '',
    indicators text not null default '',
    budget_min numeric(14, 2),
    budget_max numeric(14, 2),
    modes jsonb not null default '[]',
    deadline date,
    name_public boolean not null default true,
    holders text not null default '',
    achievement_type text,
    maturity int,
    patents jsonb not null default '[]',
    price numeric(14, 2),
    price_negotiable boolean not null default false,
    scenarios text not null default '',
    pending jsonb,
    submitted_at timestamptz,
    review_due date,
    published_at timestamptz,
    return_reason text not null default '',
    created_at timestamptz not null,
    updated_at timestamptz not null,
    version bigint not null default 0
);
create index market_item_status on market_item (status, kind);
create index market_item_owner on market_item (owner_subject);

create table market_event (
    id bigserial primary key,
    item_id bigint references market_item (id),
    case_id bigint,
    at timestamptz not null,
    actor text not null,
    action text not null,
    from_status text,
    to_status text,
    note text not null default '',
    public boolean not null default true
);
create index market_event_item on market_event (item_id);
create index market_event_case on market_event (case_id);

-- A candidate pair; one row per pair whichever side was published first.
create table market_match (
    id bigserial primary key,
    demand_id bigint not null references market_item (id),
    achievement_id bigint not null references market_item (id),
    score numeric(6, 3) not null,
    reason text not null,
    demand_feedback text,
    achievement_feedback text,
    notified_at timestamptz,
    created_at timestamptz not null,
    unique (demand_id, achievement_id)
);

create table market_case (
    id bigserial primary key,
    demand_id bigint references market_item (id),
    achievement_id bigint references market_item (id),
    field_code text not null references tech_field (code),
    status text not null,
    broker text not null,
    opened_by text not null,
    demand_side text not null,
    supply_side text not null,
    demand_subject text,
    supply_subject text,
    contract_type text,
    amount numeric(14, 2),
    parties text,
    signed_on date,
    registration_no text,
    registering_body text,
    demand_confirmed boolean not null default false,
    supply_confirmed boolean not null default false,
    end_reason text not null default '',
    status_since timestamptz not null,
    created_at timestamptz not null,
    updated_at timestamptz not null,
    version bigint not null default 0
);
create index market_case_status on market_case (status);

create table market_followup (
    id bigserial primary key,
    case_id bigint not null references market_case (id),
    kind text not null,
    notes text not null,
    public boolean not null default false,
    actor text not null,
    at timestamptz not null
);

-- Stuck-case limits in working days per state (admin-configurable rows).
create table market_case_limit (
    status text primary key,
    working_days int not null check (working_days between 1 and 365)
);
insert into market_case_limit (status, working_days) values ('INTENT', 5), ('NEGOTIATING', 15), ('SIGNED', 20);

-- 技术经纪人: staff who follow 对接 cases; fields empty = every field. Cases go round-robin among the
-- brokers of the case's field (the one assigned longest ago first).
create table market_broker (
    username text primary key,
    display_name text not null,
    email text,
    field_codes text not null default '',
    active boolean not null default true,
    last_assigned_at timestamptz
);
insert into market_broker (username, display_name, email) values ('broker1', '赵晓东', 'broker1@example.com');
