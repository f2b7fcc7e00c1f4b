// Issue 20's journey: staff open a call (申报指南) → an enterprise applies → the formal check passes → three
// experts are drawn from the pool (none from the applicant's organisation) → they declare no conflict and
// score → 拟立项 → the 公示 appears on the public page. Real Keycloak, Chromium, PostgreSQL.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { journey, launch, login, screenshot } from './support.mjs';

const PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n', 'ascii');
const FIELD = '10'; // 现代农业与食品
let browser;

before(async () => {
  browser = await launch();
});

after(async () => {
  await browser?.close();
});

function day(offset) {
  return new Date(Date.now() + 8 * 3600 * 1000 + offset * 86400 * 1000).toISOString().slice(0, 10);
}

async function submit(page, formSelector, url) {
  await Promise.all([page.waitForURL(url), page.click(`${formSelector} button[type=submit]`)]);
}

/**
 * The realm's expert1…expert6 as active pool experts of the field who review: expert5 and expert6 work at the
 * applicant's organisation, the others at two institutes. The browser tests' database is freshly made by the
 * launcher; without the experts' own seeding in this branch, the rows are written with psql (an upsert, so
 * experts registered through the expert pages stay as they are but join the field).
 */
function poolExperts(applicant) {
  const orgs = ['广元市农业科学研究院', '广元市农业科学研究院', '四川农业大学', '四川农业大学', applicant, applicant];
  const q = (s) => `'${s.replaceAll("'", "''")}'`;
  const rows = orgs.map((org, i) => `(${q(`expert${i + 1}`)}, ${q(`评审专家${i + 1}`)}, ${q(org)}, '研究员', '["${FIELD}"]', `
    + `'["REVIEW","CONSULT"]', '13900005555', ${q(`expert${i + 1}@example.com`)}, 'ACTIVE', now(), now())`);
  const sql = `insert into expert (username, name, organisation, title, fields, modes, phone, email, status, created_at, updated_at)
    values ${rows.join(',\n')}
    on conflict (username) do update set status = 'ACTIVE', organisation = excluded.organisation,
      fields = (select jsonb_agg(distinct f) from jsonb_array_elements(expert.fields || excluded.fields) f),
      modes = (select jsonb_agg(distinct m) from jsonb_array_elements(expert.modes || excluded.modes) m)`;
  execFileSync('psql', ['-h', process.env.PORTAL_PG_HOST ?? 'localhost', '-p', process.env.PORTAL_PG_PORT ?? '5432',
    '-U', process.env.PORTAL_DB_USER ?? 'keyida', '-d', process.env.PORTAL_E2E_DB ?? 'keyida_e2e', '-v', 'ON_ERROR_STOP=1',
    '-q', '-c', sql], { env: { ...process.env, PGPASSWORD: process.env.PORTAL_DB_PASSWORD ?? 'keyida' } });
}

