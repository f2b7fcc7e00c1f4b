// The benchmark: measures the running portal side by side with Elasticsearch itself and a naive
// PostgreSQL search, at 1, 8 and 32 clients, and prints one table of figures, ratios and targets.
// Started by `./portal bench`, which prepares the data and the app; see docs/BENCHMARKS.md.
import { execFileSync, spawn } from 'node:child_process';
import { mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { resolve } from 'node:path';
import { ensureProfile, psql as psqlIn, requestToken, rss as rssOf, sleep } from './support.mjs';


const env = process.env;
const ROOT = resolve(import.meta.dirname, '..');
const PORTAL = env.PORTAL_URL ?? 'http://localhost:8083';
const ES = env.ES_URL ?? 'http://127.0.0.1:9200';
const ALIAS = env.BENCH_ALIAS ?? 'keyida-bench-content';
const DB = env.BENCH_DB ?? 'keyida_bench';
const PID = Number(env.APP_PID);
const DURATION = Number(env.BENCH_SECONDS ?? 15);
const CONCURRENCY = [1, 8, 32];
const WORK = resolve(ROOT, '.cache/bench/run');
const OUT = resolve(ROOT, 'target/bench');
rmSync(WORK, { recursive: true, force: true });
mkdirSync(WORK, { recursive: true });
mkdirSync(OUT, { recursive: true });

const figures = [];
const log = (...a) => console.log('   ', ...a);
const rss = () => rssOf(PID);
const token = async (username) => (await requestToken(username)).access_token;

// ------------------------------------------------------------------ the query mix
const QUERIES = [
  { q: '创新券' }, { q: '高企' }, { q: '孵化器' }, { q: '科创贷' }, { q: '加计扣除' }, { q: '专利' }, { q: '人才' },
  { q: '科技特派员' }, { q: '成果转化' }, { q: '技术需求' }, { q: '研发投入' }, { q: '知识产权质押' },
  { q: '高新技术企业认定条件' }, { q: '研发费用加计扣除比例' }, { q: '科技型中小企业贷款贴息' },
  { q: '广元 科技特派员' }, { q: '四川 孵化器 税收优惠' }, { q: '创新券怎么申请' }, { q: '天府科创贷融资成本补助' },
  { q: '科技成果转化奖励 职务发明' },
  { q: '创新券', type: 'policy' }, { q: '高企', region: '广元市' }, { q: '贷款', type: 'finance' },
  { q: '成果', type: 'achievement', level: 'provincial' }, { q: '孵化器', year: '2024' }, { q: '人才', validity: 'VALID' },
  { q: '' }, { q: '', type: 'demand' },
];
const params = (query) => new URLSearchParams(Object.entries(query)).toString();

function writeRequests(name, lines) {
  const file = resolve(WORK, `${name}.tsv`);
  writeFileSync(file, lines.join('\n') + '\n');
  return file;
}

function wrk(url, requestsFile, connections, extraEnv = {}, seconds = DURATION) {
  const threads = Math.min(connections, 2);
  const out = execFileSync('wrk', ['-t', String(threads), '-c', String(connections), '-d', `${seconds}s`, '--timeout', '10s',
    '-s', resolve(ROOT, 'bench/requests.lua'), url], { env: { ...env, REQUESTS: requestsFile, ...extraEnv }, encoding: 'utf8' });
  const line = out.split('\n').find((l) => l.startsWith('RESULT '));
  if (!line) throw new Error(`wrk printed no result:\n${out}`);
  return JSON.parse(line.slice(7));
}

function wrkAsync(url, requestsFile, connections, seconds) {
  return new Promise((resolvePromise, reject) => {
    const child = spawn('wrk', ['-t', '2', '-c', String(connections), '-d', `${seconds}s`, '--timeout', '10s',
      '-s', resolve(ROOT, 'bench/requests.lua'), url], { env: { ...env, REQUESTS: requestsFile } });
    let out = '';
    child.stdout.on('data', (d) => { out += d; });
    child.on('close', () => {
      const line = out.split('\n').find((l) => l.startsWith('RESULT '));
      line ? resolvePromise(JSON.parse(line.slice(7))) : reject(new Error(out));
    });
  });
}

function percentile(sorted, p) {
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] : NaN;
}

