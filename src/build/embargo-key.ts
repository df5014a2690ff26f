/**
 * The key that names pictures and social cards (content/embargo.key): a file's name is a keyed hash (HMAC-SHA-256) of
 * what it shows, so nobody without the repository can work out, from a photo they hold or a headline they guess, the
 * URL of a scheduled article's picture or card and fetch it before its time. Written once, committed, never changed:
 * a new key renames every picture and card.
 */
import { createHmac, randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const EMBARGO_KEY_FILE = 'embargo.key';

const HEADER = [
  '# Names the pictures and social cards (docs/authoring.md › 3. Schedule it): without this key nobody can work out',
  "# the address of a scheduled article's picture or card. Commit it and never change it (every picture's and card's",
  '# address would change). Keep the repository private if embargoes matter.',
].join('\n');

/** The key of `contentDir`, made (and written, to be committed) when there is none yet. */
export function embargoKey(contentDir: string): Buffer {
  const file = join(contentDir, EMBARGO_KEY_FILE);
  if (existsSync(file)) {
    const hex = /^[0-9a-f]{64}$/m.exec(readFileSync(file, 'utf8'))?.[0];
    if (!hex) throw new Error(`${file}: expected 64 hexadecimal digits on a line of their own (restore it from git)`);
    return Buffer.from(hex, 'hex');
  }
  const key = randomBytes(32);
  writeFileSync(file, `${HEADER}\n${key.toString('hex')}\n`);
  console.warn(`! ${file} written: it names pictures and cards; commit it`);
  return key;
}

/** The first `length` hex digits of the keyed hash of `parts`. */
export function keyedHash(key: Buffer, length: number, ...parts: (string | Uint8Array)[]): string {
  const hmac = createHmac('sha256', key);
  for (const part of parts) hmac.update(part);
  return hmac.digest('hex').slice(0, length);
}