test('projects: call → application → formal check → draw of three experts → scores → 拟立项 → 公示', async () => {
  await journey('projects', browser, async (open) => {
    const staff = await open();
    const enterprise = await open();
    const callTitle = `2026年现代农业科技计划（${Date.now()}）`;
    const projectTitle = `高山蔬菜绿色防控技术集成与示范（${Date.now()}）`;

    // the enterprise's organisation, as on its profile (made here if the account has none yet)
    await login(enterprise, '/my/profile', 'enterprise1');
    if ((await enterprise.locator('#f-name').inputValue()) === '') {
      await enterprise.fill('#f-name', '广元市示范新材料有限公司');
      await enterprise.fill('#f-creditCode', '914403001922038216');
      await enterprise.selectOption('#f-district', '利州区');
      await enterprise.fill('#f-industry', '新材料');
      await enterprise.fill('#f-contactPerson', '王建国');
      await enterprise.fill('#f-mobile', '13900001111');
      await enterprise.fill('#f-email', 'enterprise1@example.com');
      await enterprise.check('input[value="高新技术企业"]');
      await Promise.all([enterprise.waitForURL((u) => !u.toString().endsWith('/my/profile')),
        enterprise.click('form[action="/my/profile"] button[type=submit]')]);
      await enterprise.goto('/my/profile');
    }
    const applicant = (await enterprise.locator('#f-name').inputValue()).trim();
    poolExperts(applicant);

    // staff write and publish the call: the criteria come filled in (weights 100), three reviewers per field
    await login(staff, '/staff/projects/calls', 'staff1');
    await staff.fill('#f-title', callTitle);
    await staff.fill('#f-description', '支持现代农业与食品领域关键技术攻关和示范推广。');
    await staff.check(`input[name=fields][value="${FIELD}"]`);
    await staff.fill('#f-totalBudget', '3000000');
    await staff.fill('#f-maxGrant', '500000');
    await staff.fill('#f-applyFrom', day(0));
    await staff.fill('#f-applyTo', day(30));
    await staff.fill('#f-reviewersPerField', '3');
    await submit(staff, 'form[action="/staff/projects/calls"]', /\/staff\/projects\/calls\/\d+$/);
    const callUrl = staff.url();
    await submit(staff, 'form[action$="/publish"]', /\/staff\/projects\/calls\/\d+$/);
    assert.match(await staff.textContent('main'), /已发布/);

    // the enterprise finds the call and applies with its budget table, team and proposal
    await enterprise.goto('/projects');
    await Promise.all([enterprise.waitForURL(/\/projects\/calls\/\d+$/), enterprise.click(`a:has-text("${callTitle}")`)]);
    await Promise.all([enterprise.waitForURL(/\/apply$/), enterprise.click('a:has-text("在线申报")')]);
    await enterprise.selectOption('#f-fieldCode', FIELD);
    await enterprise.fill('#f-title', projectTitle);
    await enterprise.fill('#f-summary', '集成理化诱控、生物防治与精准施药，在朝天区建设示范基地 500 亩。');
    await enterprise.fill('#f-requestedAmount', '400000');
    await enterprise.fill('#f-selfFunding', '200000');
    await enterprise.fill('#f-budgetItem0', '设备费');
    await enterprise.fill('#f-budgetAmount0', '250000');
    await enterprise.fill('#f-budgetItem1', '材料费');
    await enterprise.fill('#f-budgetAmount1', '200000.50');
    await enterprise.fill('#f-budgetItem2', '劳务费');
    await enterprise.fill('#f-budgetAmount2', '149999.50');
    await enterprise.fill('#f-memberName0', '王建国');
    await enterprise.fill('#f-memberTitle0', '高级农艺师');
    await enterprise.fill('#f-memberOrganisation0', applicant);
    await enterprise.fill('#f-memberRole0', '项目负责人');
    await enterprise.fill('#f-contactPerson', '王建国');
    await enterprise.fill('#f-contactMobile', '13900001111');
    await enterprise.setInputFiles('#f-filePROPOSAL', { name: '项目申报书.pdf', mimeType: 'application/pdf', buffer: PDF });
    await screenshot(enterprise, 'project-apply');
    await Promise.all([enterprise.waitForURL(/\/my\/projects\/\d+$/), enterprise.click('button[name=intent][value=submit]')]);
    const appId = enterprise.url().match(/(\d+)$/)[1];
    assert.match(await enterprise.textContent('main'), /已提交/);

    // staff pass the formal check and draw three experts of the field
    await staff.goto(`/staff/projects/${appId}`);
    await submit(staff, 'form[action$="/start-formal"]', new RegExp(`/staff/projects/${appId}$`));
    await submit(staff, 'form[action$="/pass-formal"]', new RegExp(`/staff/projects/${appId}$`));
    assert.match(await staff.textContent('main'), /形式审查通过/);
    await staff.goto(callUrl);
    await submit(staff, `section[data-field="${FIELD}"] form`, /\/staff\/projects\/calls\/\d+$/);
    await Promise.all([staff.waitForURL(/\/staff\/projects\/draws\/\d+$/), staff.click('a:has-text("按领域抽取")')]);
    assert.equal(await staff.getAttribute('[data-replay]', 'data-replay'), 'true');
    const drawnRows = staff.locator('#candidates tr[data-drawn]');
    assert.equal(await drawnRows.count(), 3);
    const drawn = [];
    for (let i = 0; i < 3; i++) {
      const text = await drawnRows.nth(i).textContent();
      assert.ok(!text.includes(applicant), `drawn from the applicant's organisation: ${text}`);
      drawn.push(text.match(/（(expert\d)）/)[1]);
    }
    for (const colleague of ['expert5', 'expert6']) {
      assert.match(await staff.locator('#candidates tr', { hasText: `（${colleague}）` }).textContent(), /与申报单位同属一个单位/);
    }
    await screenshot(staff, 'project-draw-audit');

    // each drawn expert declares no conflict, then reads the application and scores it
    const scores = [[28, 26, 18, 17], [27, 25, 16, 15], [26, 24, 17, 16]];
    for (const [i, username] of drawn.entries()) {
      const expert = await open();
      await login(expert, '/expert/projects', username);
      await Promise.all([expert.waitForURL(/\/expert\/projects\/\d+$/), expert.click(`a:has-text("${projectTitle}")`)]);
      assert.equal(await expert.locator('[data-summary]').count(), 0);
      await submit(expert, 'form[action$="/no-conflict"]', /\/expert\/projects\/\d+$/);
      assert.match(await expert.textContent('[data-summary]'), /示范基地/);
      const inputs = expert.locator('input[name=score]');
      for (let c = 0; c < scores[i].length; c++) await inputs.nth(c).fill(String(scores[i][c]));
      await expert.fill('#f-comment', '技术路线清晰，示范效果可预期。');
      await submit(expert, 'form[action$="/score"]', /\/expert\/projects\/\d+$/);
      assert.match(await expert.textContent('#my-score'), /我的评分/);
      if (i === drawn.length - 1) {
        assert.match(await expert.textContent('#others'), /其他评审专家 2/);
      } else {
        assert.match(await expert.textContent('#others'), /全部提交评分后才显示/);
      }
    }

    // staff see the results, propose the project and put it on 公示
    await staff.goto(callUrl);
    assert.match(await staff.textContent(`tr[data-result="${appId}"]`), /已提交评分|\d/);
    await staff.goto(`/staff/projects/${appId}`);
    await submit(staff, 'form[action$="/propose"]', new RegExp(`/staff/projects/${appId}$`));
    assert.match(await staff.textContent('main'), /拟立项/);
    await staff.goto(callUrl);
    await submit(staff, 'form[action$="/publicity"]', /\/staff\/projects\/calls\/\d+$/);

    // the 公示 is public
    const visitor = await open();
    await visitor.goto('/projects/publicity');
    const row = visitor.locator(`tr[data-publicity="${appId}"]`);
    assert.match(await row.textContent(), new RegExp(projectTitle.replace(/[()（）]/g, '.')));
    assert.match(await row.textContent(), /公示中/);
    await screenshot(visitor, 'project-publicity');
  });
});
