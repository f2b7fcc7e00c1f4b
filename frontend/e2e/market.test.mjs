// Issue 19's journey: an enterprise publishes a demand → an institution registers a matching achievement →
// staff approve both → the enterprise finds the achievement among its candidates → requests 对接 → the broker
// moves the case to 洽谈, 签约 (with an amount) and 已登记 → both sides confirm → the public figures count it.
// Real Keycloak, Chromium, SMTP.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { awaitMail, journey, launch, login, screenshot } from './support.mjs';

let browser;

before(async () => {
  browser = await launch();
});

after(async () => {
  await browser?.close();
});

/** A day in Asia/Shanghai, days from today, as the date inputs want it. */
function day(offset) {
  return new Date(Date.now() + 8 * 3600 * 1000 + offset * 86400 * 1000).toISOString().slice(0, 10);
}

async function submit(page, formSelector, url) {
  await Promise.all([page.waitForURL(url), page.click(`${formSelector} button[type=submit]`)]);
}

/** The public figures of the market, as numbers: contracts and amount (万元). */
async function publicContracts(page) {
  await page.goto('/service-performance');
  const count = Number((await page.textContent('[data-figure="market-contracts"]')).trim());
  const amount = Number((await page.textContent('[data-figure="market-amount"]')).trim());
  return { count, amount };
}

