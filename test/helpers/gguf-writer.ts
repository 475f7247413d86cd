import { writeFileSync } from 'node:fs';

const ALIGNMENT = 32;
const TYPE = { uint32: 4, int32: 5, float32: 6, string: 8, array: 9 } as const;

/** Little-endian byte sink with GGUF's primitive encodings. */
class Bytes {
  private chunks: Buffer[] = [];
  length = 0;
  push(buffer: Buffer): void {
    this.chunks.push(buffer);
    this.length += buffer.length;
  }
  u32(value: number): void {
    const buffer = Buffer.alloc(4);
    buffer.writeUInt32LE(value);
    this.push(buffer);
  }
  i32(value: number): void {
    const buffer = Buffer.alloc(4);
    buffer.writeInt32LE(value);
    this.push(buffer);
  }
  u64(value: number): void {
    const buffer = Buffer.alloc(8);
    buffer.writeBigUInt64LE(BigInt(value));
    this.push(buffer);
  }
  f32(value: number): void {
    const buffer = Buffer.alloc(4);
    buffer.writeFloatLE(value);
    this.push(buffer);
  }
  string(value: string): void {
    const bytes = Buffer.from(value, 'utf8');
    this.u64(bytes.length);
    this.push(bytes);
  }
  pad(): void {
    const rest = this.length % ALIGNMENT;
    if (rest) this.push(Buffer.alloc(ALIGNMENT - rest));
  }
  concat(): Buffer {
    return Buffer.concat(this.chunks);
  }
}

type MetaValue =
  | { kind: 'u32'; value: number }
  | { kind: 'i32'; value: number }
  | { kind: 'f32'; value: number }
  | { kind: 'string'; value: string }
  | { kind: 'strings'; value: string[] }
  | { kind: 'f32s'; value: number[] }
  | { kind: 'i32s'; value: number[] };

function writeMeta(bytes: Bytes, key: string, meta: MetaValue): void {
  bytes.string(key);
  if (meta.kind === 'string') {
    bytes.u32(TYPE.string);
    bytes.string(meta.value);
  } else if (meta.kind === 'strings') {
    bytes.u32(TYPE.array);
    bytes.u32(TYPE.string);
    bytes.u64(meta.value.length);
    for (const item of meta.value) bytes.string(item);
  } else if (meta.kind === 'f32s' || meta.kind === 'i32s') {
    bytes.u32(TYPE.array);
    bytes.u32(meta.kind === 'f32s' ? TYPE.float32 : TYPE.int32);
    bytes.u64(meta.value.length);
    for (const item of meta.value) {
      if (meta.kind === 'f32s') bytes.f32(item);
      else bytes.i32(item);
    }
  } else {
    const scalar = {
      u32: [TYPE.uint32, 'u32'],
      i32: [TYPE.int32, 'i32'],
      f32: [TYPE.float32, 'f32'],
    } as const;
    const [type, method] = scalar[meta.kind];
    bytes.u32(type);
    bytes[method](meta.value);
  }
}

/** A SentencePiece-style vocabulary: specials, the 256 byte tokens, and pieces JSON needs. */
function vocabulary(): { tokens: string[]; scores: number[]; types: number[] } {
  const tokens = ['<unk>', '<s>', '</s>'];
  const types = [2, 3, 3];
  for (let byte = 0; byte < 256; byte++) {
    tokens.push(`<0x${byte.toString(16).toUpperCase().padStart(2, '0')}>`);
    types.push(6);
  }
  const pieces = [
    '▁',
    '{',
    '}',
    '"',
    ':',
    ',',
    '[',
    ']',
    '▁yes',
    '▁no',
    'yes',
    'no',
    'true',
    'false',
    '▁true',
    '▁false',
    'answer',
    'value',
    'values',
    'score',
  ];
  for (const letter of 'abcdefghijklmnopqrstuvwxyz0123456789') pieces.push(letter, `▁${letter}`);
  for (const piece of pieces) {
    tokens.push(piece);
    types.push(1);
  }
  const scores = tokens.map((token, index) => (types[index] === 1 ? -token.length : 0));
  return { tokens, scores, types };
}

/** Seeded normal-ish random numbers (sum of uniforms from mulberry32). */
function randomWeights(seed: number): () => number {
  let state = seed >>> 0;
  const uniform = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return () => (uniform() + uniform() + uniform() - 1.5) * 0.08;
}

