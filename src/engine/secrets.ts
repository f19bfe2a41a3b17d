/**
 * The secrets of this session, and the one redaction point every writer goes through.
 *
 * Every answer to a secret question (passwords, key part values), every key part value a command
 * makes, and every master key the world holds is remembered here, in memory only, in each form it
 * could be typed or pasted: as given, and for 32-byte values as lower-case hex, upper-case hex and
 * base64. A line that equals or contains one of them is never run or kept (history, journal), and
 * every recording passes its text through `redactSecrets`, which masks them even where terminal
 * escape sequences split them.
 */

export type SecretKind = 'password' | 'key part value' | 'master key' | 'private key';

/** Shorter secrets are only matched as a whole line: masking every "pw" inside other text would garble it. */
export const MIN_CONTAINED = 6;

interface Known {
  readonly form: string;
  readonly kind: SecretKind;
}

const HEX_BYTES = /^[0-9a-fA-F]{2,}$/;

function formsOf(value: string): string[] {
  const forms = new Set([value]);
  if (HEX_BYTES.test(value) && value.length % 2 === 0 && value.length >= 32) {
    const bytes = Buffer.from(value, 'hex');
    forms.add(value.toLowerCase());
    forms.add(value.toUpperCase());
    forms.add(bytes.toString('base64'));
    forms.add(bytes.toString('base64').replace(/=+$/, ''));
    forms.add(bytes.toString('base64url'));
  }
  return [...forms];
}

const ESC = '(?:\\u001b\\[[0-9;?]*[ -/]*[@-~]|\\u001b\\][^\\u0007]*\\u0007)*';
const escapeChar = (c: string): string => c.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');

export class SessionSecrets {
  readonly #known = new Map<string, Known>();
  #pattern: RegExp | null = null;

  /** Remembers a secret (empty values are ignored). */
  remember(value: string, kind: SecretKind): void {
    if (value === '') return;
    for (const form of formsOf(value)) {
      if (!this.#known.has(form)) {
        this.#known.set(form, { form, kind });
        this.#pattern = null;
      }
    }
  }

  get size(): number {
    return this.#known.size;
  }

  /** What kind of secret the text is or contains, or null. */
  find(text: string): SecretKind | null {
    const trimmed = text.trim();
    const exact = this.#known.get(trimmed) ?? this.#known.get(text);
    if (exact) return exact.kind;
    for (const k of this.#known.values()) if (k.form.length >= MIN_CONTAINED && text.includes(k.form)) return k.kind;
    return null;
  }

  /**
   * Whether text being typed is, holds, or begins one of the secrets (4 characters or more): the
   * prompt shows such a line masked, so that no screen (nor a recording of it) shows it growing.
   */
  looksSecret(text: string): boolean {
    if (this.find(text) !== null) return true;
    const t = text.trim();
    if (t.length < 4) return false;
    for (const form of this.#known.keys()) if (form.startsWith(t)) return true;
    return false;
  }

  #regex(): RegExp | null {
    if (this.#pattern) return this.#pattern;
    const forms = [...this.#known.keys()].filter((f) => f.length >= MIN_CONTAINED).sort((a, b) => b.length - a.length);
    if (forms.length === 0) return null;
    this.#pattern = new RegExp(forms.map((f) => [...f].map(escapeChar).join(ESC)).join('|'), 'g');
    return this.#pattern;
  }

  /** The text with every secret masked ('*' for each character; escape sequences inside a match are kept). */
  redact(text: string): string {
    const re = this.#regex();
    if (!re || text === '') return text;
    re.lastIndex = 0;
    return text.replace(re, (m) => m.replace(/(\u001b\[[0-9;?]*[ -/]*[@-~]|\u001b\][^\u0007]*\u0007)|[^]/g, (part, esc: string | undefined) => esc ?? '*'));
  }

  /** Forgets everything (tests). */
  clear(): void {
    this.#known.clear();
    this.#pattern = null;
  }
}

/** The process's secrets: one per process, so that no front-end can write around it. */
export const sessionSecrets = new SessionSecrets();

export const rememberSecret = (value: string, kind: SecretKind): void => sessionSecrets.remember(value, kind);
export const redactSecrets = (text: string): string => sessionSecrets.redact(text);
export const findSecret = (text: string): SecretKind | null => sessionSecrets.find(text);
export const looksSecret = (text: string): boolean => sessionSecrets.looksSecret(text);

/** The sentence the shell says when a typed line was a secret. */
export function secretLineNotice(kind: SecretKind): string {
  const what = kind === 'password' ? 'a password' : kind === 'key part value' ? 'a key part value' : kind === 'master key' ? 'a master key value' : 'a private key';
  return `That was ${what} of this session: it was not run and is not kept.`;
}

/** Remembers every master key (and importer private key) a world holds. */
export function rememberWorldSecrets(world: { readonly units: readonly { readonly newRegister: { readonly key: string | null }; readonly currentRegister: { readonly key: string | null }; readonly importer: { readonly secretKey: string } }[] }): void {
  for (const u of world.units) {
    if (u.newRegister.key) rememberSecret(u.newRegister.key, 'master key');
    if (u.currentRegister.key) rememberSecret(u.currentRegister.key, 'master key');
    if (u.importer.secretKey) rememberSecret(u.importer.secretKey, 'private key');
  }
}
