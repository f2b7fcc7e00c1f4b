-- Rate-limit token buckets (web.RateLimiter, Bucket4j's PostgreSQL backend): one row per budget and
-- client address, shared by every app instance so that two instances do not double a budget.
-- state is Bucket4j's serialized bucket; expires_at (epoch milliseconds) is when the bucket is full
-- again, after which the cleaner may drop the row.
create table rate_limit_bucket (
    id text primary key,
    state bytea,
    expires_at bigint
);
create index rate_limit_bucket_expires_at on rate_limit_bucket (expires_at);
