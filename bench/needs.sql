-- Deterministic needs for the benchmark: :needs needs of 500 enterprises, two follow-ups each,
-- statuses and dates spread over three years. Run with psql -v needs=100000.
insert into enterprise_profile (subject, name, credit_code, district, industry, contact_person, mobile, email,
                                qualifications, created_at, updated_at)
select 'bench-' || g, '广元基准企业' || g, 'BENCH' || lpad(g::text, 13, '0'),
       (array['利州区','昭化区','朝天区','旺苍县','青川县','剑阁县','苍溪县'])[1 + g % 7],
       (array['新材料','食品加工','电子信息','装备制造'])[1 + g % 4], '联系人' || g, '139' || lpad(g::text, 8, '0'),
       'bench' || g || '@example.com', '["科技型中小企业"]', now(), now()
from generate_series(1, 500) g;

insert into need (tracking_no, enterprise_id, category_code, title, description, status, assignee, submitted_at,
                  accepted_at, resolved_at, accept_due, resolve_due, satisfaction, created_at, updated_at)
select 'XQ-BENCH-' || lpad(g::text, 7, '0'),
       (select min(id) from enterprise_profile where subject like 'bench-%') + g % 500,
       (array['TECH','TRANSFER','TALENT','FINANCE','POLICY','PLATFORM','OTHER'])[1 + g % 7],
       '基准测试需求' || g, '企业希望对接专家解决生产中的技术难题。',
       (array['SUBMITTED','ACCEPTED','ASSIGNED','IN_PROGRESS','RESOLVED','CALLBACK_DONE','CLOSED','CLOSED','CLOSED'])[1 + g % 9],
       case when g % 9 >= 2 then 'staff1' end,
       now() - (g % 1095) * interval '1 day',
       case when g % 9 >= 1 then now() - (g % 1095) * interval '1 day' + interval '1 day' end,
       case when g % 9 >= 4 then now() - (g % 1095) * interval '1 day' + interval '12 days' end,
       (now() - (g % 1095) * interval '1 day')::date + 2, (now() - (g % 1095) * interval '1 day')::date + 20,
       case when g % 9 >= 5 then (array['VERY_SATISFIED','SATISFIED','BASICALLY_SATISFIED','UNSATISFIED'])[1 + g % 4] end,
       now(), now()
from generate_series(1, :needs) g;

insert into need_followup (need_id, kind, happened_at, notes, actor, created_at)
select n.id, (array['PHONE','VISIT','TRACKING','ONLINE','MEETING'])[1 + (n.id + k) % 5],
       n.submitted_at + k * interval '2 days', '跟进记录' || k, '张伟（staff1）', now()
from need n cross join generate_series(1, 2) k where n.tracking_no like 'XQ-BENCH-%';
analyze need; analyze need_followup; analyze enterprise_profile;
