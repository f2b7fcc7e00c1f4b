// Deterministic corpus generator for the benchmark: records in the import format (data/README.md),
// built from the sample corpus's vocabulary, with realistic lengths and skewed facet values.
//   node bench/generate.mjs SCALE SAMPLE.jsonl > corpus.jsonl
import { readFileSync } from 'node:fs';

const scale = Number(process.argv[2] ?? 100000);
const sample = readFileSync(process.argv[3] ?? 'data/corpus-sample.jsonl', 'utf8').trim().split('\n').map((l) => JSON.parse(l));

// mulberry32: a small seeded PRNG, so every run generates the same corpus
let seed = 20261126;
function random() {
  seed |= 0; seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
const pick = (list) => list[Math.floor(random() * list.length)];
/** Zipf-like skew: early entries much more frequent. */
const skewed = (list) => list[Math.min(list.length - 1, Math.floor(list.length * random() ** 2.5))];
const uniq = (list) => [...new Set(list.filter(Boolean))];

const sentences = uniq(sample.flatMap((r) => r.body.split(/(?<=[。；;！？\n])/).map((s) => s.trim())).filter((s) => s.length >= 8));
const titles = sample.map((r) => r.title);
const titleParts = uniq(titles.flatMap((t) => t.split(/[《》（）()“”—\s]+/)).filter((p) => p.length >= 4));
const tags = uniq(sample.flatMap((r) => r.tags));
const regions = ['广元市', '四川省', '全国', '成都市', '绵阳市', '利州区', '昭化区', '朝天区', '旺苍县', '青川县', '剑阁县', '苍溪县',
  '德阳市', '南充市', '巴中市', '达州市', '泸州市', '内江市', '重庆市', '陕西省'];
const byType = (type) => sample.filter((r) => r.type === type);
const values = (type, field) => uniq(byType(type).map((r) => r[field]));
const types = [['policy', 0.45], ['achievement', 0.2], ['finance', 0.12], ['demand', 0.13], ['talent', 0.1]];

function typeOf() {
  let x = random();
  for (const [t, p] of types) {
    if ((x -= p) < 0) return t;
  }
  return 'policy';
}

function date(yearsBack) {
  const d = new Date(Date.UTC(2026, 10, 26) - Math.floor(random() * yearsBack * 365.25) * 86400000);
  return d.toISOString().slice(0, 10);
}

function body() {
  const target = 300 + Math.floor(random() * 1700);
  let text = '';
  while (text.length < target) text += pick(sentences);
  return text.slice(0, 2000);
}

for (let i = 1; i <= scale; i++) {
  const type = typeOf();
  const region = skewed(regions);
  const level = region === '全国' ? 'national' : region.endsWith('省') ? 'provincial' : 'municipal';
  const topic = `${pick(titleParts)}${random() < 0.5 ? pick(titleParts) : ''}`;
  const suffix = { policy: pick(['管理办法', '实施细则', '若干措施', '的通知', '申报指南', '政策解读']), achievement: '技术及应用',
    finance: pick(['贷款产品', '融资服务', '补助']), demand: '技术需求', talent: pick(['专家服务团', '科技特派员', '人才计划']) }[type];
  const publish = date(10);
  const record = {
    id: `${type.slice(0, 3)}-bench-${i}`, type, title: `${region}${topic}${suffix}`,
    summary: pick(sentences).slice(0, 200), body: body(),
    tags: uniq([skewed(tags), pick(tags), pick(tags)]), level, region, publish_date: publish,
    source: `https://example.gov.cn/bench/${i}.html`, source_extra: [], source_note: '基准测试生成数据',
  };
  if (type === 'policy') {
    Object.assign(record, { doc_number: `广科发〔${publish.slice(0, 4)}〕${i % 200}号`, issuer: skewed(values('policy', 'issuer')),
      category: skewed(values('policy', 'category')), effective_date: publish,
      expiry_date: random() < 0.3 ? date(-3) : '' });
  } else if (type === 'finance') {
    Object.assign(record, { product_type: pick(values('finance', 'product_type')), provider: skewed(values('finance', 'provider')),
      eligibility: pick(sentences), terms: pick(sentences) });
  } else if (type === 'talent') {
    Object.assign(record, { program_type: pick(values('talent', 'program_type')), organizer: skewed(values('talent', 'organizer')), scale: '' });
  } else if (type === 'achievement') {
    Object.assign(record, { holder: skewed(values('achievement', 'holder')), field: skewed(values('achievement', 'field')),
      maturity: pick(['实验室阶段', '中试阶段', '产业化阶段']), transfer_mode: pick(['技术转让', '技术许可', '合作开发']), award: '' });
  } else {
    Object.assign(record, { demander: `广元某${pick(['新材料', '食品', '电子', '机械'])}企业`, field: skewed(values('achievement', 'field')),
      budget: `${10 + Math.floor(random() * 490)}万元`, mode: pick(['合作开发', '技术转让', '委托开发']) });
  }
  process.stdout.write(`${JSON.stringify(record)}\n`);
}