function pgbench(connections) {
  const words = QUERIES.map((x) => x.q).filter(Boolean).map((w) => w.split(' ')[0]);
  const script = resolve(WORK, 'ilike.sql');
  writeFileSync(script, `\\set i random(1, ${words.length})
select slug, title from content_item
where status = 'PUBLISHED'
  and (title ilike '%' || (array[${words.map((w) => `'${w}'`).join(',')}])[:i] || '%'
    or body ilike '%' || (array[${words.map((w) => `'${w}'`).join(',')}])[:i] || '%')
order by publish_date desc nulls last limit 10;
`);
  const prefix = resolve(WORK, `pg-${connections}`);
  execFileSync('pgbench', ['-h', '127.0.0.1', '-U', 'keyida', '-n', '-c', String(connections), '-j', String(Math.min(connections, 2)),
    '-T', String(DURATION), '-f', script, '--log', `--log-prefix=${prefix}`, DB], { env: { ...env, PGPASSWORD: 'keyida' }, stdio: 'pipe' });
  const latencies = [];
  for (const f of readdirSync(WORK).filter((n) => n.startsWith(`pg-${connections}.`))) {
    for (const line of readFileSync(resolve(WORK, f), 'utf8').trim().split('\n')) {
      latencies.push(Number(line.split(' ')[2]) / 1000);
    }
  }
  latencies.sort((a, b) => a - b);
  return { requests: latencies.length, rps: latencies.length / DURATION, p50: percentile(latencies, 50),
    p95: percentile(latencies, 95), p99: percentile(latencies, 99) };
}

function figure(name, value, unit, target, pass) {
  figures.push({ name, value, unit, target, pass });
}

// ------------------------------------------------------------------ 1-3: search
async function searchBenchmarks() {
  console.log('==> search: portal API, HTML page, Elasticsearch directly, PostgreSQL ILIKE');
  const staff = await token('staff1');
  const esLines = [];
  for (const query of QUERIES) {
    const r = await fetch(`${PORTAL}/api/staff/search-request?${params(query)}`, { headers: { Authorization: `Bearer ${staff}` } });
    if (!r.ok) throw new Error(`search-request ${r.status}`);
    esLines.push(`POST\t/${ALIAS}/_search\t${(await r.text()).replace(/\t/g, ' ')}`);
  }
  const apiFile = writeRequests('api', QUERIES.map((q) => `GET\t/api/search?${params(q)}`));
  const htmlFile = writeRequests('html', QUERIES.map((q) => `GET\t/search?${params(q)}`));
  const esFile = writeRequests('es', esLines);
  const results = {};
  for (const c of CONCURRENCY) {
    // At 32 clients a run completes only a few hundred searches: twice as long, for steadier p95s.
    const seconds = c === 32 ? 2 * DURATION : DURATION;
    results[c] = {};
    results[c].es = wrk(ES, esFile, c, { CTYPE: 'application/json' }, seconds);
    if (c === 32) {
      const running = wrkAsync(PORTAL, apiFile, c, seconds);
      await sleep((seconds * 1000) / 2);
      results.rssUnderLoad = rss();
      results[c].api = await running;
    } else {
      results[c].api = wrk(PORTAL, apiFile, c, {}, seconds);
    }
    results[c].html = wrk(PORTAL, htmlFile, c, {}, seconds);
    results[c].pg = pgbench(c);
    for (const [k, v] of Object.entries(results[c])) {
      log(`${String(c).padStart(2)} clients  ${k.padEnd(5)} ${v.rps.toFixed(1).padStart(8)} req/s  p50 ${v.p50.toFixed(1)} ms  p95 ${v.p95.toFixed(1)} ms  p99 ${v.p99.toFixed(1)} ms${v.failed ? `  FAILED ${v.failed}` : ''}`);
    }
  }
  const r = results[32];
  figure('search p95 portal / Elasticsearch (32 clients)', r.api.p95 / r.es.p95, 'x', '≤ 1.3', r.api.p95 / r.es.p95 <= 1.3);
  figure('search throughput portal / Elasticsearch (32 clients)', r.api.rps / r.es.rps, 'x', '≥ 0.75', r.api.rps / r.es.rps >= 0.75);
  figure('/search HTML p95 / API p95 (32 clients)', r.html.p95 / r.api.p95, 'x', '≤ 1.2', r.html.p95 / r.api.p95 <= 1.2);
  figure('PostgreSQL ILIKE p95 / portal p95 (32 clients)', r.pg.p95 / r.api.p95, 'x', '≥ 20', r.pg.p95 / r.api.p95 >= 20);
  figure('portal search p95 (32 clients)', r.api.p95, 'ms', 'context', null);
  figure('portal search throughput (32 clients)', r.api.rps, 'req/s', 'context', null);
  figure('search requests failed (all runs)', CONCURRENCY.reduce((s, c) => s + results[c].api.failed + results[c].html.failed, 0), '', '0',
    CONCURRENCY.every((c) => results[c].api.failed + results[c].html.failed === 0));
  return results;
}

