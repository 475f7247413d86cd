/** 32-bit FNV-1a hash of a string, mixed with a seed. */
export function hashString(text: string, seed = 0): number {
  let hash = (0x811c9dc5 ^ seed) >>> 0;
  for (let index = 0; index < text.length; index++) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193);
  }
  hash ^= hash >>> 15;
  hash = Math.imul(hash, 0x2c1b3c6d);
  hash ^= hash >>> 12;
  return hash >>> 0;
}

/** A uniform number in [0, 1) determined by the parts. */
export function unitHash(...parts: (string | number)[]): number {
  return hashString(parts.join('\u0001')) / 4294967296;
}

/** Picks one element with a uniform number in [0, 1). */
export function pick<T>(items: readonly T[], unit: number): T {
  return items[Math.min(items.length - 1, Math.floor(unit * items.length))]!;
}
