/**
 * SYNTHETIC benchmark content: N bilingual articles generated from a fixed seed, written to a
 * directory outside content/. Every title says it is synthetic; none of it is real news.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { crc32, deflateSync } from 'node:zlib';
import { projectWorkspace } from '../workspace';

const EN_WORDS =
  'the college university students international programme exchange research open source community foundation cooperation talent education campus faculty partnership degree scholarship laboratory engineering science innovation project global visit delegation agreement ecosystem contribution'.split(
    ' ',
  );
const ZH_CHARS = '国际教育学院留学哈工大开源社区基金会合作人才培养交流项目学生大学创新科研工程实验室全球访问协议生态贡献校园学者奖学金课程';
const TAGS = ['study-at-hit', 'open-source', 'partnership'];

/** Deterministic PRNG (mulberry32), so every run benchmarks the same bytes. */
function random(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A plain PNG of one colour (a SYNTHETIC picture), written without an image library so this stays synchronous. */
function syntheticPng(width: number, height: number, rgb: [number, number, number]): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const out = Buffer.alloc(body.length + 8);
    out.writeUInt32BE(data.length, 0);
    body.copy(out, 4);
    out.writeUInt32BE(crc32(body), body.length + 4);
    return out;
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8-bit RGB
  const row = Buffer.concat([Buffer.from([0]), Buffer.from(Array.from({ length: width }, () => rgb).flat())]);
  const pixels = deflateSync(Buffer.concat(Array.from({ length: height }, () => row)));
  return Buffer.concat([
    Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]),
    chunk('IHDR', header),
    chunk('IDAT', pixels),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/**
 * Writes `count` SYNTHETIC bilingual articles into `dir`, dated every 1.5 days back from 2025-06-30 (always in the
 * past, whatever `count`). With `photos`, every tenth article has a lead picture and one in its body, saved beside it.
 */
export function writeSyntheticContent(dir: string, count: number, options: { photos?: boolean } = {}): void {
  const next = random(count);
  const pick = <T>(list: readonly T[]) => list[Math.floor(next() * list.length)] as T;
  const enSentence = () => {
    const words = Array.from({ length: 12 + Math.floor(next() * 14) }, () => pick(EN_WORDS));
    return `${words.join(' ').replace(/^./, (c) => c.toUpperCase())}.`;
  };
  const enWords = (n: number) => Array.from({ length: n }, () => pick(EN_WORDS)).join(' ');
  const zhChars = (n: number) => Array.from({ length: n }, () => pick([...ZH_CHARS])).join('');
  const zhSentence = () => `${Array.from({ length: 20 + Math.floor(next() * 30) }, () => pick([...ZH_CHARS])).join('')}。`;
  mkdirSync(join(dir, 'site'), { recursive: true });
  for (const lang of ['zh', 'en']) {
    const site = readFileSync(join('test/fixtures/content', 'site', `${lang}.yaml`), 'utf8').replace(
      /^title: (.*)$/m,
      'title: "[SYNTHETIC BENCHMARK] $1"',
    );
    writeFileSync(join(dir, 'site', `${lang}.yaml`), site);
  }
  for (let i = 1; i <= count; i++) {
    const day = new Date(Date.UTC(2025, 5, 30) - (count - i) * 86_400_000 * 1.5);
    const published = `${day.toISOString().slice(0, 10)}T09:30:00+08:00`;
    const tags = TAGS.filter(() => next() < 0.5);
    if (tags.length === 0) tags.push(pick(TAGS));
    const folder = join(dir, 'articles', published.slice(0, 4), `synthetic-${i}`);
    mkdirSync(folder, { recursive: true });
    const paragraphs = (sentence: () => string, per: number, glue: string) =>
      Array.from({ length: 4 }, () => Array.from({ length: per }, sentence).join(glue)).join('\n\n');
    // Headlines and summaries as long and as varied as real ones (they are what the bundled index holds).
    const enTitle = enWords(5 + Math.floor(next() * 6));
    const enSummary = enWords(22 + Math.floor(next() * 16));
    const zhTitle = zhChars(14 + Math.floor(next() * 14));
    const zhSummary = zhChars(45 + Math.floor(next() * 40));
    const photo = options.photos && i % 10 === 0;
    if (photo) {
      // Colours from the article's number: every picture's bytes differ, as real photos' do (none stored once for all).
      writeFileSync(join(folder, 'lead.png'), syntheticPng(640, 400, [30, i % 256, (i >> 8) % 256]));
      writeFileSync(join(folder, 'figure.png'), syntheticPng(320, 200, [200, (i >> 8) % 256, i % 256]));
    }
    // Like the college's own: every article links its original page, and many have a lead picture on the web (at
    // example.edu, a domain reserved for examples: SYNTHETIC).
    const web = `https://news.example.edu/synthetic/${i}`;
    const image = (alt: string) =>
      photo ? `image: { src: lead.png, alt: ${alt} }\n` : i % 3 === 0 ? `image: { src: ${web}.jpg, alt: ${alt} }\n` : '';
    const figure = (alt: string) => (photo ? `\n![${alt}](figure.png)\n` : '');
    writeFileSync(
      join(folder, 'zh.md'),
      `---\ntitle: "[合成数据] 第 ${i} 篇：${zhTitle}"\nsummary: "合成摘要，不是真实新闻：${zhSummary}"\npublished: ${published}\nauthor: 合成作者\ntags: [${tags.join(', ')}]\noriginal: ${web}\n${image('合成的蓝色图片')}---\n\n${paragraphs(zhSentence, 3, '')}\n${figure('合成的红色图片')}`,
    );
    writeFileSync(
      join(folder, 'en.md'),
      `---\ntitle: "[Synthetic] Article ${i}: ${enTitle}"\nsummary: "Synthetic, not real news: ${enSummary}"\npublished: ${published}\nauthor: Synthetic Author\ntags: [${tags.join(', ')}]\noriginal: ${web}\n${image('A synthetic blue picture')}---\n\n${paragraphs(enSentence, 4, ' ')}\n${figure('A synthetic red picture')}`,
    );
  }
}

/** A throwaway copy of the project whose content/ is synthetic. */
export function syntheticWorkspace(root: string, count: number): string {
  return projectWorkspace(join(root, `archive-${count}`), (content) => writeSyntheticContent(content, count));
}
