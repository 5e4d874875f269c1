// A PHP unserialize() reader over raw bytes, producing what json_encode() would show for the value.
import type { Json } from '../../protocol/index.ts';

const MAX_DEPTH = 128;
const strict = new TextDecoder('utf-8', { fatal: true });
const lossy = new TextDecoder('utf-8');
const IN_PROGRESS = Symbol('in-progress');

/** Arrays whose keys are exactly 0..n-1 in order are JSON lists for json_encode; anything else is an object. */
type PhpArray = { list: boolean; entries: [string, Json][] };

export class PhpReader {
  pos = 0;
  /** unserialize's var table: every value gets a slot (r:/R: refer to them, 1-based), except R: itself. */
  slots: (Json | typeof IN_PROGRESS)[] = [];
  constructor(readonly bytes: Uint8Array, start = 0) { this.pos = start; }

  get done(): boolean { return this.pos >= this.bytes.length; }

  fail(message: string): never { throw new Error(`${message} at byte ${this.pos}`); }

  expect(char: string): void {
    if (this.bytes[this.pos] !== char.charCodeAt(0)) this.fail(`expected ${JSON.stringify(char)}`);
    this.pos++;
  }

  /** Text up to (not including) the terminator byte, which is consumed. */
  until(char: string): string {
    const end = this.bytes.indexOf(char.charCodeAt(0), this.pos);
    if (end < 0) this.fail(`missing ${JSON.stringify(char)}`);
    const text = lossy.decode(this.bytes.subarray(this.pos, end));
    this.pos = end + 1;
    return text;
  }

  int(terminator: string): number {
    const text = this.until(terminator);
    if (!/^[+-]?\d+$/.test(text)) this.fail(`bad integer ${JSON.stringify(text)}`);
    return Number(text);
  }

  /** `<len>:"<len bytes>"` — the length counts bytes, the content is not escaped. */
  rawString(): Uint8Array {
    const len = this.int(':');
    this.expect('"');
    if (len < 0 || this.pos + len > this.bytes.length) this.fail('string length runs past the end');
    const raw = this.bytes.subarray(this.pos, (this.pos += len));
    this.expect('"');
    return raw;
  }

  text(raw: Uint8Array): string {
    try { return strict.decode(raw); } catch { return lossy.decode(raw); }
  }

  value(depth = 0): Json {
    if (depth > MAX_DEPTH) this.fail('nesting too deep');
    const type = String.fromCharCode(this.bytes[this.pos] ?? 0);
    this.pos++;
    if (type === 'R' || type === 'r') return this.reference(type);
    const slot = this.slots.push(IN_PROGRESS) - 1;
    const value = this.scalarOrCompound(type, depth);
    this.slots[slot] = value;
    return value;
  }

  scalarOrCompound(type: string, depth: number): Json {
    switch (type) {
      case 'N': this.expect(';'); return null;
      case 'b': { this.expect(':'); const v = this.int(';'); if (v !== 0 && v !== 1) this.fail('bad boolean'); return v === 1; }
      case 'i': this.expect(':'); return this.int(';');
      case 'd': this.expect(':'); return floatOf(this.until(';'), this);
      case 's': { this.expect(':'); const v = this.text(this.rawString()); this.expect(';'); return v; }
      case 'S': return this.fail('escaped strings (S:) are not supported');
      case 'a': this.expect(':'); return arrayToJson(this.members(depth, this.int(':')));
      case 'O': return this.object(depth);
      case 'E': { this.expect(':'); const v = this.text(this.rawString()); this.expect(';'); return v; }
      case 'C': return this.custom();
      default: return this.fail(`unknown type ${JSON.stringify(type)}`);
    }
  }

  /** Serializable objects (`C:`) carry class-defined data: shown as the class name and the raw text. */
  custom(): Json {
    this.expect(':');
    const cls = this.text(this.rawString());
    this.expect(':');
    const len = this.int(':');
    this.expect('{');
    if (len < 0 || this.pos + len > this.bytes.length) this.fail('custom data length runs past the end');
    const data = this.text(this.bytes.subarray(this.pos, (this.pos += len)));
    this.expect('}');
    return { __class: cls, serialized: data };
  }

  reference(type: string): Json {
    this.expect(':');
    const n = this.int(';');
    const target = this.slots[n - 1];
    if (type === 'r') this.slots.push(target ?? null);
    if (target === undefined) this.fail(`reference ${type}:${n} points nowhere`);
    return target === IN_PROGRESS ? '*RECURSION*' : target;
  }

  /** `{<key><value>…}` with n pairs; keys are i: or s: and take no var slot. */
  members(depth: number, n: number): PhpArray {
    this.expect('{');
    const entries: [string, Json][] = [];
    let list = true;
    for (let i = 0; i < n; i++) {
      const key = this.key();
      if (key !== String(i)) list = false;
      entries.push([key, this.value(depth + 1)]);
    }
    this.expect('}');
    return { list, entries };
  }

  key(): string {
    const type = String.fromCharCode(this.bytes[this.pos] ?? 0);
    this.pos++;
    this.expect(':');
    if (type === 'i') return String(this.int(';'));
    if (type !== 's') this.fail('array key must be i: or s:');
    const raw = this.rawString();
    this.expect(';');
    return this.text(raw);
  }

  /** json_encode shows an object's public properties only; mangled (\0-prefixed) names are private/protected. */
  object(depth: number): Json {
    this.expect(':');
    this.text(this.rawString());
    this.expect(':');
    const { entries } = this.members(depth, this.int(':'));
    return Object.fromEntries(entries.filter(([k]) => !k.startsWith('\0')));
  }
}

function arrayToJson({ list, entries }: PhpArray): Json {
  return list ? entries.map(([, v]) => v) : Object.fromEntries(entries);
}

function floatOf(text: string, reader: PhpReader): Json {
  if (text === 'INF' || text === '-INF' || text === 'NAN') return text; // json_encode cannot encode these either
  const n = Number(text);
  if (!/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(text) || !Number.isFinite(n)) reader.fail(`bad float ${JSON.stringify(text)}`);
  return n;
}

/** unserialize() of a whole string: one value and nothing after it. */
export function phpUnserialize(bytes: Uint8Array): { ok: true; value: Json } | { ok: false; error: string } {
  const reader = new PhpReader(bytes);
  try {
    const value = reader.value();
    if (!reader.done) return { ok: false, error: `unexpected data after the value at byte ${reader.pos}` };
    return { ok: true, value };
  } catch (err) {
    return { ok: false, error: (err as Error).message };
  }
}
