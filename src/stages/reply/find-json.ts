/** The first JSON object of a reply, or why none could be read. */
export type FoundJson =
  | { ok: true; value: Record<string, unknown> }
  | { ok: false; reason: string; truncated: boolean };

/** The end index (exclusive) of the balanced object starting at `start`, or -1 when it never closes. */
function endOfObject(text: string, start: number): number {
  let depth = 0;
  let inString = false;
  for (let index = start; index < text.length; index++) {
    const char = text[index]!;
    if (inString) {
      if (char === '\\') index++;
      else if (char === '"') inString = false;
      continue;
    }
    if (char === '"') inString = true;
    else if (char === '{' || char === '[') depth++;
    else if (char === '}' || char === ']') {
      depth--;
      if (depth === 0) return index + 1;
    }
  }
  return -1;
}

/** Replaces what lies outside string literals, leaving strings untouched. */
function outsideStrings(json: string, replace: (code: string) => string): string {
  return json
    .split(/("(?:[^"\\]|\\.)*")/)
    .map((part, index) => (index % 2 === 1 ? part : replace(part)))
    .join('');
}

/** Slips models make in JSON that have one meaning: trailing commas, Python's True/False/None. */
function repair(json: string): string {
  return outsideStrings(json, (code) =>
    code
      .replace(/,(\s*[}\]])/g, '$1')
      .replace(/\bTrue\b/g, 'true')
      .replace(/\bFalse\b/g, 'false')
      .replace(/\bNone\b/g, 'null'),
  );
}

/** A Python dict printed instead of JSON (`{'values': {'power': True}}`): single quotes only. */
function fromPython(json: string): string {
  return json.includes('"') ? json : json.replace(/'((?:[^'\\\n]|\\.)*)'/g, '"$1"');
}

function parseObject(json: string): Record<string, unknown> | undefined {
  for (const candidate of [json, repair(json), repair(fromPython(json))]) {
    try {
      const value: unknown = JSON.parse(candidate);
      if (value && typeof value === 'object' && !Array.isArray(value))
        return value as Record<string, unknown>;
      return undefined;
    } catch {
      // try the repaired text next
    }
  }
  return undefined;
}

/**
 * Finds the first top-level JSON object in a reply: bare, in a code fence, or with prose around it;
 * trailing commas and Python literals are forgiven. An object that opens and never closes is
 * `truncated`; objects nested in one that does not parse are never taken for the answer.
 */
export function findJsonObject(text: string): FoundJson {
  let sawInvalid = false;
  for (let start = text.indexOf('{'); start >= 0; start = text.indexOf('{', start + 1)) {
    const end = endOfObject(text, start);
    if (end < 0) return { ok: false, reason: 'the JSON object is cut off', truncated: true };
    const value = parseObject(text.slice(start, end));
    if (value) return { ok: true, value };
    sawInvalid = true;
    start = end - 1;
  }
  return sawInvalid
    ? { ok: false, reason: 'the reply holds no valid JSON object', truncated: false }
    : { ok: false, reason: 'no JSON object in the reply', truncated: false };
}
