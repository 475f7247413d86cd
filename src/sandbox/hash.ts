/** Separator between the parts of a `unitHash` key. */
const SEPARATOR = 1;
const FNV_OFFSET = 0x811c9dc5;

/** Folds `text` into a running FNV-1a state (a prefix state can be reused for many keys that share it). */
export function feed(state: number, text: string): number {
  let hash = state;
  for (let index = 0; index < text.length; index++) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash;
}

/** Folds the separator that ends a `unitHash` part into a running state. */
export function feedSeparator(state: number): number {
  return Math.imul(state ^ SEPARATOR, 0x01000193);
}

/** Folds one `unitHash` part and the separator after it into a running state. */
export function feedPart(state: number, part: string | number): number {
  return feedSeparator(feed(state, typeof part === 'string' ? part : String(part)));
}

/** Mixes a running state into the final 32-bit hash. */
export function finish(state: number): number {
  let hash = state;
  hash ^= hash >>> 15;
  hash = Math.imul(hash, 0x2c1b3c6d);
  hash ^= hash >>> 12;
  return hash >>> 0;
}

/** 32-bit FNV-1a hash of a string, mixed with a seed. */
export function hashString(text: string, seed = 0): number {
  return finish(feed((FNV_OFFSET ^ seed) >>> 0, text));
}

/**
 * The state after `parts` and a separator: `unitFrom(prefix(a, b), c)` equals `unitHash(a, b, c)`,
 * so draws that share leading parts hash them once.
 */
export function prefix(...parts: (string | number)[]): number {
  let state = FNV_OFFSET;
  for (const part of parts) state = feedPart(state, part);
  return state;
}

/** A uniform number in [0, 1) from a finished key's state. */
export function finishUnit(state: number): number {
  return finish(state) / 4294967296;
}

/** A uniform number in [0, 1) from a prefix state and the last part of the key. */
export function unitFrom(state: number, last: string | number): number {
  return finishUnit(feed(state, typeof last === 'string' ? last : String(last)));
}

/** A uniform number in [0, 1) determined by the parts (as if joined with U+0001, without building the string). */
export function unitHash(...parts: (string | number)[]): number {
  let state = FNV_OFFSET;
  const last = parts.length - 1;
  for (let index = 0; index < last; index++) state = feedPart(state, parts[index]!);
  return last < 0 ? finishUnit(state) : unitFrom(state, parts[last]!);
}

/** Picks one element with a uniform number in [0, 1). */
export function pick<T>(items: readonly T[], unit: number): T {
  return items[Math.min(items.length - 1, Math.floor(unit * items.length))]!;
}
