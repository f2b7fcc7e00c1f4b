// What the load scripts (bench.mjs, chaos.mjs) share: demo-user tokens from Keycloak, CSRF tokens of the
// portal's forms, the demo enterprise profile, psql and the resident memory of a process.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

const env = process.env;
// The same client and secret as the portal's local configuration (application.properties).
const KEYCLOAK = env.KEYCLOAK_URL ?? 'http://localhost:8180/realms/keyida';
const CLIENT_ID = env.PORTAL_OIDC_CLIENT ?? 'portal';
const CLIENT_SECRET = env.PORTAL_OIDC_SECRET ?? 'portal-dev-secret';

export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** A demo user's token response (password grant: access_token, expires_in); throws when Keycloak refuses. */
export async function requestToken(username, timeoutMs = 10000) {
  const r = await fetch(`${KEYCLOAK}/protocol/openid-connect/token`, {
    method: 'POST', signal: AbortSignal.timeout(timeoutMs),
    body: new URLSearchParams({ grant_type: 'password', client_id: CLIENT_ID, client_secret: CLIENT_SECRET, username, password: 'demo1234' }),
  });
  if (!r.ok) throw new Error(`Keycloak token for ${username}: ${r.status}`);
  return r.json();
}

/** A form's CSRF token and cookie from a page (and the page's HTML), as a browser would get them. */
export async function csrf(base, path, bearer) {
  const page = await fetch(base + path, { headers: { Authorization: bearer }, redirect: 'manual' });
  const html = await page.text();
  const m = html.match(/name="csrf-token" value="([^"]+)"/);
  if (!m) throw new Error(`no form on ${base}${path}: ${page.status}`);
  return { token: m[1], cookie: page.headers.getSetCookie().find((c) => c.startsWith('csrf-token=')).split(';')[0], html };
}

/** Gives enterprise1 an enterprise profile under the given name (needs are refused without one); the form's token. */
export async function ensureProfile(base, bearer, name) {
  const c = await csrf(base, '/my/profile', bearer);
  if (c.html.includes(`value="${name}"`)) return c;
  const form = new URLSearchParams({ 'csrf-token': c.token, name, creditCode: '914403001922038216', district: '利州区',
    industry: '新材料', contactPerson: '王建国', mobile: '13900001111', email: 'enterprise1@example.com' });
  const r = await fetch(`${base}/my/profile`, { method: 'POST', redirect: 'manual', body: form, headers: { Authorization: bearer, Cookie: c.cookie } });
  if (r.status !== 303) throw new Error(`profile: ${r.status} ${await r.text()}`);
  return c;
}

/** One SQL statement's output (unaligned, tuples only) as the portal's database user. */
export function psql(db, sql) {
  return execFileSync('psql', ['-h', '127.0.0.1', '-U', 'keyida', '-d', db, '-qtAc', sql],
    { env: { ...env, PGPASSWORD: 'keyida' }, encoding: 'utf8' }).trim();
}

/** A process's resident memory in MB. */
export const rss = (pid) => Number(readFileSync(`/proc/${pid}/status`, 'utf8').match(/VmRSS:\s+(\d+)/)[1]) / 1024;
