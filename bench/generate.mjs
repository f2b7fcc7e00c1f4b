// Deterministic corpus generator for the benchmark: records in the import format (data/README.md),
// built from the sample corpus's vocabulary, with realistic lengths and skewed facet values.
//   node bench/generate.mjs SCALE SAMPLE.jsonl [repeated|varied] > corpus.jsonl
// repeated (the default): bodies are whole sentences of the sample, so a query's words recur in a large
// share of the records. varied: bodies are clauses of the sample recombined, with words of a technology
// field and of a policy topic per record, so each word occurs in far fewer records (closer to a real
// portal, where most records are about something else).
import { readFileSync } from 'node:fs';

const scale = Number(process.argv[2] ?? 100000);
const sample = readFileSync(process.argv[3] ?? 'data/corpus-sample.jsonl', 'utf8').trim().split('\n').map((l) => JSON.parse(l));
const mode = process.argv[4] ?? 'repeated';
if (!['repeated', 'varied'].includes(mode)) throw new Error(`unknown corpus mode ${mode} (repeated or varied)`);

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

// The varied mode's words: clauses of the sample, and word lists of technology fields and policy topics.
const clauses = uniq(sample.flatMap((r) => r.body.split(/[，。；;：:！？、\n]/).map((s) => s.trim())).filter((s) => s.length >= 4));
const fields = {
  新材料: ['碳纤维', '复合材料', '高分子', '纳米涂层', '稀土永磁', '特种合金', '陶瓷基', '石墨烯', '改性塑料', '光学薄膜'],
  生物医药: ['单克隆抗体', '中药饮片', '疫苗', '医疗器械', '原料药', '基因检测', '制剂工艺', '体外诊断', '细胞培养', '药物筛选'],
  电子信息: ['集成电路', '传感器', '嵌入式', '工业软件', '光通信', '射频芯片', '显示面板', '物联网', '数据中心', '边缘计算'],
  装备制造: ['数控机床', '减速器', '液压系统', '工业机器人', '智能产线', '焊接工艺', '轴承', '无损检测', '精密铸造', '伺服电机'],
  现代农业: ['良种繁育', '水肥一体化', '病虫害防治', '冷链物流', '食用菌', '茶叶加工', '生猪养殖', '农机装备', '土壤改良', '有机肥'],
  能源环保: ['光伏组件', '储能电池', '氢能', '余热回收', '污水处理', '固废利用', '天然气', '节能改造', '碳排放', '清洁生产'],
  食品饮料: ['白酒酿造', '发酵工艺', '食品安全', '保鲜技术', '调味品', '饮料配方', '包装材料', '营养强化', '果蔬加工', '检测方法'],
  数字经济: ['大数据', '人工智能', '区块链', '云计算', '算力', '数字孪生', '智慧城市', '网络安全', '工业互联网', '算法模型'],
};
const topics = ['研发费用', '高新技术企业', '科技型中小企业', '孵化器', '众创空间', '知识产权', '技术合同', '科技成果转化', '创新券',
  '科创贷', '贴息', '风险补偿', '人才引进', '科技特派员', '重点实验室', '工程技术研究中心', '新型研发机构', '首台套', '揭榜挂帅',
  '产学研合作', '检验检测', '中试熟化', '专利导航', '技术经纪人', '科普基地', '研发投入', '税收优惠', '股权激励', '成果登记', '项目申报'];
const fieldNames = Object.keys(fields);
const verbs = ['围绕', '开展', '推进', '突破', '研制', '优化', '攻关', '引进', '转化', '验证', '集成', '升级'];
const nouns = ['关键技术', '工艺流程', '性能指标', '生产线', '示范应用', '质量标准', '成本控制', '产能', '检测平台',
  '核心部件', '试验数据', '产业化', '标准体系', '配套服务', '应用场景', '技术路线'];
const results = ['取得阶段性进展', '达到国内先进水平', '降低能耗两成', '形成发明专利', '通过第三方检测', '实现批量生产',
  '完成中试验证', '提升良品率', '填补省内空白', '带动上下游企业', '纳入地方标准', '获得市场订单'];

function body(field, topic) {
  const target = 300 + Math.floor(random() * 1700);
  let text = '';
  if (mode === 'repeated') {
    while (text.length < target) text += pick(sentences);
  } else {
    // Mostly sentences of the record's field; now and then its topic, another topic or a clause of the sample.
    const words = fields[field];
    while (text.length < target) {
      const parts = [`${pick(verbs)}${pick(words)}${pick(nouns)}`, `${pick(words)}${pick(nouns)}${pick(results)}`];
      if (random() < 0.3) parts.push(`${topic}${pick(nouns)}${pick(results)}`);
      if (random() < 0.1) parts.push(`${pick(topics)}${pick(nouns)}`);
      if (random() < 0.15) parts.push(pick(clauses));
      text += `${parts.join('，')}。`;
    }
  }
  return text.slice(0, 2000);
}

for (let i = 1; i <= scale; i++) {
  const type = typeOf();
  const region = skewed(regions);
  const level = region === '全国' ? 'national' : region.endsWith('省') ? 'provincial' : 'municipal';
  // (the repeated mode draws no more random numbers than before: its corpus stays the same)
  const field = mode === 'varied' ? skewed(fieldNames) : null;
  const subject = mode === 'varied' ? skewed(topics) : null;
  const topic = mode === 'repeated' ? `${pick(titleParts)}${random() < 0.5 ? pick(titleParts) : ''}`
    : `${pick(fields[field])}${subject}${random() < 0.3 ? pick(titleParts) : ''}`;
  const suffix = { policy: pick(['管理办法', '实施细则', '若干措施', '的通知', '申报指南', '政策解读']), achievement: '技术及应用',
    finance: pick(['贷款产品', '融资服务', '补助']), demand: '技术需求', talent: pick(['专家服务团', '科技特派员', '人才计划']) }[type];
  const publish = date(10);
  const record = {
    id: `${type.slice(0, 3)}-bench-${i}`, type, title: `${region}${topic}${suffix}`,
    summary: (mode === 'repeated' ? pick(sentences) : `${pick(clauses)}，${pick(fields[field])}${pick(clauses)}。`).slice(0, 200),
    body: body(field, subject),
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
