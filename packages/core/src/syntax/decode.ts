/**
 * Bytes ↔ text without losing a byte. Valid UTF-8 (with or without BOM) decodes as UTF-8 and keeps the
 * BOM as U+FEFF; anything else decodes as latin1, one character per byte, which is also exactly how
 * liblxc sees it (opaque C chars). Encoding back with the recorded encoding gives the original bytes.
 */
import { parseConfig } from './parser';
import type { ConfigDocument, TextEncoding } from './tree';

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

export interface DecodedText {
  text: string;
  encoding: TextEncoding;
  invalidUtf8At: number | null;
}

export function decodeConfigBytes(bytes: Uint8Array): DecodedText {
  try {
    return { text: utf8.decode(bytes), encoding: 'utf8', invalidUtf8At: null };
  } catch {
    return { text: latin1Decode(bytes), encoding: 'latin1', invalidUtf8At: firstInvalidUtf8(bytes) };
  }
}

export function encodeConfigText(text: string, encoding: TextEncoding): Uint8Array {
  if (encoding === 'utf8') return new TextEncoder().encode(text);
  const out = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) out[i] = text.charCodeAt(i) & 0xff;
  return out;
}

/** Decode and parse in one step: what the CLI does with a file's bytes. */
export function parseConfigBytes(bytes: Uint8Array, uri: string): ConfigDocument {
  const decoded = decodeConfigBytes(bytes);
  return parseConfig(decoded.text, { uri, encoding: decoded.encoding, invalidUtf8At: decoded.invalidUtf8At });
}

function latin1Decode(bytes: Uint8Array): string {
  let out = '';
  const chunk = 0x4000;
  for (let i = 0; i < bytes.length; i += chunk) {
    out += String.fromCharCode.apply(null, Array.from(bytes.subarray(i, i + chunk)));
  }
  return out;
}

/** Offset of the first byte that does not start or continue a well-formed UTF-8 sequence. */
export function firstInvalidUtf8(bytes: Uint8Array): number | null {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    let need: number;
    let min: number;
    if (b < 0x80) { i++; continue; }
    else if (b >= 0xc2 && b <= 0xdf) { need = 1; min = 0x80; }
    else if (b >= 0xe0 && b <= 0xef) { need = 2; min = 0x800; }
    else if (b >= 0xf0 && b <= 0xf4) { need = 3; min = 0x10000; }
    else return i;
    let cp = b & (0x3f >> need);
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (c & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += need + 1;
  }
  return null;
}
