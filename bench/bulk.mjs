// The import's yardstick: a raw Elasticsearch bulk of a corpus's documents, the same fields the portal
// indexes, into a new index with the plain mapping (a plain smartcn index, issue 23) or the portal's own.
// `./portal bench` runs it right before and right after the portal's import, so that both meet
// Elasticsearch in the same state; the plain index made after the import stays for the reference searches.
//   node bench/bulk.mjs plain|portal CORPUS INDEX [--delete]    prints docs/s
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

const ES = process.env.ES_URL ?? 'http://127.0.0.1:9200';

const PLAIN_MAPPING = {
  settings: { number_of_shards: 1, number_of_replicas: 0 },
  mappings: {
    properties: {
      title: { type: 'text', analyzer: 'smartcn' }, summary: { type: 'text', analyzer: 'smartcn' },
      tags: { type: 'text', analyzer: 'smartcn' }, body: { type: 'text', analyzer: 'smartcn' },
      type: { type: 'keyword' }, level: { type: 'keyword' }, region: { type: 'keyword' }, category: { type: 'keyword' },
      owner: { type: 'keyword' }, year: { type: 'integer' }, validity: { type: 'keyword' }, publishDate: { type: 'date' },
      slug: { type: 'keyword' }, docNumber: { type: 'keyword' }, superseded: { type: 'boolean' },
      url: { type: 'keyword', index: false },
    },
  },
};

const PORTAL_MAPPING = resolve(import.meta.dirname, '../src/main/resources/search/content-index.json');

/** Bulks every record of the corpus into a new index (kept) and returns docs/s, its refresh included. */
async function rawBulk(corpusFile, mapping, index) {
  const definition = mapping === 'plain' ? JSON.stringify(PLAIN_MAPPING) : readFileSync(PORTAL_MAPPING, 'utf8');
  const created = await fetch(`${ES}/${index}`, { method: 'PUT', headers: { 'Content-Type': 'application/json' }, body: definition });
  if (!created.ok) throw new Error(`create ${index}: ${created.status} ${await created.text()}`);
  const lines = readFileSync(corpusFile, 'utf8').trim().split('\n');
  const start = performance.now();
  // Two bulk requests in flight: Elasticsearch indexes a bulk request on one thread per shard, so one
  // request at a time leaves the second core idle.
  let next = 0;
  const worker = async () => {
    while (next < lines.length) {
      const i = next;
      next += 1000;
      const body = lines.slice(i, i + 1000).map((l) => {
        const r = JSON.parse(l);
        const doc = { slug: r.id, type: r.type, title: r.title, summary: r.summary, body: r.body, tags: r.tags, level: r.level,
          region: r.region, publishDate: r.publish_date || null, year: r.publish_date ? Number(r.publish_date.slice(0, 4)) : null,
          owner: r.issuer || r.provider || r.organizer || r.holder || r.demander || null,
          category: r.category || r.product_type || r.program_type || r.field || null, docNumber: r.doc_number || null,
          validity: r.type === 'policy' ? 'VALID' : null, superseded: false, url: `/x/${r.id}` };
        return `{"index":{"_id":${JSON.stringify(r.id)}}}\n${JSON.stringify(doc)}\n`;
      }).join('');
      const response = await fetch(`${ES}/${index}/_bulk`, { method: 'POST', headers: { 'Content-Type': 'application/x-ndjson' }, body });
      const result = await response.json();
      if (result.errors) throw new Error(`raw bulk errors: ${JSON.stringify(result.items.find((x) => x.index.error))}`);
    }
  };
  await Promise.all([worker(), worker()]);
  await fetch(`${ES}/${index}/_refresh`, { method: 'POST' });
  return lines.length / ((performance.now() - start) / 1000);
}

if (process.argv[1] === import.meta.filename) {
  const [mapping, corpus, index, flag] = process.argv.slice(2);
  if (!['plain', 'portal'].includes(mapping) || !corpus || !index) {
    throw new Error('usage: node bench/bulk.mjs plain|portal CORPUS INDEX [--delete]');
  }
  const rate = await rawBulk(corpus, mapping, index);
  if (flag === '--delete') await fetch(`${ES}/${index}`, { method: 'DELETE' });
  console.log(rate.toFixed(1));
}
