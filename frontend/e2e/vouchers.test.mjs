// Issue 21's journey: staff open a voucher batch → an enterprise applies for a 检验检测 service → staff
// approve → the provider confirms contract and delivery → the enterprise accepts → the provider requests
// redemption → staff pay → the batch dashboard and the public page show it. Real Keycloak, Chromium, SMTP.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { awaitMail, journey, launch, login, screenshot } from './support.mjs';

const PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n', 'ascii');
const PROVIDER = '广元市检验检测认证中心';
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

test('vouchers: batch → application → approval → contract → delivery → acceptance → redemption → payment → dashboard', async () => {
  await journey('vouchers', browser, async (open) => {
    const provider = await open();
    const staff = await open();
    const enterprise = await open();
    const batchName = `2026年检验检测创新券（${Date.now()}）`;

    // the provider registers with its CMA number and a 检验检测 service
    await login(provider, '/provider/profile', 'provider1');
    if ((await provider.locator('#f-name').inputValue()) === '') {
      await provider.fill('#f-name', PROVIDER);
      await provider.fill('#f-creditCode', '91330100716105852F');
      await provider.fill('#f-legalRepresentative', '李明');
      await provider.fill('#f-contactPerson', '赵工');
      await provider.fill('#f-mobile', '0839-3261234');
      await provider.fill('#f-email', 'provider1@example.com');
      await provider.fill('#f-credentials', 'CMA 2022230000');
      await provider.check('input[name=categories][value=TESTING]');
      await submit(provider, 'form[action="/provider/profile"]', /\/provider\/profile$/);
      await provider.fill('#f-offerName', '金属材料力学性能检测');
      await provider.selectOption('#f-offerCategory', 'TESTING');
      await provider.fill('#f-price', '8000');
      await provider.fill('#f-typicalDays', '10');
      await submit(provider, 'form[action="/provider/offers"]', /\/provider\/profile$/);
    }

    // staff list the provider and open a batch
    await login(staff, '/staff/vouchers', 'staff1');
    const row = staff.locator('tr', { hasText: PROVIDER });
    if (await row.locator('form[action$="/approve"]').count()) {
      await Promise.all([staff.waitForURL(/\/staff\/vouchers$/), row.locator('form[action$="/approve"] button').click()]);
    }
    await staff.goto('/staff/vouchers/batches/new');
    await staff.fill('#f-name', batchName);
    await staff.fill('#f-totalBudget', '500000');
    await staff.fill('#f-annualCap', '50000');
    await staff.fill('#f-ratioPercent', '50');
    await staff.check('input[name=categories][value=TESTING]');
    await staff.fill('#f-applyFrom', day(0));
    await staff.fill('#f-applyTo', day(30));
    await staff.fill('#f-useUntil', day(180));
    await staff.fill('#f-validDays', '60');
    await submit(staff, 'form[action="/staff/vouchers/batches"]', /\/staff\/vouchers\/batches\/\d+$/);
    const batchUrl = staff.url();
    await submit(staff, 'form[action$="/open"]', /\/staff\/vouchers\/batches\/\d+$/);
    assert.match(await staff.textContent('main'), /申领中/);

    // the enterprise applies for the 检验检测 service, after trying the amount
    await login(enterprise, '/my/vouchers', 'enterprise1');
    if (enterprise.url().includes('/my/profile')) {
      await enterprise.fill('#f-name', '广元市示范新材料有限公司');
      await enterprise.fill('#f-creditCode', '914403001922038216');
      await enterprise.selectOption('#f-district', '利州区');
      await enterprise.fill('#f-industry', '新材料');
      await enterprise.fill('#f-contactPerson', '王建国');
      await enterprise.fill('#f-mobile', '13900001111');
      await enterprise.fill('#f-email', 'enterprise1@example.com');
      await enterprise.check('input[value="高新技术企业"]');
      await Promise.all([enterprise.waitForURL(/\/my\/vouchers/), enterprise.click('form[action="/my/profile"] button[type=submit]')]);
    }
    await Promise.all([enterprise.waitForURL(/\/apply/),
      enterprise.locator('li', { hasText: batchName }).locator('a', { hasText: '申领' }).click()]);
    await enterprise.fill('#f-trial', '30000');
    await Promise.all([enterprise.waitForURL(/amount=30000/), enterprise.click('form[method=get][action$="/apply"] button[type=submit]')]);
    assert.match(await enterprise.textContent('.amount-steps'), /15,000\.00 元/);
    await screenshot(enterprise, 'voucher-apply');
    const optionValue = (select, text) => enterprise.locator(`${select} option`, { hasText: text }).first().getAttribute('value');
    await enterprise.selectOption('#f-providerId', await optionValue('#f-providerId', PROVIDER));
    await enterprise.selectOption('#f-offerId', await optionValue('#f-offerId', '金属材料力学性能检测'));
    await enterprise.fill('#f-quoteAmount', '30000');
    await enterprise.fill('#f-legalRepresentative', '王建国');
    await enterprise.fill('#f-contactMobile', '13900001111');
    await enterprise.setInputFiles('#f-quote', { name: '报价单.pdf', mimeType: 'application/pdf', buffer: PDF });
    await submit(enterprise, 'form[action="/my/vouchers/apply"]', /\/my\/vouchers\/\d+$/);
    const voucherId = enterprise.url().match(/(\d+)$/)[1];
    assert.match(await enterprise.textContent('main'), /已提交/);

    // staff review and approve the computed amount
    await staff.goto(`/staff/vouchers/${voucherId}`);
    await submit(staff, 'form[action$="/review"]', new RegExp(`/staff/vouchers/${voucherId}$`));
    assert.equal(await staff.locator('#f-approvedAmount').inputValue(), '15000.00');
    await submit(staff, 'form[action$="/approve"]', new RegExp(`/staff/vouchers/${voucherId}$`));
    assert.match(await staff.textContent('main'), /KJCXQ-\d{4}-\d{6}/);

    // the provider confirms the contract and, when done, the delivery
    await provider.goto(`/provider/vouchers/${voucherId}`);
    await provider.fill('#f-contractAmount', '30000');
    await provider.fill('#f-contractFrom', day(0));
    await provider.fill('#f-contractTo', day(20));
    await submit(provider, 'form[action$="/contract"]', new RegExp(`/provider/vouchers/${voucherId}$`));
    await provider.fill('#f-note', '检测报告已出具');
    await submit(provider, 'form[action$="/deliver"]', new RegExp(`/provider/vouchers/${voucherId}$`));

    // the enterprise accepts
    await enterprise.goto(`/my/vouchers/${voucherId}`);
    await submit(enterprise, 'form[action$="/accept"]', new RegExp(`/my/vouchers/${voucherId}$`));
    assert.match(await enterprise.textContent('main'), /企业已验收/);

    // the provider requests redemption with the invoice and the acceptance report
    await provider.goto(`/provider/vouchers/${voucherId}`);
    await provider.fill('#f-invoiceAmount', '30000');
    await provider.setInputFiles('#f-invoice', { name: '发票.pdf', mimeType: 'application/pdf', buffer: PDF });
    await provider.setInputFiles('#f-acceptance', { name: '验收报告.pdf', mimeType: 'application/pdf', buffer: PDF });
    await submit(provider, 'form[action="/provider/vouchers/redeem"]', new RegExp(`/provider/vouchers/${voucherId}$`));
    assert.match(await provider.textContent('main'), /待兑付/);

    // staff pay, and the dashboard shows it
    await staff.goto(`/staff/vouchers/${voucherId}`);
    assert.equal(await staff.locator('#f-redemptionAmount').inputValue(), '15000.00');
    await staff.fill('#f-paidOn', day(0));
    await staff.fill('#f-paymentReference', 'GK-2026-0001');
    await submit(staff, 'form[action$="/pay"]', new RegExp(`/staff/vouchers/${voucherId}$`));
    assert.match(await staff.textContent('main'), /已兑付/);
    await awaitMail('provider1@example.com', (m) => m.subject.includes('已兑付'));
    await staff.goto(batchUrl);
    assert.match(await staff.textContent('[data-redeemed]'), /15000\.00 元/);
    assert.match(await staff.textContent('[data-remaining]'), /485000\.00 元/);
    await screenshot(staff, 'voucher-dashboard');

    const visitor = await open();
    await visitor.goto('/vouchers');
    assert.match(await visitor.textContent('main'), new RegExp(PROVIDER));
    assert.match(await visitor.textContent(`tr:has-text("${batchName}")`), /15000\.00/);
  });
});
