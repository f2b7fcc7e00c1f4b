-- Enterprise profiles, keyed by the OIDC subject (Keycloak owns the identity).
create table enterprise_profile (
    id              bigserial primary key,
    subject         varchar(100) not null unique,
    name            varchar(200) not null,
    credit_code     varchar(18)  not null unique,
    district        varchar(50)  not null,
    industry        varchar(100) not null,
    contact_person  varchar(50)  not null,
    mobile          varchar(11)  not null,
    email           varchar(200) not null,
    qualifications  jsonb        not null default '[]',
    employees       int,
    revenue_band    varchar(50),
    rd_ratio        numeric(5, 2),
    created_at      timestamptz  not null,
    updated_at      timestamptz  not null,
    version         bigint       not null default 0
);

-- Configuration staff and admins edit: categories with their SLA, the holiday calendar, departments.
create table need_category (
    code            varchar(40)  primary key,
    name            varchar(50)  not null unique,
    sort_order      int          not null,
    accept_days     int          not null check (accept_days between 0 and 60),
    resolve_days    int          not null check (resolve_days between 1 and 365),
    callback_days   int          not null check (callback_days between 0 and 60),
    active          boolean      not null default true
);
insert into need_category (code, name, sort_order, accept_days, resolve_days, callback_days) values
    ('TECH',     '技术攻关',           1, 2, 20, 5),
    ('TRANSFER', '成果转化/技术转移',   2, 2, 20, 5),
    ('TALENT',   '人才/专家对接',       3, 2, 15, 5),
    ('FINANCE',  '科技金融/融资',       4, 2, 15, 5),
    ('POLICY',   '政策咨询/申报辅导',   5, 1, 10, 3),
    ('PLATFORM', '平台载体建设',        6, 2, 30, 5),
    ('OTHER',    '其他',               7, 2, 15, 5);

create table calendar_day (
    day   date        primary key,
    kind  varchar(10) not null check (kind in ('HOLIDAY', 'WORKDAY')),
    name  varchar(50) not null default ''
);

create table department (
    id    bigserial   primary key,
    name  varchar(100) not null unique
);
insert into department (name) values ('成果转化与区域创新科'), ('科技金融与人才科'), ('政策法规科');

-- Staff known to the portal (identities stay in Keycloak): who can be assigned, in which department.
create table staff_member (
    username       varchar(100) primary key,
    display_name   varchar(100) not null,
    email          varchar(200),
    department_id  bigint references department (id),
    supervisor     boolean      not null default false,
    active         boolean      not null default true
);
insert into staff_member (username, display_name, email, department_id, supervisor) values
    ('staff1', '张伟', 'staff1@example.com', 1, false),
    ('supervisor1', '刘洋', 'supervisor1@example.com', 1, true),
    ('admin1', '陈静', 'admin1@example.com', 3, true);

-- Tracking numbers XQ-yyyyMMdd-NNNN: one counter per day.
create table need_number (
    day   date primary key,
    last  int  not null
);

create table need (
    id               bigserial    primary key,
    tracking_no      varchar(20)  not null unique,
    enterprise_id    bigint       not null references enterprise_profile (id),
    category_code    varchar(40)  not null references need_category (code),
    title            varchar(200) not null,
    description      text         not null,
    expected_outcome text         not null default '',
    budget           numeric(14, 2),
    wanted_by        date,
    status           varchar(20)  not null,
    assignee         varchar(100) references staff_member (username),
    department_id    bigint       references department (id),
    submitted_at     timestamptz  not null,
    accepted_at      timestamptz,
    resolved_at      timestamptz,
    closed_at        timestamptz,
    accept_due       date,
    resolve_due      date,
    callback_due     date,
    paused_since     timestamptz,
    resolution       text,
    satisfaction     varchar(20),
    reopen_count     int          not null default 0,
    supervisor_flag  boolean      not null default false,
    created_at       timestamptz  not null,
    updated_at       timestamptz  not null,
    version          bigint       not null default 0
);
create index need_enterprise on need (enterprise_id, id desc);
create index need_status on need (status, submitted_at);
create index need_assignee on need (assignee, status);

-- The timeline: every action, append-only. public = shown to the enterprise.
create table need_event (
    id           bigserial    primary key,
    need_id      bigint       not null references need (id),
    at           timestamptz  not null,
    actor        varchar(200) not null,
    action       varchar(40)  not null,
    from_status  varchar(20),
    to_status    varchar(20),
    note         text         not null default '',
    public       boolean      not null
);
create index need_event_need on need_event (need_id, id);

create table need_followup (
    id              bigserial    primary key,
    need_id         bigint       not null references need (id),
    kind            varchar(20)  not null,
    happened_at     timestamptz  not null,
    participants    varchar(500) not null default '',
    notes           text         not null,
    outcome         text         not null default '',
    next_step_date  date,
    public          boolean      not null default false,
    actor           varchar(200) not null,
    created_at      timestamptz  not null
);
create index need_followup_need on need_followup (need_id, id);

create table need_attachment (
    id            bigserial    primary key,
    need_id       bigint       not null references need (id),
    file_name     varchar(200) not null,
    content_type  varchar(100) not null,
    size          bigint       not null,
    sha256        varchar(64)  not null,
    data          bytea        not null,
    created_at    timestamptz  not null
);
create index need_attachment_need on need_attachment (need_id);

create table need_callback (
    id            bigserial    primary key,
    need_id       bigint       not null references need (id),
    channel       varchar(10)  not null check (channel in ('PHONE', 'ONLINE')),
    reached       boolean      not null,
    satisfaction  varchar(20),
    resolved      varchar(10),
    comment       text         not null default '',
    actor         varchar(200) not null,
    at            timestamptz  not null
);

-- Signed one-click callback links: the token's hash is stored; single use, expiring.
create table callback_link (
    token_hash  varchar(64)  primary key,
    need_id     bigint       not null references need (id),
    expires_at  timestamptz  not null,
    used_at     timestamptz
);

-- Mail outbox: written with the change that causes the mail, sent by a job; dedupe_key makes
-- scheduled reminders go out once even with several app instances.
create table mail_outbox (
    id               bigserial    primary key,
    recipient        varchar(200) not null,
    subject          varchar(300) not null,
    body             text         not null,
    dedupe_key       varchar(200) unique,
    created_at       timestamptz  not null default now(),
    attempts         int          not null default 0,
    next_attempt_at  timestamptz  not null default now(),
    sent_at          timestamptz,
    last_error       text
);
create index mail_outbox_due on mail_outbox (next_attempt_at, id) where sent_at is null;
