-- Issue 24, finding 7: Keycloak sessions that ended (portal logout, back-channel logout from Keycloak).
-- Session cookies and bearer tokens carry the session id (sid); every instance refuses them once their
-- session is here. A row is needed only while a token of the session can still be valid.
create table ended_session (
    sid        varchar(200) primary key,
    ended_at   timestamptz  not null default now(),
    expires_at timestamptz  not null
);
create index ended_session_expires on ended_session (expires_at);
