-- When an event was first published: the date search and feeds show for it (its own start and end
-- are indexed beside it for the 活动时间 facet).
alter table event add column published_at timestamptz;
update event set published_at = updated_at where status in ('PUBLISHED', 'FINISHED');
