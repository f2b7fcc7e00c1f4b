-- Tiered conditions: the R&D ratio an enterprise needs depends on its revenue band, as in the 高企 rule
-- (≤5000万 → 5 %, 5000万–2亿 → 4 %, >2亿 → 3 %). A list of {"up_to": 万元 or null, "min_rd_ratio": %},
-- ordered by up_to, the last one without a bound; empty = no such condition.
alter table eligibility add column rd_tiers jsonb not null default '[]';
