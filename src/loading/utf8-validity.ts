/**
 * Streaming UTF-8 validation: chunks are checked with Node's fast validator;
 * a multi-byte character cut by a chunk boundary is carried to the next chunk.
 */
import { isUtf8 } from 'node:buffer';

/** The length of the longest prefix of `bytes` that does not end inside a multi-byte character. */
export function completePrefixLength(bytes: Uint8Array): number {
  let index = bytes.length - 1;
  let continuation = 0;
  while (index >= 0 && continuation < 3 && ((bytes[index] as number) & 0xc0) === 0x80) {
    index -= 1;
    continuation += 1;
  }
  if (index < 0) return bytes.length;
  const lead = bytes[index] as number;
  const needed = lead >= 0xf0 ? 4 : lead >= 0xe0 ? 3 : lead >= 0xc0 ? 2 : 1;
  return bytes.length - index < needed ? index : bytes.length;
}

export function isValidUtf8(bytes: Uint8Array): boolean {
  return isUtf8(bytes);
}

/** The offset of the first byte that is not part of valid UTF-8, or −1. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let index = 0;
  while (index < bytes.length) {
    const lead = bytes[index] as number;
    let needed: number;
    let minimum: number;
    if (lead < 0x80) {
      index += 1;
      continue;
    } else if (lead >= 0xc2 && lead <= 0xdf) {
      needed = 1;
      minimum = 0x80;
    } else if (lead >= 0xe0 && lead <= 0xef) {
      needed = 2;
      minimum = 0x800;
    } else if (lead >= 0xf0 && lead <= 0xf4) {
      needed = 3;
      minimum = 0x10000;
    } else return index;
    let codePoint = lead & (0x3f >> needed);
    for (let offset = 1; offset <= needed; offset += 1) {
      const byte = bytes[index + offset];
      if (byte === undefined || (byte & 0xc0) !== 0x80) return index;
      codePoint = (codePoint << 6) | (byte & 0x3f);
    }
    if (codePoint < minimum || codePoint > 0x10ffff || (codePoint >= 0xd800 && codePoint <= 0xdfff))
      return index;
    index += needed + 1;
  }
  return -1;
}
