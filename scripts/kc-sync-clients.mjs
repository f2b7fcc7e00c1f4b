// Brings the clients of a running local Keycloak up to docker/keycloak/keyida-realm.json without a restart:
// the launcher imports the realm only when Keycloak starts, and a shared, running Keycloak is not restarted
// for a realm change. For each client of the file: its attributes, redirect URIs and flags are written
// (PUT), and protocol mappers it lacks are added. Users, roles and realm settings still need a restart
// (the launcher re-imports when the file's hash changed). Usage: node kc-sync-clients.mjs REALM_FILE KEYCLOAK_URL
import { readFileSync } from 'node:fs';

const [file, base] = process.argv.slice(2);
const realm = JSON.parse(readFileSync(file, 'utf8'));
const tokenResponse = await fetch(`${base}/realms/master/protocol/openid-connect/token`, {
  method: 'POST',
  body: new URLSearchParams({ grant_type: 'password', client_id: 'admin-cli', username: 'admin', password: 'admin' }),
});
if (!tokenResponse.ok) throw new Error(`admin login: HTTP ${tokenResponse.status}`);
const { access_token: token } = await tokenResponse.json();
const headers = { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' };
const admin = `${base}/admin/realms/${realm.realm}`;

async function call(method, path, body) {
  const r = await fetch(admin + path, { method, headers, body: body && JSON.stringify(body) });
  if (!r.ok) throw new Error(`${method} ${path}: HTTP ${r.status} ${await r.text()}`);
  return r.status === 204 || r.status === 201 ? null : r.json();
}

for (const wanted of realm.clients ?? []) {
  const [client] = await call('GET', `/clients?clientId=${encodeURIComponent(wanted.clientId)}`);
  if (!client) continue; // a new client needs the import at start
  const { protocolMappers = [], ...settings } = wanted;
  await call('PUT', `/clients/${client.id}`, { ...client, ...settings, id: client.id });
  const have = new Set((await call('GET', `/clients/${client.id}/protocol-mappers/models`)).map((m) => m.name));
  for (const mapper of protocolMappers.filter((m) => !have.has(m.name))) {
    await call('POST', `/clients/${client.id}/protocol-mappers/models`, mapper);
    console.log(`    Keycloak: added ${mapper.name} to client ${wanted.clientId}`);
  }
}
