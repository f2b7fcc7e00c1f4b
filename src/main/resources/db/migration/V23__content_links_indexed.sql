-- Which published items supersede or interpret a given one: asked for every batch of search documents the
-- indexer builds (the superseded flag), on every detail page (新版本 / 解读) and by the home page's
-- "current versions only". Without an index each question read the whole table: 68 ms per indexer batch at
-- 100,000 items, most of PostgreSQL's time in a large import. Few items link to another, so the indexes
-- hold only those.
create index content_item_supersedes on content_item (supersedes_slug) where supersedes_slug is not null;
create index content_item_interprets on content_item (interprets_slug) where interprets_slug is not null;
