import satori from 'satori';
import { fontsFor } from '../src/build/card';
const title = process.argv[2] as string;
const { fonts, family } = fontsFor(title.replaceAll('\u2060', ''), 700, 'zh');
const svg = await satori({ type: 'div', props: { style: { display: 'block', width: 1056, fontFamily: family, fontSize: 72, fontWeight: 700, lineHeight: 1.25 }, children: title } } as never, { width: 1200, height: 630, fonts, embedFont: false });
const lines = new Map<number, string>();
for (const m of svg.matchAll(/<text[^>]*y="([\d.]+)"[^>]*>([^<]*)<\/text>/g)) lines.set(Number(m[1]), (lines.get(Number(m[1])) ?? '') + m[2]);
console.log([...lines.values()].map((l) => l.replaceAll('\u2060', '')).join('\n'));
