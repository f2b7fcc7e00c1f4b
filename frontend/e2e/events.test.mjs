// Issue 22's journey: staff publish a 宣讲会 with 2 seats → three enterprises register (the third waits) → one
// cancels and the waiting one is promoted and mailed (with the .ics) → staff check it in on a 375 px phone →
// staff finish the event and the attendee rates it from the mail's link → the figures on the staff pages.
// The realm has two enterprise demo users, and journey 2 needs enterprise1 without a profile: enterprise2 takes
// a seat, the other two enterprises register themselves on Keycloak's page, as journey 9 does. Real Keycloak,
// Chromium and SMTP.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { awaitMail, journey, launch, login, randomCreditCode, screenshot, seriousViolations, verificationLink } from './support.mjs';

let browser;

before(async () => {
  browser = await launch();
});

after(async () => {
  await browser?.close();
});

/** A time in Asia/Shanghai, hours from now, as datetime-local inputs want it. */
function at(hours) {
  return new Date(Date.now() + 8 * 3600 * 1000 + hours * 3600 * 1000).toISOString().slice(0, 16);
}

/** An enterprise demo user without a profile yet is asked for one first (a fresh database). */
async function withProfile(page, name, email, next, mobile = '13900001111') {
  if (page.url().includes('/my/profile')) {
    await page.fill('#f-name', name);
    await page.fill('#f-creditCode', randomCreditCode());
    await page.selectOption('#f-district', '利州区');
    await page.fill('#f-industry', '电子信息');
    await page.fill('#f-contactPerson', '王建国');
    await page.fill('#f-mobile', mobile);
    await page.fill('#f-email', email);
    await Promise.all([page.waitForURL((url) => !url.pathname.startsWith('/my/profile')),
      page.click('form[action="/my/profile"] button[type=submit]')]);
  }
  await page.goto(next);
}

/** Submits a form whose answer is the same address (a POST, then 303 back): waits for the new page. */
async function post(page, selector) {
  await Promise.all([page.waitForEvent('framenavigated'), page.click(selector)]);
  await page.waitForLoadState('load');
}