// ------------------------------------------------------------------ 3b: the plain reference request
// The issue-23 yardstick: a plain smartcn index of the same records (bench/bulk.mjs) and a plain request on it
// (multi_match title^3 summary^2 tags^2 body, minimum_should_match 60 %, terms facets on type, level,
// region and category, highlight on title and body, 10 hits, track_total_hits), beside the portal's own.
function referenceRequest(query) {
  const filters = Object.entries(query).filter(([k]) => k !== 'q').map(([k, v]) => ({ terms: { [k]: [v] } }));
  const must = query.q ? [{ multi_match: { query: query.q, fields: ['title^3', 'summary^2', 'tags^2', 'body'], minimum_should_match: '60%' } }]
    : [{ match_all: {} }];
  return {
    query: { bool: { must, filter: filters } }, size: 10, track_total_hits: true, _source: { excludes: ['body'] },
    aggs: Object.fromEntries(['type', 'level', 'region', 'category'].map((f) => [f, { terms: { field: f, size: 30 } }])),
    highlight: { fields: { title: { number_of_fragments: 0 }, body: { fragment_size: 120, number_of_fragments: 1 } } },
  };
}

async function storeBytes(index) {
  const r = await (await fetch(`${ES}/_cat/indices/${index}?format=json&bytes=b&h=index,store.size`)).json();
  return r.reduce((sum, x) => sum + Number(x['store.size']), 0);
}

async function forceMerge(index) {
  await fetch(`${ES}/${index}/_forcemerge?max_num_segments=1`, { method: 'POST' });
}

/** Median `took` of each request (5 runs after one warm-up), summed over the mix. */
async function summedTook(index, bodies) {
  let sum = 0;
  for (const body of bodies) {
    const took = [];
    for (let i = 0; i < 6; i++) {
      const r = await (await fetch(`${ES}/${index}/_search?request_cache=false`, { method: 'POST',
        headers: { 'Content-Type': 'application/json' }, body })).json();
      if (i > 0) took.push(r.took);
    }
    took.sort((a, b) => a - b);
    sum += took[2];
  }
  return sum;
}

