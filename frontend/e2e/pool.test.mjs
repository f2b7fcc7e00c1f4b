// Issue 20's second journey (named pool so it runs after journeys.test.mjs, whose enterprise1 starts without a profile): expert1 registers in the expert pool → staff admit → an enterprise asks the
// expert for advice from the public card → staff forward the request → the expert accepts and answers →
// the enterprise reads the advice on its need page and rates the help once. Real Keycloak, Chromium, SMTP.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { journey, launch, login, screenshot } from './support.mjs';

let browser;

before(async () => {
  browser = await launch();
});

after(async () => {
  await browser?.close();
});

async function submit(page, formSelector, url) {
  await Promise.all([page.waitForURL(url), page.click(`${formSelector} button[type=submit]`)]);
}

test('experts: registration → admission → advice asked from the card → forwarded → answered → rated', async () => {
  await journey('experts', browser, async (open) => {
    const expert = await open();
    const staff = await open();
    const enterprise = await open();
    const topic = `注塑件翘曲变形（${Date.now()}）`;

    // expert1 registers (the demo seed may have done it already: then the form is filled in)
    await login(expert, '/expert/profile', 'expert1');
    if ((await expert.locator('#f-name').inputValue()) === '') {
      await expert.fill('#f-name', '张建华');
      await expert.fill('#f-organisation', '四川省新材料研究院');
      await expert.fill('#f-title', '研究员');
      await expert.check('input[name=fields][value="03"]');
      await expert.fill('#f-specialities', '高分子改性、注塑工艺');
      await expert.check('input[name=modes][value=CONSULT]');
      await expert.check('input[name=modes][value=REVIEW]');
      await expert.fill('#f-profile', '长期从事高分子材料改性与注塑成型研究。');
      await expert.fill('#f-phone', '13900007777');
      await expert.fill('#f-email', 'expert1@example.com');
      await submit(expert, 'form[action="/expert/profile"]', /\/expert\/profile$/);
    }
    const status = await expert.textContent('.expert-status');

    // staff admit the registration
    await login(staff, '/staff/experts', 'staff1');
    await Promise.all([staff.waitForURL(/\/staff\/experts\/\d+$/), staff.locator('tr', { hasText: '张建华' }).locator('a').first().click()]);
    const expertUrl = staff.url();
    const expertId = expertUrl.match(/(\d+)$/)[1];
    if (status.includes('待审核')) {
      await submit(staff, 'form[action$="/admit"]', /\/staff\/experts\/\d+$/);
    }
    assert.match(await staff.textContent('.expert-status'), /已入库/);
    await screenshot(staff, 'experts-staff-detail');

    // the enterprise finds the public card (no contact details) and asks for advice
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
      await Promise.all([enterprise.waitForURL(/\/my\/profile\?saved/), enterprise.click('form[action="/my/profile"] button[type=submit]')]);
    }
    await enterprise.goto(`/experts/${expertId}`);
    const card = await enterprise.textContent('main');
    assert.match(card, /张建华/);
    assert.doesNotMatch(card, /expert1@example\.com/);
    await screenshot(enterprise, 'experts-card');
    await enterprise.fill('#f-title', topic);
    await enterprise.fill('#f-question', '聚丙烯注塑件脱模后翘曲明显，希望专家分析原因并给出工艺调整建议。');
    await submit(enterprise, `form[action="/experts/${expertId}/ask"]`, /\/my\/needs\/XQ-\d{8}-\d{4}$/);
    const needUrl = enterprise.url();

    // staff forward the request from the need's expert page
    await staff.goto('/staff/needs');
    await Promise.all([staff.waitForURL(/\/staff\/needs\/\d+$/), staff.locator('tr', { hasText: topic }).locator('a.tracking-no-link').click()]);
    await Promise.all([staff.waitForURL(/\/staff\/experts\/needs\/\d+/), staff.click('a:has-text("分派专家")')]);
    await submit(staff, 'form[action$="/forward"]', /\/staff\/experts\/needs\/\d+$/);
    assert.match(await staff.textContent('.assignment-status'), /待接受/);

    // the expert accepts and answers for the enterprise
    await expert.goto('/expert');
    await Promise.all([expert.waitForURL(/\/expert\/assignments\/\d+$/), expert.locator('a', { hasText: topic }).click()]);
    await submit(expert, 'form[action$="/accept"]', /\/expert\/assignments\/\d+$/);
    await expert.fill('#f-text', '翘曲主要由冷却不均和取向应力引起：建议模温提高到 50℃，保压时间延长 2 秒，并检查冷却水路。');
    await submit(expert, 'form[action$="/advise"]', /\/expert\/assignments\/\d+$/);
    assert.match(await expert.textContent('.assignment-status'), /已答复/);

    // the enterprise reads the advice on its need page and rates once
    await enterprise.goto(needUrl);
    assert.match(await enterprise.textContent('main'), /模温提高到 50℃/);
    await Promise.all([enterprise.waitForURL(/\/my\/advice\/\d+$/), enterprise.click('a:has-text("评价本次专家咨询")')]);
    await enterprise.check('#f-score-5');
    await enterprise.fill('#f-comment', '建议具体，问题已解决');
    await submit(enterprise, 'form[action$="/rate"]', /\/my\/advice\/\d+$/);
    assert.match(await enterprise.textContent('.expert-rated'), /5 分：建议具体/);
    assert.equal(await enterprise.locator('form[action$="/rate"]').count(), 0);
    await screenshot(enterprise, 'experts-rated');

    // staff see the rating on the expert's record; the public card shows only the count
    await staff.goto(expertUrl);
    assert.match(await staff.textContent('.expert-rating'), /共 [1-9]\d* 次/);
    await enterprise.goto(`/experts/${expertId}`);
    assert.doesNotMatch(await enterprise.textContent('main'), /建议具体/);
  });
});
