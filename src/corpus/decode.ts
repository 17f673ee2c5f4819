/**
 * Reading a file as it was published: its encoding (UTF-8 with or without a byte-order mark,
 * UTF-16 either way round, GB18030/GBK, Big5).
 * Pure: bytes in, text or a typed refusal out.
 */

/** The encodings a copy may come in. */
export type SourceEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030' | 'big5';

/** A decoded file, or why it could not be read as text. */
export type Decoded =
  | { readonly ok: true; readonly text: string; readonly encoding: SourceEncoding; readonly bom: boolean }
  | { readonly ok: false; readonly reason: 'binary' | 'unknown-encoding' };

function tryDecode(bytes: Uint8Array, encoding: SourceEncoding, skip: number): string | null {
  try {
    return new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(bytes.subarray(skip));
  } catch {
    return null;
  }
}

/** Share of NUL bytes at even and odd offsets: UTF-16 text without a BOM has one per ASCII character. */
function nulShare(bytes: Uint8Array): { even: number; odd: number } {
  let even = 0;
  let odd = 0;
  const n = Math.min(bytes.length, 1 << 16);
  for (let i = 0; i < n; i++) {
    if (bytes[i] !== 0) continue;
    if (i % 2 === 0) even++;
    else odd++;
  }
  return { even: even / Math.max(1, n / 2), odd: odd / Math.max(1, n / 2) };
}

/**
 * Share of two-byte characters whose second byte is below 0xA1. GB2312, the common core of GB
 * text, has none; Big5 (Hong Kong and Taiwan) has about four in ten, so a Big5 file that GB18030
 * happens to decode shows itself here.
 */
function lowTrailShare(bytes: Uint8Array): number {
  let total = 0;
  let low = 0;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i]!;
    if (b < 0x81) continue;
    const next = bytes[i + 1] ?? 0;
    if (next >= 0x30 && next <= 0x39) {
      i += 3;
      continue;
    }
    total++;
    if (next < 0xa1) low++;
    i++;
  }
  return total === 0 ? 0 : low / total;
}

/** Control characters other than tab, line feed, carriage return and form feed: text has almost none. */
// eslint-disable-next-line no-control-regex -- control characters are what this pattern is for
const binaryChar = /[\u0000-\u0008\u000e-\u001f\ufffd]/gu;

/**
 * Decodes a file. A byte-order mark decides; otherwise NUL bytes at one parity say UTF-16, then
 * strict UTF-8 is tried, then strict GB18030 (a superset of GBK and GB2312) or Big5, whichever
 * the byte pattern points to first.
 */
export function decodeSource(bytes: Uint8Array): Decoded {
  const b = bytes;
  let decoded: { text: string; encoding: SourceEncoding; bom: boolean } | null = null;
  if (b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) {
    const text = tryDecode(b, 'utf-8', 3);
    decoded = text === null ? null : { text, encoding: 'utf-8', bom: true };
  } else if (b[0] === 0xff && b[1] === 0xfe) {
    const text = tryDecode(b, 'utf-16le', 2);
    decoded = text === null ? null : { text, encoding: 'utf-16le', bom: true };
  } else if (b[0] === 0xfe && b[1] === 0xff) {
    const text = tryDecode(b, 'utf-16be', 2);
    decoded = text === null ? null : { text, encoding: 'utf-16be', bom: true };
  } else {
    const nul = nulShare(b);
    const legacy: SourceEncoding[] = lowTrailShare(b) > 0.2 ? ['big5', 'gb18030'] : ['gb18030', 'big5'];
    const order: SourceEncoding[] = nul.odd > 0.01 && nul.odd > nul.even ? ['utf-16le'] : nul.even > 0.01 ? ['utf-16be'] : ['utf-8', ...legacy];
    for (const encoding of order) {
      const text = tryDecode(b, encoding, 0);
      if (text !== null) {
        decoded = { text, encoding, bom: false };
        break;
      }
    }
  }
  if (decoded === null) return { ok: false, reason: 'unknown-encoding' };
  const odd = decoded.text.match(binaryChar)?.length ?? 0;
  if (odd > Math.max(2, decoded.text.length / 1000)) return { ok: false, reason: 'binary' };
  return { ok: true, ...decoded };
}
