-- Where a need came from: the enterprise's own submission, or staff writing down what they heard on a
-- 科惠达 service visit (走访), which the enterprise then sees in /my/needs.
alter table need add column source varchar(20) not null default 'ONLINE' check (source in ('ONLINE', 'VISIT'));
