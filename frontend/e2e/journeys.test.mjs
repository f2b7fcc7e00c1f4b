// Browser journeys against the running portal, the real Keycloak login page and the real mail server.
// Run by `./portal test` (node --test); the app under test listens on PORTAL_URL.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  assetWeight, awaitMail, journey, launch, login, randomCreditCode, screenshot, seriousViolations, tabTo,
  verificationLink,
} from './support.mjs';

const PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n', 'ascii');
const weights = {};
let browser;
let trackingNo;

before(async () => {
  browser = await launch();
});

after(async () => {
  await browser?.close();
  console.log('JS+CSS per page (compressed bytes):', JSON.stringify(weights));
});

/** axe in both display modes (default and 高对比), with zero serious violations in either. */
async function expectAccessible(page, name) {
  assert.deepEqual(await seriousViolations(page), [], `axe on ${name}`);
  const before = await page.evaluate(() => document.documentElement.dataset.display || '');
  await page.evaluate(() => { document.documentElement.dataset.display = 'contrast'; });
  assert.deepEqual(await seriousViolations(page), [], `axe on ${name} in high contrast`);
  await page.evaluate((mode) => { document.documentElement.dataset.display = mode; }, before);
}

async function searchJourney(page, label) {
  await page.goto('/');
  weights[`home${label}`] = await assetWeight(page);
  await page.fill('#site-q', '高企认定');
  await Promise.all([page.waitForURL(/\/search\?q=/), page.press('#site-q', 'Enter')]);
  const count = await page.textContent('#result-count');
  assert.match(count, /共找到 [1-9]\d* 条结果/);
  weights[`search${label}`] = await assetWeight(page);
  await screenshot(page, `search-results${label}`);
  // apply a facet: the results are swapped in without a page reload
  if (label === '-phone') await page.click('.facet-toggle');
  const facet = page.locator('.facets section').filter({ hasText: '类型' }).locator('a').first();
  await facet.click();
  await page.waitForURL(/type=/);
  assert.match(await page.textContent('#result-count'), /已筛选/);
  await page.locator('.results h3 a').first().click();
  await page.waitForURL(/\/(policies|finance|talent|achievements|demands)\//);
  assert.ok((await page.textContent('h1')).length > 4);
  await page.waitForLoadState('load');
  const related = page.locator('section[aria-labelledby="related-title"] a').first();
  const href = await related.getAttribute('href');
  await related.click();
  await page.waitForURL((url) => url.pathname === href);
}

test('1. anonymous: home → search 高企认定 → facet → policy → related item, on desktop and a 375 px phone', async () => {
  await journey('anonymous-search', browser, async (open) => {
    const page = await open();
    await page.goto('/');
    await expectAccessible(page, 'home');
    await screenshot(page, 'home');
    await searchJourney(page, '');
    await page.goto('/search?q=高企认定');
    await expectAccessible(page, 'search results');
    await page.goto('/policies/pol-gaoqi-rending-tiaojian-art11');
    await expectAccessible(page, 'policy page');
    await screenshot(page, 'policy');
    weights.policy = await assetWeight(page);
    for (const path of ['/open-api', '/sitemap', '/contact', '/accessibility']) {
      await page.goto(path);
      await expectAccessible(page, path);
    }
    // 高对比 as a visitor switches it on: highlights and the search button stay readable
    await page.goto('/search?q=高企认定');
    await page.click('[data-display-toggle="contrast"]');
    assert.equal(await page.evaluate(() => document.documentElement.dataset.display), 'contrast');
    await screenshot(page, 'search-results-contrast');
    await page.click('[data-display-toggle="contrast"]');

    const phone = await open({ phone: true });
    await searchJourney(phone, '-phone');
    await phone.goto('/search?q=高企认定');
    await screenshot(phone, 'search-results-phone');
  });
  for (const [page, bytes] of Object.entries(weights)) {
    assert.ok(bytes < 100 * 1024, `${page} sends ${bytes} bytes of JS and CSS`);
  }
});

test('2. enterprise: Keycloak login → profile → need with attachment → tracking number and timeline', async () => {
  await journey('enterprise-need', browser, async (open) => {
    const page = await open();
    await login(page, '/my/needs/new', 'enterprise1');
    await page.waitForURL(/\/my\/profile/);
    await page.fill('#f-name', '广元市示范新材料有限公司');
    await page.fill('#f-creditCode', '914403001922038216');
    await page.selectOption('#f-district', '利州区');
    await page.fill('#f-industry', '新材料');
    await page.fill('#f-contactPerson', '王建国');
    await page.fill('#f-mobile', '13900001111');
    await page.fill('#f-email', 'enterprise1@example.com');
    await page.check('input[value="高新技术企业"]');
    await Promise.all([page.waitForURL(/\/my\/needs\/new/), page.click('form[action="/my/profile"] button[type=submit]')]);

    // the need form with validation errors, as the visitor sees them
    await page.click('form[data-need-form] button[type=submit]');
    await page.waitForSelector('[data-error-summary]');
    assert.equal(await page.evaluate(() => document.activeElement?.hasAttribute('data-error-summary')), true);
    await screenshot(page, 'need-form-errors');
    await expectAccessible(page, 'need form');

    await page.selectOption('#f-category', 'TECH');
    await page.fill('#f-title', '高新技术企业认定辅导需求');
    await page.waitForSelector('.related-suggestions:not([hidden]) a'); // answers offered while typing
    await page.fill('#f-description', '我公司计划明年申报高新技术企业，希望获得研发费用归集和知识产权方面的辅导。');
    await page.setInputFiles('#f-files', { name: '企业简介.pdf', mimeType: 'application/pdf', buffer: PDF });
    await page.check('#f-consent');
    // Every problem fixed: the summary is gone, and the button stays where it is while it is pressed (a real
    // mouse press and release at the same point: one click submits).
    assert.equal(await page.locator('[data-error-summary]').count(), 0);
    const button = page.locator('form[data-need-form] button[type=submit]');
    const box = await button.boundingBox();
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.down();
    assert.deepEqual(await button.boundingBox(), box, 'the submit button did not move on mousedown');
    await Promise.all([page.waitForURL(/\/my\/needs\/XQ-/), page.mouse.up()]);
    // Success in a calm style, with no leftover "请修改以下 N 处问题".
    assert.doesNotMatch(await page.textContent('main'), /请修改以下/);
    const border = await page.$eval('.confirmation', (e) => getComputedStyle(e).borderLeftColor);
    assert.equal(border, 'rgb(26, 127, 55)');
    await screenshot(page, 'need-submitted');
    trackingNo = (await page.textContent('.tracking-no')).trim();
    assert.match(trackingNo, /^XQ-\d{8}-\d{4}$/);
    assert.match(await page.textContent('.timeline'), /提交需求/);
    await awaitMail('enterprise1@example.com', (m) => m.subject.includes(trackingNo));
  });
});

test('3. staff: queue → accept, assign, phone follow-up, resolve; enterprise answers the mail link; closed and counted', async () => {
  assert.ok(trackingNo, 'journey 2 submitted a need');
  await journey('staff-workflow', browser, async (open) => {
    const staff = await open();
    await login(staff, '/staff/needs', 'staff1');
    await expectAccessible(staff, 'staff queue');
    await screenshot(staff, 'staff-queue');
    await staff.click(`a:text("${trackingNo}")`);
    await staff.click('button:text-is("受理")');
    await staff.selectOption('#f-assignee', 'staff1');
    await staff.click('button:text-is("分派")');
    await staff.click('button:text("开始办理")');
    await staff.selectOption('#f-kind', 'PHONE');
    await staff.fill('#f-notes', '电话沟通：企业研发费用归集尚不规范，约定上门辅导。');
    await staff.click('button:text("保存跟进记录")');
    await staff.fill('#f-resolution', '已上门辅导研发费用归集，并推荐知识产权服务机构。');
    await staff.click('button:text-is("办结")');
    assert.match(await staff.textContent('.badge.status-RESOLVED'), /已办结/);

    const mail = await awaitMail('enterprise1@example.com', (m) => m.subject.includes('已办结') && m.subject.includes(trackingNo));
    const link = mail.body.match(/https?:\/\/\S+\/callback\/[A-Za-z0-9_-]+/)[0];
    const enterprise = await open();
    await enterprise.goto(link);
    // Each radio sits right beside its label, on the same row (GOV.UK's radios pattern).
    for (const id of ['f-sat-VERY_SATISFIED', 'f-res-YES']) {
      const radio = await enterprise.locator(`#${id}`).boundingBox();
      const label = await enterprise.locator(`label[for="${id}"]`).boundingBox();
      assert.ok(label.x - (radio.x + radio.width) < 24, `${id}: label beside its radio`);
      assert.ok(Math.abs((label.y + label.height / 2) - (radio.y + radio.height / 2)) < 8, `${id}: same row`);
    }
    await screenshot(enterprise, 'rating-form');
    await enterprise.check('input[name=satisfaction][value=VERY_SATISFIED]');
    await enterprise.check('input[name=resolved][value=YES]');
    await enterprise.click('form[action^="/callback/"] button[type=submit]');
    assert.match(await enterprise.textContent('main'), /感谢您的评价/);
    // One rating per round: the need page now shows the recorded answer instead of a second form.
    await login(enterprise, `/my/needs/${trackingNo}`, 'enterprise1');
    assert.match(await enterprise.textContent('#rated-title + p'), /在线评价：非常满意，已解决/);
    assert.equal(await enterprise.locator(`form[action="/my/needs/${trackingNo}/rate"]`).count(), 0);
    assert.match(await enterprise.textContent('.need-budget'), /未填写|万元/);
    await screenshot(enterprise, 'need-rated');

    await staff.reload();
    await staff.click('button:text("关闭需求")');
    assert.match(await staff.textContent('.badge.status-CLOSED'), /已关闭/);
    await staff.goto('/staff/dashboard');
    assert.match(await staff.textContent('[data-figure=satisfaction]'), /100(\.0)?%/);
    await staff.waitForSelector('.chart canvas');
    await screenshot(staff, 'dashboard');
  });
});

test('4. staff edits a policy and publishes it; a new visitor finds the new wording within seconds', async () => {
  await journey('publish-edit', browser, async (open) => {
    const staff = await open();
    await login(staff, '/staff/content?q=pol-gaoqi-keji-renyuan-dingyi', 'staff1');
    await staff.click('table.data a');
    await staff.click('button:text("撤回为草稿")');
    const word = `示范修订${Date.now().toString(36)}`;
    await staff.fill('#f-summary', `${word}：高企认定所称科技人员的最新口径。`);
    // A status change while the edit is unsaved is refused with a message, and the edit stays in the form.
    const url = staff.url();
    await staff.click('button:text("归档")');
    await staff.waitForSelector('#dirty-notice:not([hidden])');
    assert.equal(staff.url(), url);
    assert.match(await staff.inputValue('#f-summary'), new RegExp(word));
    // 保存并发布 saves the edit first, then publishes; the page says when it was saved.
    await Promise.all([staff.waitForURL(/saved=published/), staff.click('button:text("保存并发布")')]);
    assert.match(await staff.textContent('#saved-notice'), /已保存并发布（\d{4}-\d{2}-\d{2} \d{2}:\d{2}）/);
    assert.match(await staff.textContent('.card .badge'), /已发布/);
    assert.match(await staff.inputValue('#f-summary'), new RegExp(word));
    await expectAccessible(staff, 'staff content saved');
    await screenshot(staff, 'staff-content-saved');

    const visitor = await open();
    const start = Date.now();
    for (;;) {
      await visitor.goto(`/search?q=${encodeURIComponent(word)}`);
      if ((await visitor.locator('.results h3 a').count()) > 0) break;
      assert.ok(Date.now() - start < 10000, 'found within 10 s');
      await visitor.waitForTimeout(300);
    }
    console.log(`edit searchable after ${Date.now() - start} ms`);
  });
});

test('5. keyboard only: the search form and the need form', async () => {
  await journey('keyboard', browser, async (open) => {
    const page = await open();
    await page.goto('/');
    await tabTo(page, '#site-q');
    await page.keyboard.type('创新券');
    await Promise.all([page.waitForURL(/\/search\?q=/), page.keyboard.press('Enter')]);
    assert.match(await page.textContent('#result-count'), /共找到/);

    await login(page, '/my/needs/new', 'enterprise1');
    await page.waitForURL(/\/my\/needs\/new/);
    await tabTo(page, '#f-category');
    await page.keyboard.press('ArrowDown'); // first category
    await tabTo(page, '#f-title');
    await page.keyboard.type('键盘提交的技术需求');
    await tabTo(page, '#f-description');
    await page.keyboard.type('仅用键盘填写的需求描述。');
    await tabTo(page, '#f-consent');
    await page.keyboard.press('Space');
    await tabTo(page, 'form[data-need-form] button[type=submit]');
    await Promise.all([page.waitForURL(/\/my\/needs\/XQ-/), page.keyboard.press('Enter')]);
    assert.match(await page.textContent('.tracking-no'), /XQ-/);
  });
});

test('6. anonymous: the policy calculator explains each condition, and a higher R&D ratio changes the answer', async () => {
  await journey('policy-calculator', browser, async (open) => {
    const page = await open();
    await page.goto('/');
    await Promise.all([page.waitForURL(/\/matching$/), page.click('a[href="/matching"] >> nth=0')]);
    await expectAccessible(page, 'policy calculator');
    // An empty form knows nothing: nothing is 符合, everything is at most 可能符合.
    await Promise.all([page.waitForURL(/\/matching\?/), page.click('button:has-text("开始测算")')]);
    assert.match(await page.locator('#h-eligible').textContent(), /符合（0 项）/);
    assert.match(await page.locator('.match-summary').textContent(), /符合 0 项，可能符合 \d+ 项/);
    await page.check('input[name="qualifications"][value="科技型中小企业"]');
    await page.selectOption('#f-district', '利州区');
    await page.fill('#f-rdRatio', '2');
    await Promise.all([page.waitForURL(/rdRatio=2/), page.click('button:has-text("开始测算")')]);
    const nearly = page.locator('article[data-slug="pol-sc-jili-yanfa-touru-houbuzhu"]');
    assert.equal(await nearly.count(), 1);
    assert.match(await page.locator('section[aria-labelledby="h-nearly"]').textContent(), /激励企业加大研发投入/);
    const unmet = nearly.locator('tr.check-NOT_MET');
    assert.match(await unmet.textContent(), /研发费用占营业收入比例不低于 3%.*不符合.*研发投入占比：2%/s);
    // A condition that cannot be checked automatically makes an item 可能符合, never 符合.
    assert.match(await page.locator('section[aria-labelledby="h-possible"]').textContent(), /科技型中小企业研发费用/);
    await expectAccessible(page, 'calculator results');
    await screenshot(page, 'policy-calculator');

    await page.fill('#f-rdRatio', '3.5');
    await Promise.all([page.waitForURL(/rdRatio=3\.5/), page.click('button:has-text("开始测算")')]);
    const possible = page.locator('section[aria-labelledby="h-possible"] article[data-slug="pol-sc-jili-yanfa-touru-houbuzhu"]');
    assert.equal(await possible.count(), 1);
    assert.match(await possible.locator('.check-counts').textContent(), /符合 1 项，需确认 3 项，不符合 0 项/);

    // The 高企 tiered rule: revenue 2000万–5000万 needs 5 %, so 4.2 % fails although both facts are known.
    await page.selectOption('#f-revenueBand', '2000万–5000万元');
    await page.fill('#f-rdRatio', '4.2');
    await page.fill('#f-registeredOn', '2015-03-01');
    await Promise.all([page.waitForURL(/rdRatio=4\.2/), page.click('button:has-text("开始测算")')]);
    const gaoqi = page.locator('section[aria-labelledby="h-nearly"] article[data-slug="pol-gaoqi-rending-tiaojian-art11"]');
    assert.equal(await gaoqi.count(), 1);
    assert.match(await gaoqi.locator('tr.check-NOT_MET').textContent(), /按年营业收入分档.*需不低于 5%；研发投入占比：4\.2%/s);
    await screenshot(page, 'policy-calculator-tiered');
  });
});

test('7. phone (375 px): tables become labelled cards; badges and tracking numbers stay on one line', async () => {
  await journey('phone-tables', browser, async (open) => {
    const oneLine = async (page, selector) => {
      const heights = await page.$$eval(selector, (els) => els.map((e) => {
        const lh = parseFloat(getComputedStyle(e).lineHeight) || 24;
        return e.getBoundingClientRect().height / lh;
      }));
      assert.ok(heights.length > 0, `${selector} on the page`);
      assert.ok(heights.every((h) => h < 1.6), `${selector} on one line: ${heights.map((h) => h.toFixed(1))}`);
    };
    const stacked = async (page) => {
      const row = await page.locator('table.data tbody tr').first().boundingBox();
      assert.ok(row.width > 300, 'a table row is a full-width card');
      assert.equal(await page.$eval('table.data td', (e) => getComputedStyle(e).display), 'block');
    };
    const enterprise = await open({ phone: true });
    await login(enterprise, '/my/needs', 'enterprise1');
    await stacked(enterprise);
    await oneLine(enterprise, 'a.tracking-no-link');
    await oneLine(enterprise, 'table.data .badge');
    await expectAccessible(enterprise, 'my needs on a phone');
    await screenshot(enterprise, 'phone-my-needs');

    await enterprise.goto('/matching?district=%E5%88%A9%E5%B7%9E%E5%8C%BA&rdRatio=4.2');
    await oneLine(enterprise, '.match .badge');
    await stacked(enterprise);
    await screenshot(enterprise, 'phone-calculator');

    const staff = await open({ phone: true });
    await login(staff, '/staff/needs', 'staff1');
    await stacked(staff);
    await oneLine(staff, 'a.tracking-no-link');
    await screenshot(staff, 'phone-staff-queue');
    await staff.goto('/staff/content/sources');
    await stacked(staff);
    await screenshot(staff, 'phone-staff-sources');
  });
});

test('8. anonymous: search paging with first/previous/next/last; a reposted policy says 转载自 and hides curator notes', async () => {
  await journey('paging-provenance', browser, async (open) => {
    const page = await open();
    await page.goto('/search?size=5');
    const steps = () => page.locator('nav[aria-label="分页"] li.page-step a').allTextContents();
    assert.deepEqual(await steps(), ['下一页', '末页']);
    await Promise.all([page.waitForURL(/page=2/), page.click('nav[aria-label="分页"] a:text-is("下一页")')]);
    assert.deepEqual(await steps(), ['首页', '上一页', '下一页', '末页']);
    await Promise.all([page.waitForURL(/page=\d{2}|page=[3-9]/), page.click('nav[aria-label="分页"] a:text-is("末页")')]);
    assert.deepEqual(await steps(), ['首页', '上一页']);
    await expectAccessible(page, 'search last page');
    await screenshot(page, 'search-paging');

    await page.goto('/policies/pol-gaoqi-rending-tiaojian-art11');
    const main = await page.textContent('main');
    assert.match(main, /转载自/);
    assert.match(main, /发布机关科技部、财政部、国家税务总局|发布机关\s*科技部、财政部、国家税务总局/);
    assert.doesNotMatch(main, /Text assembled|xiamen076883/);
    await page.goto('/policies/pol-guangyuan-shisiwu-keji-zhishichanquan-guihua');
    assert.match(await page.textContent('dl.source'), /原文\s*gysj\.cngy\.gov\.cn（政府网站）/);
    await expectAccessible(page, 'policy with an official source');
  });
});

test('9. a new enterprise registers itself on the login page, verifies its e-mail and submits a need', async () => {
  await journey('self-registration', browser, async (open) => {
    const page = await open();
    const id = `${Date.now().toString(36)}${Math.floor(Math.random() * 1000)}`;
    const email = `reg-${id}@example.com`;
    await page.goto('/');
    await Promise.all([page.waitForURL(/\/realms\/keyida\//), page.click('.user-nav a[href="/login"]')]);
    assert.match(await page.textContent('body'), /忘记密码/); // the reset-password link is offered
    await screenshot(page, 'keycloak-login');
    await Promise.all([page.waitForURL(/registration/), page.click('#kc-registration a')]);
    await page.fill('#username', `reg-${id}`);
    await page.fill('#password', 'Keyida-2026-reg');
    await page.fill('#password-confirm', 'Keyida-2026-reg');
    await page.fill('#email', email);
    await page.fill('#firstName', '新');
    await page.fill('#lastName', '李');
    await screenshot(page, 'keycloak-register');
    await page.click('#kc-form-buttons [type=submit], input[type=submit]');
    // no session yet: Keycloak asks for the address to be verified first, and sends the link there
    await page.waitForSelector('text=验证');
    const link = await verificationLink(email);
    await page.goto(link);
    // the verified enterprise lands on the portal, which asks for its profile before anything else
    await page.waitForURL(/\/my\/profile/);
    await page.fill('#f-name', `广元市自助注册科技有限公司${id}`);
    await page.fill('#f-creditCode', randomCreditCode());
    await page.selectOption('#f-district', '利州区');
    await page.fill('#f-industry', '电子信息');
    await page.fill('#f-contactPerson', '李新');
    await page.fill('#f-mobile', '13900002222');
    await page.fill('#f-email', email);
    await Promise.all([page.waitForURL(/\/my\/needs$/), page.click('form[action="/my/profile"] button[type=submit]')]);
    await Promise.all([page.waitForURL(/\/my\/needs\/new/), page.click('a[href="/my/needs/new"].btn')]);
    await page.selectOption('#f-category', 'TECH');
    await page.fill('#f-title', '新注册企业的技术合作需求');
    await page.fill('#f-description', '我公司刚完成注册，希望对接高校开展传感器信号处理方面的技术合作。');
    await page.check('#f-consent');
    await Promise.all([page.waitForURL(/\/my\/needs\/XQ-/), page.click('form[data-need-form] button[type=submit]')]);
    assert.match((await page.textContent('.tracking-no')).trim(), /^XQ-\d{8}-\d{4}$/);
  });
});
