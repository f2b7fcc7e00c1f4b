-- Query words staff edit beside the synonyms. kind SYNONYM: a group of equivalent terms (as before);
-- kind FILLER: one question, filler or generic word (怎么, 如何, 条件 …) that a search never requires:
-- it only adds a little to the records that contain it.
alter table search_synonym add column kind varchar(20) not null default 'SYNONYM';
alter table search_synonym add constraint search_synonym_kind check (kind in ('SYNONYM', 'FILLER'));

insert into search_synonym (terms) values
    ('补贴,补助,资助,奖补,奖励'),
    ('申请,申报,办理'),
    ('贷款,融资,信贷');

insert into search_synonym (terms, kind)
select w, 'FILLER' from unnest(string_to_array(
    '怎么,怎么样,怎样,如何,多少,多少钱,哪些,哪个,哪里,什么,需要,需,条件,标准,材料,流程,有哪些,有什么,有没有,'
    || '是什么,是否,能否,能不能,可以,吗,呢,吧,啊,的,了,请问,我,我们,想,要,有,是,要求,相关,关于,'
    || '政策,办法,规定,科技,企业,技术', ',')) as w;

insert into search_synonym (terms, kind)
select w, 'FILLER' from unnest(string_to_array('怎么办,办,难,没有,能,拿,还,该,找,去,做,哪儿,给,对,和,及,与,或', ',')) as w;
