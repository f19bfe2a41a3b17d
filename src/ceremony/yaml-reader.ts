/**
 * Reading a YAML document node by node, with the line of every problem: each reader returns the
 * value, or null after noting one clear sentence with its line. No casts: every node is checked.
 */
import { LineCounter, isMap, isScalar, isSeq, parseDocument, type Node, type YAMLMap } from 'yaml';

export interface Problem {
  readonly line: number;
  readonly message: string;
}

export class YamlReader {
  readonly problems: Problem[] = [];
  readonly #lines = new LineCounter();
  readonly root: Node | null;

  constructor(text: string) {
    const doc = parseDocument(text, { lineCounter: this.#lines, uniqueKeys: true, prettyErrors: false });
    for (const e of doc.errors) this.problems.push({ line: this.#lines.linePos(e.pos[0]).line, message: `${e.message.split('\n')[0] ?? e.message}` });
    const contents = doc.contents;
    this.root = contents !== null && (isMap(contents) || isSeq(contents) || isScalar(contents)) ? contents : null;
  }

  /** The 1-based line where a node starts (1 for the document itself). */
  line(node: Node | null | undefined): number {
    const start = node?.range?.[0];
    return start === undefined ? 1 : this.#lines.linePos(start).line;
  }

  problem(node: Node | null | undefined, message: string): null {
    this.problems.push({ line: this.line(node), message });
    return null;
  }

  map(node: Node | null | undefined, what: string): YAMLMap<unknown, unknown> | null {
    return node && isMap(node) ? node : this.problem(node, `${what} must be a mapping of "key: value" lines.`);
  }

  /** The keys of a mapping, as strings (a non-string key is a problem). */
  keys(map: YAMLMap<unknown, unknown>, what: string): { readonly key: string; readonly keyNode: Node; readonly value: Node | null }[] {
    const out: { key: string; keyNode: Node; value: Node | null }[] = [];
    for (const pair of map.items) {
      const keyNode = pair.key;
      if (!isScalar(keyNode) || typeof keyNode.value !== 'string') {
        this.problem(isScalar(keyNode) ? keyNode : map, `${what} has a key that is not a word.`);
        continue;
      }
      const value = pair.value;
      out.push({ key: keyNode.value, keyNode, value: value !== null && (isMap(value) || isSeq(value) || isScalar(value)) ? value : null });
    }
    return out;
  }

  /** Checks that a mapping has only known keys; returns a lookup of its values. */
  fields(map: YAMLMap<unknown, unknown>, what: string, known: readonly string[]): Map<string, { keyNode: Node; value: Node | null }> {
    const out = new Map<string, { keyNode: Node; value: Node | null }>();
    for (const f of this.keys(map, what)) {
      if (!known.includes(f.key)) this.problem(f.keyNode, `${what}: unknown field "${f.key}". Known fields: ${known.join(', ')}.`);
      else out.set(f.key, { keyNode: f.keyNode, value: f.value });
    }
    return out;
  }

  /** A field that must be there: its value, or a problem on its owner ("step 3 has no "instruction"."). */
  required(fields: ReadonlyMap<string, { readonly value: Node | null }>, key: string, owner: Node, ownerWhat: string): Node | null {
    const field = fields.get(key);
    if (!field) return this.problem(owner, `${ownerWhat} has no "${key}".`);
    return field.value ?? this.problem(owner, `${ownerWhat}: "${key}" is empty.`);
  }

  list(node: Node | null | undefined, what: string): Node[] | null {
    if (!node || !isSeq(node)) return this.problem(node, `${what} must be a list ("- " items).`);
    return node.items.flatMap((item) => (item !== null && (isMap(item) || isSeq(item) || isScalar(item)) ? [item] : []));
  }

  text(node: Node | null | undefined, what: string, allowEmpty = false): string | null {
    if (node && isScalar(node) && (typeof node.value === 'string' || typeof node.value === 'number')) {
      const text = String(node.value).trim();
      if (text !== '' || allowEmpty) return text;
    }
    return this.problem(node, `${what} must be some text${allowEmpty ? ' ("" for Enter alone)' : ''}.`);
  }

  integer(node: Node | null | undefined, what: string, min: number, max: number): number | null {
    if (node && isScalar(node)) {
      const v = node.value;
      const n = typeof v === 'number' ? v : typeof v === 'string' && /^\d+$/.test(v.trim()) ? Number(v) : NaN;
      if (Number.isInteger(n) && n >= min && n <= max) return n;
    }
    return this.problem(node, `${what} must be a whole number from ${min} to ${max}.`);
  }

  /** A list of texts, or one text given alone. */
  texts(node: Node | null | undefined, what: string, allowEmpty = false): string[] | null {
    if (node && isScalar(node)) {
      const one = this.text(node, what, allowEmpty);
      return one === null ? null : [one];
    }
    const items = this.list(node, what);
    if (!items) return null;
    const out: string[] = [];
    for (const item of items) {
      const t = this.text(item, `each item of ${what}`, allowEmpty);
      if (t !== null) out.push(t);
    }
    return out;
  }

  /** A list of CRYPTO UNIT NUMs (1..64). */
  unitNumbers(node: Node | null | undefined, what: string): number[] | null {
    const items = node && isScalar(node) ? [node] : this.list(node, what);
    if (!items) return null;
    const out: number[] = [];
    for (const item of items) {
      const n = this.integer(item, `each CRYPTO UNIT NUM of ${what}`, 1, 64);
      if (n !== null) out.push(n);
    }
    return out.length > 0 ? out : this.problem(node, `${what} names no crypto unit.`);
  }

  /** yes/true (a YAML 1.2 "yes" is text). */
  flag(node: Node | null | undefined, what: string): boolean | null {
    if (node && isScalar(node)) {
      if (node.value === true || node.value === 'yes') return true;
      if (node.value === false || node.value === 'no') return false;
    }
    return this.problem(node, `${what} must be yes or no.`);
  }
}
