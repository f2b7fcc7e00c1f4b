-- A need staff recorded on a service visit (source VISIT) waits for the enterprise: 确认 (CONFIRMED) or
-- 更正 with its own text (CORRECTED); null while it has not answered (and for its own submissions).
alter table need add column source_confirmation varchar(20)
    check (source_confirmation in ('CONFIRMED', 'CORRECTED'));