async function referenceBenchmarks(search) {
  console.log('==> plain reference: a plain smartcn index of the same records, the plain request');
  const plain = env.PLAIN_INDEX; // bulked by bench/bulk.mjs right after the import
  await forceMerge(plain);
  const refFile = writeRequests('reference', QUERIES.map((q) => `POST\t/${plain}/_search\t${JSON.stringify(referenceRequest(q))}`));
  const portalBodies = readFileSync(resolve(WORK, 'es.tsv'), 'utf8').trim().split('\n').map((l) => l.split('\t')[2]);
  const tookPortal = await summedTook(ALIAS, portalBodies);
  const tookRef = await summedTook(plain, QUERIES.map((q) => JSON.stringify(referenceRequest(q))));
  const ref = {};
  for (const c of CONCURRENCY) {
    ref[c] = wrk(ES, refFile, c, { CTYPE: 'application/json' }, c === 32 ? 2 * DURATION : DURATION);
    log(`${String(c).padStart(2)} clients  ref   ${ref[c].rps.toFixed(1).padStart(8)} req/s  p50 ${ref[c].p50.toFixed(1)} ms  p95 ${ref[c].p95.toFixed(1)} ms`);
    search[c].ref = ref[c];
  }
  const portalBytes = await storeBytes(ALIAS);
  const plainBytes = await storeBytes(plain);
  await fetch(`${ES}/${plain}`, { method: 'DELETE' });
  figure('Elasticsearch took, summed over the mix (median of 5 each): portal / reference', tookPortal / tookRef, 'x', '≤ 1.2', tookPortal / tookRef <= 1.2);
  figure('Elasticsearch took summed: portal request', tookPortal, 'ms', 'context', null);
  figure('Elasticsearch took summed: reference request', tookRef, 'ms', 'context', null);
  for (const c of CONCURRENCY) {
    figure(`throughput portal request / reference (${c} clients, Elasticsearch)`, search[c].es.rps / ref[c].rps, 'x',
      c === 32 ? '≥ 0.8' : 'context', c === 32 ? search[c].es.rps / ref[c].rps >= 0.8 : null);
    figure(`throughput portal API / reference (${c} clients; every request a search sends)`, search[c].api.rps / ref[c].rps, 'x', 'context', null);
  }
  figure('index size portal / plain', portalBytes / plainBytes, 'x', '≤ 1.3', portalBytes / plainBytes <= 1.3);
  figure('index size portal', portalBytes / 2 ** 20, 'MB', 'context', null);
  figure('index size plain', plainBytes / 2 ** 20, 'MB', 'context', null);
  return { tookPortal, tookRef, portalBytes, plainBytes };
}

// ------------------------------------------------------------------ 5: freshness
async function freshness(corpusFile, edits = 200) {
  console.log(`==> freshness: ${edits} edits through the staff API, each until it is searchable`);
  const lines = readFileSync(corpusFile, 'utf8').trim().split('\n').slice(0, edits);
  const latencies = [];
  let staff = await token('staff1');
  for (const [i, line] of lines.entries()) {
    if (i % 50 === 0) staff = await token('staff1');
    const record = JSON.parse(line);
    const word = `zzfresh${i}${Date.now().toString(36)}`.replace(/[0-9]/g, (d) => 'abcdefghij'[d]);
    record.title = `${record.title} ${word}`;
    const response = await fetch(`${PORTAL}/api/staff/content/${record.id}`, {
      method: 'PUT', headers: { Authorization: `Bearer ${staff}`, 'Content-Type': 'application/json' }, body: JSON.stringify(record),
    });
    if (!response.ok) throw new Error(`edit ${record.id}: ${response.status} ${await response.text()}`);
    const committed = performance.now();
    for (;;) {
      const r = await (await fetch(`${PORTAL}/api/search?size=1&q=${word}`)).json();
      if (r.total > 0) break;
      if (performance.now() - committed > 30000) throw new Error(`edit ${record.id} not searchable within 30 s`);
      await sleep(20);
    }
    latencies.push(performance.now() - committed);
  }
  latencies.sort((a, b) => a - b);
  return { p50: percentile(latencies, 50), p95: percentile(latencies, 95), max: latencies.at(-1) };
}

