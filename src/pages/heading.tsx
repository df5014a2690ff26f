/**
 * A headline that breaks across lines where a reader expects: between Chinese words (the stylesheet's
 * `word-break: keep-all` forbids every other break between Chinese characters; <wbr> allows these), never inside
 * 哈工大 or a quoted name, as the social cards break (./line-breaks.ts). Text without Chinese is left as it is.
 */
import { headingPieces } from './line-breaks';

export function Breakable({ text }: { text: string }) {
  const pieces = headingPieces(text);
  if (pieces.length === 1) return <>{text}</>;
  return <>{pieces.map((piece, i) => (i === 0 ? piece : [<wbr />, piece]))}</>;
}
