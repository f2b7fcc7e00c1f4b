// Shared helpers of the browser journeys: real Debian Chromium driven by playwright-core.
import { chromium } from 'playwright-core';
import AxeBuilder from '@axe-core/playwright';
import { mkdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';

export const BASE = process.env.PORTAL_URL ?? 'http://localhost:8082';
export const MAIL_API = process.env.PORTAL_MAIL_API ?? 'http://127.0.0.1:8025';
const TARGET = resolve(import.meta.dirname, '../../target');
export const SCREENSHOTS = resolve(TARGET, 'screenshots');
const FAILURES = resolve(TARGET, 'e2e-failures');
mkdirSync(SCREENSHOTS, { recursive: true });

export async function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync'],
  });
}

/** A fresh browser context (no cookies), desktop or phone sized. */
export async function newPage(browser, { phone = false } = {}) {
  const context = await browser.newContext({
    baseURL: BASE,
    locale: 'zh-CN',
    viewport: phone ? { width: 375, height: 812 } : { width: 1280, height: 900 },
    isMobile: phone,
    hasTouch: phone,
  });
  const page = await context.newPage();
  page.on('dialog', (dialog) => dialog.accept());
  return page;
}

/** Logs in through the real Keycloak login page (the app redirects there). */
export async function login(page, path, username) {
  await page.goto(path);
  await page.waitForURL(/\/realms\/keyida\//);
  await page.fill('#username', username);
  await page.fill('#password', 'demo1234');
  await Promise.all([page.waitForURL((url) => url.toString().startsWith(BASE)), page.click('#kc-login')]);
}

/** axe-core in the page: the serious and critical violations, each as "id: help (n nodes)". */
export async function seriousViolations(page) {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help} (${v.nodes.length}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')})`);
}

export async function screenshot(page, name) {
  const path = resolve(SCREENSHOTS, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}

/** Compressed bytes of the JS and CSS the page loaded. */
export async function assetWeight(page) {
  return page.evaluate(() => performance.getEntriesByType('resource')
    .filter((e) => /\.(js|css)(\?|$)/.test(e.name))
    .reduce((sum, e) => sum + (e.transferSize || e.encodedBodySize), 0));
}

/** Runs a journey; on failure keeps a screenshot and the HTML of every open page and prints their paths. */
export async function journey(name, browser, body) {
  const pages = [];
  const track = async (options) => {
    const page = await newPage(browser, options);
    pages.push(page);
    return page;
  };
  try {
    await body(track);
  } catch (error) {
    mkdirSync(FAILURES, { recursive: true });
    for (const [i, page] of pages.entries()) {
      const base = resolve(FAILURES, `${name}-${i}`);
      try {
        await page.screenshot({ path: `${base}.png`, fullPage: true });
        writeFileSync(`${base}.html`, await page.content());
        console.error(`failure artifacts: ${base}.png ${base}.html (${page.url()})`);
      } catch {
        /* the page may be gone */
      }
    }
    throw error;
  } finally {
    for (const page of pages) await page.context().close();
  }
}

/** Presses Tab until the element is focused: proves it is reachable by keyboard. */
export async function tabTo(page, selector, max = 60) {
  for (let i = 0; i < max; i++) {
    if (await page.evaluate((s) => document.activeElement?.matches(s), selector)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`${selector} not reachable with Tab`);
}

/** Mails the local GreenMail server received for an address, bodies decoded. */
export async function mails(address) {
  const response = await fetch(`${MAIL_API}/api/user/${encodeURIComponent(address)}/messages/INBOX`);
  const list = await response.json();
  return Array.isArray(list) ? list.map((m) => ({ subject: m.subject, body: decodeBody(m.mimeMessage) })) : [];
}

export async function awaitMail(address, match, timeoutMs = 20000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const found = (await mails(address)).find(match);
    if (found) return found;
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error(`no matching mail for ${address}`);
}

function decodeBody(mime) {
  const split = mime.indexOf('\r\n\r\n');
  const headers = mime.slice(0, split).toLowerCase();
  const body = mime.slice(split + 4);
  // a mail with attachments (an event's .ics): the text is its first text/plain part
  const boundary = mime.slice(0, split).replace(/\r\n[ \t]+/g, ' ').match(/content-type:\s*multipart\/[^\r\n]*boundary="?([^";\r\n]+)/i);
  if (boundary) {
    const parts = body.split(`--${boundary[1]}`).slice(1).filter((p) => !p.startsWith('--')).map((p) => p.replace(/^\r\n/, ''));
    const text = parts.find((p) => /content-type:\s*text\/plain/i.test(p.slice(0, p.indexOf('\r\n\r\n')))) ?? parts[0] ?? '';
    return decodeBody(text);
  }
  if (headers.includes('content-transfer-encoding: base64')) return Buffer.from(body, 'base64').toString('utf8');
  if (headers.includes('content-transfer-encoding: quoted-printable')) {
    const joined = body.replace(/=\r\n/g, '');
    const bytes = [];
    for (let i = 0; i < joined.length; i++) {
      if (joined[i] === '=' && i + 2 < joined.length) {
        bytes.push(parseInt(joined.slice(i + 1, i + 3), 16));
        i += 2;
      } else bytes.push(joined.charCodeAt(i));
    }
    return Buffer.from(bytes).toString('utf8');
  }
  return Buffer.from(body, 'latin1').toString('utf8');
}

/** A valid, random 统一社会信用代码 (GB 32100, with its GB 11714 organisation code), for new enterprises. */
export function randomCreditCode() {
  const alphabet = '0123456789ABCDEFGHJKLMNPQRTUWXY';
  let org = '';
  for (let i = 0; i < 8; i++) org += Math.floor(Math.random() * 10);
  const orgSum = [3, 7, 9, 10, 5, 8, 4, 2].reduce((s, w, i) => s + w * Number(org[i]), 0);
  const c9 = 11 - (orgSum % 11);
  const first17 = `91510802${org}${c9 === 10 ? 'X' : c9 === 11 ? '0' : String(c9)}`;
  const weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
  const sum = [...first17].reduce((s, ch, i) => s + alphabet.indexOf(ch) * weights[i], 0);
  return first17 + alphabet[(31 - (sum % 31)) % 31];
}

/** The e-mail verification link Keycloak sent to the address (quoted-printable or base64 parts). */
export async function verificationLink(address, timeoutMs = 30000) {
  const pattern = /https?:\/\/[^\s"'<>]+\/login-actions\/action-token\?[^\s"'<>]+/;
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const response = await fetch(`${MAIL_API}/api/user/${encodeURIComponent(address)}/messages/INBOX`);
    const list = await response.json();
    for (const m of Array.isArray(list) ? list : []) {
      const raw = m.mimeMessage.replace(/=\r?\n/g, '').replace(/=3D/gi, '=');
      const decoded = [raw, ...(raw.match(/[A-Za-z0-9+/=\r\n]{200,}/g) ?? [])
        .map((b) => Buffer.from(b.replace(/\s/g, ''), 'base64').toString('utf8'))];
      for (const text of decoded) {
        const found = text.match(pattern);
        if (found) return found[0].replace(/&amp;/g, '&');
      }
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error(`no verification mail for ${address}`);
}
