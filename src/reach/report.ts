/** The reach report: plain text for the terminal, and one self-contained HTML page with SVG charts. */
import { escapeXml } from '../feeds/xml';
import { DEFAULT_LANG, LANGUAGE, LANGUAGES, languageFontCss } from '../languages';
import type { Language } from '../languages/types';
import { type Claim, VERIFIED_HOURS, verifyClaims } from './claims';
import type { ReachData } from './sql';

const fmt = (n: number) => Math.round(n).toLocaleString('en-US');

/** Subscriber estimate per feed: the sum of the verified claims of aggregators (src/reach/claims.ts). */
export const subscribersPerFeed = (data: ReachData) => perFeed(verifyClaims(data.claims).verified);

/** The figures per feed, and the first 20 claims not counted, from one verification of the claims. */
function subscriberFigures(data: ReachData): { subscribers: ReturnType<typeof perFeed>; unverified: Claim[] } {
  const { verified, unverified } = verifyClaims(data.claims);
  return { subscribers: perFeed(verified), unverified: unverified.slice(0, 20) };
}

function perFeed(verified: readonly Claim[]): { feed: string; total: number; by: string }[] {
  const feeds = new Map<string, { total: number; by: string[] }>();
  for (const row of verified) {
    const entry = feeds.get(row.feed) ?? { total: 0, by: [] };
    entry.total += row.subscribers;
    entry.by.push(`${row.aggregator} ${fmt(row.subscribers)}`);
    feeds.set(row.feed, entry);
  }
  return [...feeds].map(([feed, e]) => ({ feed, total: e.total, by: e.by.join(', ') })).sort((a, b) => b.total - a.total);
}

/** One unverified claim, in words. */
const unverifiedLine = (c: Claim) =>
  `${fmt(c.subscribers).padStart(7)}  ${c.feed}  ${c.aggregator}, from ${c.network ? `AS${c.network}${c.networkName ? ` ${c.networkName}` : ''}` : 'no known network'}, ${c.hours} h`;

/** The terminal report. */
export function textReport(data: ReachData, days: number): string {
  const lines = [`Reach over the last ${days} days (counts from Workers Analytics Engine, sampled and re-weighted)`, ''];
  lines.push(`Subscribers per feed (aggregators' claims from their fetcher's network, ${VERIFIED_HOURS}+ hours of the last 48):`);
  const { subscribers, unverified } = subscriberFigures(data);
  for (const f of subscribers) lines.push(`  ${fmt(f.total).padStart(7)}  ${f.feed}  (${f.by})`);
  if (subscribers.length === 0) lines.push('  (no aggregator has reported a count yet)');
  if (unverified.length > 0) {
    lines.push('', 'Claims not verified (not summed: another network, too few hours, or not through Cloudflare):');
    for (const c of unverified) lines.push(`  ${unverifiedLine(c)}`);
  }
  lines.push('', 'Feed polls by client:');
  for (const f of data.families) lines.push(`  ${fmt(f.requests).padStart(7)}  ${f.family}`);
  lines.push('', 'Partner sites (embed and JSON feed requests):');
  for (const p of data.partners) lines.push(`  ${fmt(p.requests).padStart(7)}  ${p.partner}`);
  if (data.partners.length === 0) lines.push('  (none yet)');
  lines.push('', 'Feeds: requests, and the share answered 304 (readers polling politely):');
  for (const f of data.feeds) {
    lines.push(
      `  ${fmt(f.requests).padStart(7)}  ${((f.not_modified / Math.max(f.requests, 1)) * 100).toFixed(0).padStart(3)}% 304  ${f.feed}`,
    );
  }
  lines.push('', 'Top articles (page views):');
  for (const a of data.articles) lines.push(`  ${fmt(a.views).padStart(7)}  ${a.page}`);
  return lines.join('\n');
}

/** A horizontal bar chart as inline SVG. */
function bars(rows: { label: string; value: number }[], width = 640): string {
  const max = Math.max(1, ...rows.map((r) => r.value));
  const h = 26;
  const items = rows
    .map(
      (r, i) =>
        `<g transform="translate(0 ${i * h})"><text x="0" y="17">${escapeXml(r.label)}</text><rect x="260" y="4" height="16" width="${((width - 340) * r.value) / max}" rx="3"/><text x="${268 + ((width - 340) * r.value) / max}" y="17">${fmt(r.value)}</text></g>`,
    )
    .join('');
  return `<svg role="img" viewBox="0 0 ${width} ${Math.max(h, rows.length * h)}" width="100%">${items}</svg>`;
}

