-- Append-only audit trail of content changes: who, when, what changed.
create table content_audit (
    id          bigserial primary key,
    content_id  bigint       not null references content_item (id),
    actor       varchar(200) not null,
    at          timestamptz  not null default now(),
    action      varchar(40)  not null,
    changes     jsonb        not null default '[]'
);
create index content_audit_content on content_audit (content_id, id);

-- Search log without personal data: what was asked, how many results, which result was opened.
create table search_log (
    id           bigserial primary key,
    at           timestamptz  not null default now(),
    query        varchar(200) not null,
    filters      varchar(1000) not null default '',
    result_count bigint       not null,
    clicked_slug varchar(120)
);
create index search_log_at on search_log (at);

-- Abbreviations and synonyms staff can edit; each row is one group of equivalent terms.
create table search_synonym (
    id         bigserial primary key,
    terms      varchar(500) not null unique,
    created_at timestamptz  not null default now(),
    updated_at timestamptz  not null default now(),
    version    bigint       not null default 0
);
insert into search_synonym (terms) values
    ('高企,高新技术企业'),
    ('科小,科技型中小企业'),
    ('加计扣除,研发费用加计扣除'),
    ('科创贷,科技创新贷款'),
    ('创新券,科技创新券'),
    ('后补助,研发后补助,研发投入后补助'),
    ('科特派,科技特派员'),
    ('孵化器,科技企业孵化器'),
    ('众创空间,创客空间'),
    ('成果转化,科技成果转化');
