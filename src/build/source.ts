/** Content files as the build reads them: bytes in, text out, with what editors do to files undone. */

/** A content file, its path relative to the content directory; `bytes` when read from disk. */
export interface SourceFile {
  path: string;
  text?: string;
  bytes?: Uint8Array;
}

/** One thing wrong with the content, located as precisely as possible. */
export interface Problem {
  file: string;
  line?: number;
  field?: string;
  message: string;
}

/** "file:line  field: message", the form every problem is printed in. */
export function formatProblem(p: Problem): string {
  const where = p.line === undefined ? p.file : `${p.file}:${p.line}`;
  return p.field === undefined ? `${where}  ${p.message}` : `${where}  ${p.field}: ${p.message}`;
}

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/**
 * The file's text with a UTF-8 byte-order mark dropped and CRLF/CR line ends made LF (Windows
 * editors write both), or a message saying why the bytes are not UTF-8 text.
 */
export function decodeSource(source: SourceFile): { text: string } | { error: string; line?: number } {
  const bytes = source.bytes;
  let text = source.text;
  if (bytes) {
    if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
      return { error: 'is saved as UTF-16; save it as UTF-8 (in the editor: Save As → Encoding → UTF-8)' };
    }
    try {
      text = utf8.decode(bytes);
    } catch {
      return notUtf8(bytes);
    }
  }
  return { text: (text ?? '').replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n') };
}

/** Offset of the first byte that is not part of a well-formed UTF-8 sequence. */
function firstInvalidByte(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i] ?? 0;
    const n = b < 0x80 ? 0 : b >= 0xc2 && b <= 0xdf ? 1 : b >= 0xe0 && b <= 0xef ? 2 : b >= 0xf0 && b <= 0xf4 ? 3 : -1;
    if (n < 0) return i;
    for (let k = 1; k <= n; k++) if (((bytes[i + k] ?? 0) & 0xc0) !== 0x80) return i;
    i += n + 1;
  }
  return i;
}

function notUtf8(bytes: Uint8Array): { error: string; line: number } {
  const at = firstInvalidByte(bytes);
  const line = bytes.subarray(0, at).filter((b) => b === 0x0a).length + 1;
  const hex = (bytes[at] ?? 0).toString(16).toUpperCase().padStart(2, '0');
  let guess = '';
  try {
    const gbk = new TextDecoder('gb18030', { fatal: true, ignoreBOM: false }).decode(bytes);
    if (/[\u4e00-\u9fff]/.test(gbk)) guess = ' It looks like GBK/GB2312, the old Chinese Windows encoding.';
  } catch {
    // not GBK either
  }
  return {
    line,
    error: `is not UTF-8 text (byte 0x${hex} on this line).${guess} Save the file as UTF-8 (in the editor: Save As → Encoding → UTF-8); nothing was built from it`,
  };
}