// ------------------------------------------------------------------ 6: need submission
const psql = (sql) => psqlIn(DB, sql);

async function needSubmission() {
  console.log('==> need submission at 32 clients');
  const bearer = `Bearer ${await token('enterprise1')}`;
  const { token: csrf, cookie } = await ensureProfile(PORTAL, bearer, '广元市基准测试企业');
  const boundary = 'benchBoundary7MA4YWxk';
  const part = (name, value) => `--${boundary}\\n` + `Content-Disposition: form-data; name="${name}"\\n\\n${value}\\n`;
  const body = part('csrf-token', csrf) + part('category', 'TECH') + part('title', '基准测试需求：生产线数字化改造')
    + part('description', '我公司希望对接高校专家，提供生产线数字化改造方案。') + part('consent', 'on') + `--${boundary}--\\n`;
  const file = writeRequests('needs', [`POST\t/my/needs\t${body}`]);
  const headers = { AUTH: bearer, COOKIE: cookie, CTYPE: `multipart/form-data; boundary=${boundary}` };
  // A first run warms the just-in-time compiler on this path, as the search runs at 1 and 8 clients do for
  // search (the first 5 s ran at a third of the steady rate).
  const warm = wrk(PORTAL, file, 32, headers, 20);
  log(`warm-up: ${warm.rps.toFixed(1)} needs/s  p95 ${warm.p95.toFixed(1)} ms`);
  const before = Number(psql('select count(*) from need'));
  const result = wrk(PORTAL, file, 32, headers);
  const after = Number(psql('select count(*) from need'));
  log(`${result.rps.toFixed(1)} needs/s  p50 ${result.p50.toFixed(1)} ms  p95 ${result.p95.toFixed(1)} ms  accepted ${result.ok}  failed ${result.failed}  stored ${after - before}`);
  return { ...result, stored: after - before };
}

// ------------------------------------------------------------------ run
const scale = Number(env.SCALE);
const importSeconds = Number(env.IMPORT_SECONDS);
const corpus = env.CORPUS;
const corpusMode = env.CORPUS_MODE ?? 'repeated';
const starts = env.START_MS.split(' ').map(Number); // in order
const startMs = [...starts].sort((a, b) => a - b)[Math.floor(starts.length / 2)];
const rssRest = rss();

const search = await searchBenchmarks();
const reference = await referenceBenchmarks(search);
// Raw bulks of the same records (bench/bulk.mjs) right before and right after the import: the import is
// compared with their mean, so that a drift of the machine during the import counts on both sides.
const [plainBefore, plainAfter] = env.RAW_PLAIN.split(' ').map(Number);
const [rawBefore, rawAfter] = env.RAW_PORTAL.split(' ').map(Number);
const plainRate = (plainBefore + plainAfter) / 2;
const rawRate = (rawBefore + rawAfter) / 2;
const importRate = scale / importSeconds;
figure("import end to end (JSONL → searchable) / raw bulk, the portal's mapping", importRate / rawRate, 'x', '≥ 0.5', importRate / rawRate >= 0.5);
figure('import end to end / raw bulk into the plain index', importRate / plainRate, 'x', '≥ 0.6', importRate / plainRate >= 0.6);
figure('import end to end', importRate, 'records/s', 'context', null);
figure('raw bulk into the plain index, before / after the import', `${plainBefore.toFixed(0)} / ${plainAfter.toFixed(0)}`, 'docs/s', 'context', null);
figure("raw bulk, the portal's mapping, before / after the import", `${rawBefore.toFixed(0)} / ${rawAfter.toFixed(0)}`, 'docs/s', 'context', null);
const fresh = await freshness(corpus);
figure('freshness p95 (commit → searchable)', fresh.p95 / 1000, 's', '≤ 2', fresh.p95 <= 2000);
figure('freshness p50', fresh.p50 / 1000, 's', 'context', null);
const needs = await needSubmission();
figure('need submission throughput (32 clients)', needs.rps, 'needs/s', '≥ 200', needs.rps >= 200);
figure('need submission p95 (32 clients)', needs.p95, 'ms', '≤ 100', needs.p95 <= 100);
// wrk stops counting at the deadline while the last requests still complete: stored ≥ accepted.
figure('needs lost (accepted but not stored)', Math.max(0, needs.ok - needs.stored), '', '0', needs.stored >= needs.ok && needs.failed === 0);
figure(`app start to ready (median of ${starts.length})`, startMs / 1000, 's', '≤ 3', startMs <= 3000);
figure('app start to ready, each start', starts.map((ms) => (ms / 1000).toFixed(2)).join(', '), 's', 'context', null);
figure('app resident memory at rest', rssRest, 'MB', 'context', null);
figure('app resident memory under search load', search.rssUnderLoad, 'MB', '≤ 350', search.rssUnderLoad <= 350);

