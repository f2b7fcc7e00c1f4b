-- Policy matching (政策计算器): structured eligibility conditions of a policy or finance product.
-- Empty lists and null bounds mean "no such condition".
create table eligibility (
    id                 bigserial    primary key,
    content_id         bigint       not null unique references content_item (id),
    required_tags      jsonb        not null default '[]',
    excluded_tags      jsonb        not null default '[]',
    districts          jsonb        not null default '[]',
    industries         jsonb        not null default '[]',
    min_employees      int,
    max_employees      int,
    min_revenue        numeric(14, 2),
    max_revenue        numeric(14, 2),
    min_rd_ratio       numeric(5, 2),
    min_years          int,
    max_years          int,
    manual_conditions  jsonb        not null default '[]',
    benefit            varchar(300) not null default '',
    apply_deadline     date,
    updated_by         varchar(150) not null default '',
    created_at         timestamptz  not null,
    updated_at         timestamptz  not null,
    version            bigint       not null default 0
);

-- What matching needs from the profile, and the enterprise's consent to policy mails.
alter table enterprise_profile add column registered_on date;
alter table enterprise_profile add column policy_mail boolean not null default false;

-- In-site messages (站内消息): matches and reminders. dedupe_key makes each one go out once,
-- whichever instance or run produces it.
create table enterprise_message (
    id           bigserial    primary key,
    subject      varchar(100) not null,
    kind         varchar(20)  not null check (kind in ('MATCH', 'DEADLINE', 'EXPIRING')),
    content_id   bigint       not null references content_item (id),
    title        varchar(300) not null,
    body         text         not null,
    dedupe_key   varchar(250) not null unique,
    created_at   timestamptz  not null default now(),
    read_at      timestamptz
);
create index enterprise_message_subject on enterprise_message (subject, created_at desc);

-- Saved searches mailed as digests. watermark: items changed after it are not yet delivered.
create table subscription (
    id                 bigserial    primary key,
    subject            varchar(100) not null,
    email              varchar(200) not null,
    query              varchar(2000) not null,
    frequency          varchar(10)  not null check (frequency in ('IMMEDIATE', 'DAILY', 'WEEKLY')),
    unsubscribe_token  varchar(64)  not null unique,
    watermark          timestamptz  not null,
    last_sent_at       timestamptz,
    created_at         timestamptz  not null,
    updated_at         timestamptz  not null,
    version            bigint       not null default 0
);
create index subscription_subject on subscription (subject);

-- When an item first became public: digests tell new items from changed ones.
alter table content_item add column first_published_at timestamptz;
update content_item set first_published_at = created_at where status = 'PUBLISHED';
create index content_item_updated on content_item (updated_at) where status = 'PUBLISHED';
