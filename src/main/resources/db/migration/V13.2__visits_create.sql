-- 科惠达 service visits (直通车): staff plan a visit to an enterprise, record it, and raise needs from
-- what they heard (through the needs feature, source VISIT); visit_need links them.
create table service_visit (
    id                  bigserial primary key,
    enterprise_subject  varchar(100) not null,
    enterprise_name     varchar(200) not null,
    district            varchar(50)  not null,
    planned_on          date         not null,
    team                varchar(300) not null,
    purpose             varchar(20)  not null,
    status              varchar(20)  not null,
    participants        varchar(500),
    findings            text,
    policies_explained  text,
    visited_on          date,
    created_by          varchar(200) not null,
    created_at          timestamptz  not null,
    updated_at          timestamptz  not null,
    version             bigint       not null default 0
);
create index service_visit_day on service_visit (planned_on);

create table visit_need (
    id          bigserial    primary key,
    visit_id    bigint       not null references service_visit (id),
    need_id     bigint       not null,
    tracking_no varchar(20)  not null,
    created_at  timestamptz  not null,
    unique (visit_id, need_id)
);