/** A new enterprise account, registered on Keycloak's page and verified by mail, with its profile; returns its address. */
async function selfRegistered(page, name, mobile, next) {
  const tag = `${Date.now().toString(36)}${Math.floor(Math.random() * 1000)}`;
  const email = `event-${tag}@example.com`;
  await page.goto('/');
  await Promise.all([page.waitForURL(/\/realms\/keyida\//), page.click('.user-nav a[href="/login"]')]);
  await Promise.all([page.waitForURL(/registration/), page.click('#kc-registration a')]);
  await page.fill('#username', `event-${tag}`);
  await page.fill('#password', 'Keyida-2026-reg');
  await page.fill('#password-confirm', 'Keyida-2026-reg');
  await page.fill('#email', email);
  await page.fill('#firstName', '新');
  await page.fill('#lastName', '赵');
  await page.click('#kc-form-buttons [type=submit], input[type=submit]');
  await page.waitForSelector('text=验证');
  await page.goto(await verificationLink(email));
  await page.waitForURL(/\/my\/profile/);
  await withProfile(page, `${name}${tag}`, email, next, mobile);
  return email;
}

async function register(page, eventUrl) {
  await Promise.all([page.waitForURL(/done=/), page.click(`form[action="${eventUrl}/register"] button[type=submit]`)]);
}

test('events: publish a 宣讲会 with 2 seats → 3 register → a cancellation promotes the waiting one → phone check-in → rating → figures', async () => {
  await journey('events', browser, async (open) => {
    const staff = await open();
    const title = `高新技术企业认定政策宣讲会（${Date.now().toString(36)}）`;

    // staff create and publish the 宣讲会 with two seats
    await login(staff, '/staff/events/new', 'staff1');
    await staff.selectOption('#f-type', 'BRIEFING');
    await staff.fill('#f-title', title);
    await staff.fill('#f-startsAt', at(48));
    await staff.fill('#f-endsAt', at(50));
    await staff.fill('#f-place', '广元市科技局三楼会议室');
    await staff.selectOption('#f-district', '利州区');
    await staff.fill('#f-organiser', '广元市科学技术局');
    await staff.fill('#f-capacity', '2');
    await staff.fill('#f-registrationOpens', at(-1));
    await staff.fill('#f-registrationCloses', at(24));
    await staff.selectOption('#f-audience', 'ENTERPRISES');
    await Promise.all([staff.waitForURL(/\/staff\/events\/\d+$/), staff.click('form[action="/staff/events"] button[type=submit]')]);
    const id = staff.url().match(/(\d+)$/)[1];
    const eventUrl = `/events/${id}`;
    await post(staff, 'form[action$="/publish"] button[type=submit]');
    assert.match(await staff.textContent('main'), /已发布/);

    // two enterprises take the two seats: the demo user enterprise2 and one that registers itself
    const first = await open();
    await login(first, '/my/needs', 'enterprise2');
    await withProfile(first, '广元市示范电子科技有限公司', 'enterprise2@example.com', eventUrl, '13900003333');
    await register(first, eventUrl);
    assert.match(await first.textContent('main'), /报名成功/);
    const second = await open();
    await selfRegistered(second, '广元市活动测试材料有限公司', '13900005555', eventUrl);
    await register(second, eventUrl);
    assert.match(await second.textContent('main'), /报名成功/);

    // a third enterprise registers itself too and joins the waiting line
    const third = await open();
    const email = await selfRegistered(third, '广元市活动测试科技有限公司', '13900004444', eventUrl);
    assert.match(await third.textContent(`form[action="${eventUrl}/register"] button`), /加入候补/);
    await register(third, eventUrl);
    assert.match(await third.textContent('main'), /候补/);
    await awaitMail(email, (m) => m.subject.includes('已进入候补'));

    // the first enterprise cancels: the waiting one gets the seat and a mail with its check-in code
    await Promise.all([first.waitForURL(/done=cancelled/), first.click(`form[action="${eventUrl}/cancel"] button[type=submit]`)]);
    const promoted = await awaitMail(email, (m) => m.subject.includes('候补成功'));
    const code = promoted.body.match(/签到码：(\d{6})/)[1];
    assert.match(promoted.body, new RegExp(`event-${id}\\.ics`));
    await third.goto(eventUrl);
    assert.equal((await third.textContent('.checkin-code')).trim(), code);

    // staff check the attendee in at the door on a phone
    const phone = await open({ phone: true });
    await login(phone, `/staff/events/${id}/checkin`, 'staff1');
    await phone.fill('#f-code', code);
    await post(phone, 'form[action$="/checkin"] button[type=submit]');
    assert.match(await phone.textContent('main'), /签到成功/);
    assert.ok(await phone.evaluate(() => document.documentElement.scrollWidth <= 375), 'the check-in page fits 375 px');
    assert.deepEqual(await seriousViolations(phone), []);
    await screenshot(phone, 'event-checkin-phone');
    await phone.fill('#f-code', code);
    await post(phone, 'form[action$="/checkin"] button[type=submit]');
    assert.match(await phone.textContent('main'), /只能使用一次/);

    // staff finish the event; the attendee rates it from the link in the mail, without logging in
    await staff.goto(`/staff/events/${id}`);
    await post(staff, 'form[action$="/finish"] button[type=submit]');
    assert.match(await staff.textContent('main'), /已结束/);
    const rating = await awaitMail(email, (m) => m.subject.includes('请评价'));
    const link = rating.body.match(/https?:\/\/\S+\/events\/rate\/[A-Za-z0-9_-]{43}/)[0];
    const visitor = await open();
    await visitor.goto(new URL(link).pathname);
    await post(visitor, 'button[value=SATISFIED]');
    assert.match(await visitor.textContent('main'), /感谢您的评价/);

    // the figures: two seats taken, one cancelled, one checked in, one no-show, one satisfied rating
    await staff.goto(`/staff/events/${id}`);
    const figures = await staff.textContent('main');
    assert.match(figures, /报名 2\/2/);
    assert.match(figures, /取消 1/);
    assert.match(figures, /签到 1/);
    assert.match(figures, /未到场 1/);
    assert.match(figures, /评价 1（满意 1）/);
    await screenshot(staff, 'event-figures');
    await staff.goto('/staff/events');
    assert.match(await staff.textContent(`tr:has-text("${title}")`), /2\/2/);
    await staff.goto('/staff');
    assert.match(await staff.textContent('[data-event-totals]'), /签到 [1-9]\d*/);
  });
});