test('market: demand → achievement → review → candidate → 对接 → 签约 → 已登记 → public figures', async () => {
  await journey('market', browser, async (open) => {
    const stamp = Date.now();
    const demandTitle = `化工园区高盐废水零排放处理技术需求（${stamp}）`;
    const achievementTitle = `高盐废水膜浓缩与蒸发结晶零排放成套技术（${stamp}）`;
    const enterprise = await open();
    const university = await open();
    const staff = await open();
    const broker = await open();
    const visitor = await open();
    const before = await publicContracts(visitor);

    // the enterprise publishes a demand and sends it to review
    await login(enterprise, '/my/market/new?kind=demand', 'enterprise1');
    if (enterprise.url().includes('/my/profile')) {
      await enterprise.fill('#f-name', '广元市示范新材料有限公司');
      await enterprise.fill('#f-creditCode', '914403001922038216');
      await enterprise.selectOption('#f-district', '利州区');
      await enterprise.fill('#f-industry', '新材料');
      await enterprise.fill('#f-contactPerson', '王建国');
      await enterprise.fill('#f-mobile', '13900001111');
      await enterprise.fill('#f-email', 'enterprise1@example.com');
      await enterprise.check('input[value="高新技术企业"]');
      await Promise.all([enterprise.waitForURL((u) => !u.pathname.startsWith('/my/profile')),
        enterprise.click('form[action="/my/profile"] button[type=submit]')]);
      await enterprise.goto('/my/market/new?kind=demand');
    }
    await enterprise.fill('#f-title', demandTitle);
    await enterprise.selectOption('#f-field', '07');
    await enterprise.fill('#f-description', '我公司位于化工园区，生产过程产生大量高盐废水，需要膜浓缩与蒸发结晶组合的零排放处理技术，回收工业盐。');
    await enterprise.fill('#f-problem', '高盐废水蒸发结晶能耗高、结晶盐品质差，吨水处理成本过高。');
    await enterprise.check('input[name=modes][value="技术转让"]');
    await enterprise.check('input[name=modes][value="技术开发"]');
    await enterprise.fill('#f-budgetMax', '200');
    await enterprise.fill('#f-deadline', day(120));
    await Promise.all([enterprise.waitForURL(/\/my\/market\/\d+$/), enterprise.click('button[name=submit][value=true]')]);
    const demandId = enterprise.url().match(/(\d+)$/)[1];
    assert.match(await enterprise.textContent('main'), /待审核/);

    // staff approve the demand
    await login(staff, `/staff/market/items/${demandId}`, 'staff1');
    await submit(staff, 'form[action$="/approve"]', new RegExp(`/staff/market/items/${demandId}$`));
    assert.match(await staff.textContent('#item-status'), /已发布/);

    // the institution registers its achievement (its profile first)
    await login(university, '/my/market/new?kind=achievement', 'university1');
    if (university.url().includes('/my/institution')) {
      await university.fill('#f-name', '广元理工学院');
      await university.selectOption('#f-kind', '高等学校');
      await university.fill('#f-code', '事证第151000001234号');
      await university.fill('#f-contactPerson', '李明');
      await university.fill('#f-mobile', '13900002222');
      await university.fill('#f-email', 'university1@example.com');
      await submit(university, 'form[action="/my/institution"]', /\/my\/institution\?saved=true/);
      await university.goto('/my/market/new?kind=achievement');
    }
    await university.fill('#f-title', achievementTitle);
    await university.selectOption('#f-field', '07');
    await university.fill('#f-description', '针对化工园区高盐废水，采用膜浓缩与低温蒸发结晶组合工艺实现废水零排放，回收工业盐，吨水处理成本降低三成。');
    await university.check('input[name=modes][value="技术转让"]');
    await university.fill('#f-holders', '广元理工学院');
    await university.selectOption('#f-achievementType', '应用技术');
    await university.selectOption('#f-maturity', '7');
    // a malformed patent number first: a Chinese field error, nothing saved
    await university.fill('#f-patents', 'ZL2023101234');
    await university.fill('#f-price', '80');
    await university.click('button[name=submit][value=true]');
    await university.waitForSelector('.has-error #f-patents, .has-error [name=patents]');
    assert.match(await university.textContent('main'), /专利号“ZL2023101234”格式不正确/);
    await university.fill('#f-patents', 'ZL202310123456.6');
    await Promise.all([university.waitForURL(/\/my\/market\/\d+$/), university.click('button[name=submit][value=true]')]);
    const achievementId = university.url().match(/(\d+)$/)[1];
    await university.goto('/my/market');
    assert.equal(await university.locator('td', { hasText: achievementTitle }).count(), 1, 'saved once');

    // staff approve: the portal matches it with the demand and tells both owners
    await staff.goto(`/staff/market/items/${achievementId}`);
    await submit(staff, 'form[action$="/approve"]', new RegExp(`/staff/market/items/${achievementId}$`));
    await awaitMail('university1@example.com', (m) => m.body.includes(demandTitle));
    await screenshot(staff, 'market-approved');

    // the enterprise finds the achievement among its candidates and requests 对接
    await enterprise.goto('/my/market#matches');
    const candidate = enterprise.locator('#matches + table tr', { hasText: achievementTitle });
    assert.equal(await candidate.count(), 1, 'the achievement is a candidate of the demand');
    assert.match(await candidate.textContent(), /同属节能环保产业/);
    assert.match(await candidate.textContent(), /合作方式相符/);
    await screenshot(enterprise, 'market-candidates');
    await Promise.all([enterprise.waitForURL(/\/market\/achievements\/\d+$/), candidate.locator('a').first().click()]);
    await enterprise.fill('#f-note', '希望以技术转让方式引进，年内完成中试。');
    await submit(enterprise, 'form[action^="/my/market/request/"]', /\/my\/market\/cases\/\d+$/);
    const caseId = enterprise.url().match(/(\d+)$/)[1];
    assert.match(await enterprise.textContent('#case-status'), /意向/);

    // the broker (a case is assigned to broker1) negotiates, signs with the figures and registers
    await login(broker, `/staff/market/cases/${caseId}`, 'broker1');
    await submit(broker, 'form[action$="/negotiate"]', new RegExp(`/staff/market/cases/${caseId}$`));
    assert.match(await broker.textContent('#case-status'), /洽谈/);
    await broker.selectOption('#f-contractType', '技术转让');
    await broker.fill('#f-amount', '80');
    await broker.fill('#f-signedOn', day(0));
    await submit(broker, 'form[action$="/sign"]', new RegExp(`/staff/market/cases/${caseId}$`));
    assert.match(await broker.textContent('#case-status'), /签约/);
    await broker.fill('#f-registrationNo', '2026510801000123');
    await submit(broker, 'form[action$="/register"]', new RegExp(`/staff/market/cases/${caseId}$`));
    assert.match(await broker.textContent('#case-status'), /已登记/);
    await screenshot(broker, 'market-case-registered');

    // the figures count once both sides confirmed them
    assert.deepEqual(await publicContracts(visitor), before, 'not counted before both sides confirm');
    for (const side of [enterprise, university]) {
      await side.goto(`/my/market/cases/${caseId}`);
      await submit(side, `form[action="/my/market/cases/${caseId}/confirm"]`, new RegExp(`/my/market/cases/${caseId}$`));
      assert.match(await side.textContent('main'), /已登记/);
    }
    const afterFigures = await publicContracts(visitor);
    assert.equal(afterFigures.count, before.count + 1);
    assert.equal(afterFigures.amount, before.amount + 80);
    await screenshot(visitor, 'market-public-figures');
  });
});