/**
 * Writes a tiny random-weight `llama` model as GGUF v3 (F32 tensors, alignment 32) that llama.cpp
 * loads: 2 layers, 64 wide, 4 heads, a ~330-token vocabulary. About 0.5 MB.
 */
export function writeTinyLlamaGguf(path: string, options: { seed?: number } = {}): void {
  const embedding = 64;
  const layers = 2;
  const feedForward = 128;
  const vocab = vocabulary();
  const size = vocab.tokens.length;
  const random = randomWeights(options.seed ?? 1);
  const tensors: { name: string; dims: number[]; fill: 'one' | 'random' }[] = [
    { name: 'token_embd.weight', dims: [embedding, size], fill: 'random' },
    { name: 'output_norm.weight', dims: [embedding], fill: 'one' },
    { name: 'output.weight', dims: [embedding, size], fill: 'random' },
  ];
  for (let layer = 0; layer < layers; layer++) {
    const block = `blk.${layer}`;
    tensors.push(
      { name: `${block}.attn_norm.weight`, dims: [embedding], fill: 'one' },
      { name: `${block}.ffn_norm.weight`, dims: [embedding], fill: 'one' },
      { name: `${block}.attn_q.weight`, dims: [embedding, embedding], fill: 'random' },
      { name: `${block}.attn_k.weight`, dims: [embedding, embedding], fill: 'random' },
      { name: `${block}.attn_v.weight`, dims: [embedding, embedding], fill: 'random' },
      { name: `${block}.attn_output.weight`, dims: [embedding, embedding], fill: 'random' },
      { name: `${block}.ffn_gate.weight`, dims: [embedding, feedForward], fill: 'random' },
      { name: `${block}.ffn_up.weight`, dims: [embedding, feedForward], fill: 'random' },
      { name: `${block}.ffn_down.weight`, dims: [feedForward, embedding], fill: 'random' },
    );
  }
  const meta: [string, MetaValue][] = [
    ['general.architecture', { kind: 'string', value: 'llama' }],
    ['general.name', { kind: 'string', value: 'adaem-tiny-test' }],
    ['general.alignment', { kind: 'u32', value: ALIGNMENT }],
    ['llama.context_length', { kind: 'u32', value: 512 }],
    ['llama.embedding_length', { kind: 'u32', value: embedding }],
    ['llama.block_count', { kind: 'u32', value: layers }],
    ['llama.feed_forward_length', { kind: 'u32', value: feedForward }],
    ['llama.attention.head_count', { kind: 'u32', value: 4 }],
    ['llama.attention.head_count_kv', { kind: 'u32', value: 4 }],
    ['llama.attention.layer_norm_rms_epsilon', { kind: 'f32', value: 1e-5 }],
    ['tokenizer.ggml.model', { kind: 'string', value: 'llama' }],
    ['tokenizer.ggml.tokens', { kind: 'strings', value: vocab.tokens }],
    ['tokenizer.ggml.scores', { kind: 'f32s', value: vocab.scores }],
    ['tokenizer.ggml.token_type', { kind: 'i32s', value: vocab.types }],
    ['tokenizer.ggml.bos_token_id', { kind: 'u32', value: 1 }],
    ['tokenizer.ggml.eos_token_id', { kind: 'u32', value: 2 }],
    ['tokenizer.ggml.unknown_token_id', { kind: 'u32', value: 0 }],
  ];
  const header = new Bytes();
  header.push(Buffer.from('GGUF', 'ascii'));
  header.u32(3);
  header.u64(tensors.length);
  header.u64(meta.length);
  for (const [key, value] of meta) writeMeta(header, key, value);
  const data = new Bytes();
  for (const tensor of tensors) {
    header.string(tensor.name);
    header.u32(tensor.dims.length);
    for (const dim of tensor.dims) header.u64(dim);
    header.u32(0); // GGML_TYPE_F32
    header.u64(data.length);
    const count = tensor.dims.reduce((product, dim) => product * dim, 1);
    const values = Buffer.alloc(count * 4);
    for (let index = 0; index < count; index++)
      values.writeFloatLE(tensor.fill === 'one' ? 1 : random(), index * 4);
    data.push(values);
    data.pad();
  }
  header.pad();
  writeFileSync(path, Buffer.concat([header.concat(), data.concat()]));
}