const machine = `${cpus().length} × ${cpus()[0].model.trim()}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB RAM`;
console.log(`\n==> results at ${scale} records (${corpusMode} corpus), ${DURATION} s per run, ${machine}`);
const rows = figures.map((f) => [f.name, typeof f.value === 'number' ? (Math.abs(f.value) < 10 ? f.value.toFixed(2) : f.value.toFixed(0)) : String(f.value),
  f.unit, f.target, f.pass === null ? '' : f.pass ? 'pass' : 'FAIL']);
const widths = [0, 1, 2, 3, 4].map((i) => Math.max(...rows.map((r) => [...r[i]].length), 6));
for (const r of rows) console.log(r.map((c, i) => c.padEnd(widths[i])).join('  '));
const detail = Object.fromEntries(CONCURRENCY.map((c) => [c, search[c]]));
writeFileSync(resolve(OUT, 'results.json'), JSON.stringify({ scale, corpusMode, machine, date: new Date().toISOString(), figures, search: detail,
  freshness: fresh, needs, importSeconds, rawBulkDocsPerSecond: { portalMapping: [rawBefore, rawAfter], plain: [plainBefore, plainAfter] }, reference }, null, 2));
const md = [
  '# Benchmarks', '', `Latest run of \`./portal bench --scale ${scale} --corpus ${corpusMode}\` (${new Date().toISOString().slice(0, 10)}), on ${machine}.`,
  `Each load run lasts ${DURATION} s (portal and Elasticsearch at 32 clients: ${2 * DURATION} s); wrk on loopback; the same query mix (${QUERIES.length} queries: short, long, with and without filters)`,
  'for the portal, for Elasticsearch directly (the exact request the portal sends, from `/api/staff/search-request`) and',
  'for a naive PostgreSQL `ILIKE` search (pgbench), and (`ref`) a plain reference request on a plain smartcn index of the same',
  'records (multi_match title^3 summary^2 tags^2 body, minimum_should_match 60 %, four terms facets, highlight on title and body).',
  'Figures are ratios measured side by side in one run.', '',
  '| figure | value | unit | target | |', '|---|---|---|---|---|', ...rows.map((r) => `| ${r.join(' | ')} |`), '',
  '## Search latency by concurrency (ms)', '', '| clients | target | req/s | p50 | p95 | p99 |', '|---|---|---|---|---|---|',
  ...CONCURRENCY.flatMap((c) => Object.entries(search[c]).map(([k, v]) => `| ${c} | ${k} | ${v.rps.toFixed(1)} | ${v.p50.toFixed(1)} | ${v.p95.toFixed(1)} | ${v.p99.toFixed(1)} |`)),
  '', 'Raw figures: `target/bench/results.json`.', ''];
// The run's table; docs/BENCHMARKS.md keeps the figures of each stop with how they were read.
writeFileSync(resolve(OUT, 'latest.md'), md.join('\n'));