/** Requests per day, one line per language, as inline SVG. */
function daysChart(data: ReachData, width = 640, height = 200): string {
  const days = [...new Set(data.days.map((d) => d.day))].sort();
  const langs = [...new Set(data.days.map((d) => d.lang))].sort();
  const max = Math.max(1, ...data.days.map((d) => d.requests));
  const x = (i: number) => 40 + (i * (width - 60)) / Math.max(1, days.length - 1);
  const y = (v: number) => height - 25 - (v * (height - 45)) / max;
  const lines = langs
    .map((lang, k) => {
      const points = days.map(
        (day, i) => `${x(i).toFixed(1)},${y(data.days.find((d) => d.day === day && d.lang === lang)?.requests ?? 0).toFixed(1)}`,
      );
      return `<polyline class="l${k}" fill="none" stroke-width="2" points="${points.join(' ')}"/><text class="t${k}" x="${width - 10}" y="${15 + k * 16}" text-anchor="end">${escapeXml(lang || '—')}</text>`;
    })
    .join('');
  const axis = days.length
    ? `<text x="40" y="${height - 5}">${escapeXml(days[0]?.slice(0, 10) ?? '')}</text><text x="${width - 20}" y="${height - 5}" text-anchor="end">${escapeXml(days.at(-1)?.slice(0, 10) ?? '')}</text>`
    : '';
  return `<svg role="img" viewBox="0 0 ${width} ${height}" width="100%"><line x1="40" y1="${height - 25}" x2="${width - 20}" y2="${height - 25}" stroke="#999"/>${lines}${axis}</svg>`;
}

/** One text of the report in every language, the default first, the others marked with their language. */
function inEveryLanguage(key: keyof Language['report'], days = 0): string {
  const text = (l: Language) => escapeXml(l.report[key].replace('{days}', String(days)));
  const first = LANGUAGE[DEFAULT_LANG];
  return [text(first), ...LANGUAGES.filter((l) => l !== first).map((l) => `<span lang="${l.tag}">${text(l)}</span>`)].join(' · ');
}

/** The HTML report: one file, no external requests, every heading in every language. */
export function htmlReport(data: ReachData, days: number, generated: string): string {
  const section = (key: keyof Language['report'], body: string) => `<section><h2>${inEveryLanguage(key)}</h2>${body}</section>`;
  const empty = (key: 'noCounts' | 'none') => `<p>${inEveryLanguage(key)}</p>`;
  const { subscribers: subs, unverified } = subscriberFigures(data);
  const plainTitle = LANGUAGES.map((l) => l.report.title).join(' · ');
  return `<!DOCTYPE html><html lang="${LANGUAGE[DEFAULT_LANG].tag}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeXml(plainTitle)}</title>
<style>
body{font:15px/1.5 system-ui,sans-serif;max-width:52rem;margin:2rem auto;padding:0 1rem;color:#1d1d1f}
${languageFontCss()}
h1{font-size:1.5rem}h2{font-size:1.1rem;margin-top:2rem;border-bottom:1px solid #ddd}
svg text{font-size:12px;fill:#333}svg rect{fill:#004c97}.l0{stroke:#004c97}.l1{stroke:#c0392b}.l2{stroke:#27ae60}.t0{fill:#004c97}.t1{fill:#c0392b}.t2{fill:#27ae60}
.meta{color:#666}
</style></head><body>
<h1>${inEveryLanguage('heading')}</h1>
<p class="meta">${inEveryLanguage('window', days)} · ${escapeXml(generated)} · ${inEveryLanguage('private')}</p>
${section('subscribers', subs.length ? bars(subs.map((s) => ({ label: s.feed, value: s.total }))) : empty('noCounts'))}
${unverified.length ? section('unverified', `<ul>${unverified.map((c) => `<li>${escapeXml(unverifiedLine(c).trim())}</li>`).join('')}</ul>`) : ''}
${section('clients', bars(data.families.map((f) => ({ label: f.family, value: f.requests }))))}
${section('partners', data.partners.length ? bars(data.partners.map((p) => ({ label: p.partner, value: p.requests }))) : empty('none'))}
${section('perDay', daysChart(data))}
${section('share304', bars(data.feeds.map((f) => ({ label: f.feed, value: Math.round((f.not_modified / Math.max(f.requests, 1)) * 100) }))))}
${section('articles', bars(data.articles.map((a) => ({ label: a.page, value: a.views }))))}
</body></html>
`;
}
