-- Contact details of experts and programmes: shown to logged-in users only, never indexed for search.
alter table content_item add column contact text;
