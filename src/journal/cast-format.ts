/**
 * asciicast files: what tkesim writes (v2: absolute times) and what it plays (v2, and v3 with
 * relative times and a `term` header). Parsing never trusts the file; problems are sentences.
 */

export type CastCode = 'o' | 'i' | 'm' | 'r';

export interface CastEvent {
  /** Seconds since the start of the recording (absolute, non-decreasing). */
  readonly time: number;
  readonly code: CastCode;
  readonly data: string;
}

export interface CastHeader {
  readonly version: 2 | 3;
  readonly width: number;
  readonly height: number;
  readonly title?: string;
  readonly idleTimeLimit?: number;
}

export interface Cast {
  readonly header: CastHeader;
  readonly events: readonly CastEvent[];
}

export class CastError extends Error {}

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isCode = (v: unknown): v is CastCode => v === 'o' || v === 'i' || v === 'm' || v === 'r';
const positiveInt = (v: unknown): v is number => Number.isInteger(v) && (v as number) > 0;

function parseHeader(line: string): CastHeader {
  let raw: unknown;
  try {
    raw = JSON.parse(line);
  } catch {
    throw new CastError('The first line is not a JSON header: this is not an asciicast file.');
  }
  if (!isObj(raw)) throw new CastError('The first line is not a JSON object: this is not an asciicast file.');
  const title = typeof raw.title === 'string' ? raw.title : undefined;
  const idle = typeof raw.idle_time_limit === 'number' && raw.idle_time_limit > 0 ? raw.idle_time_limit : undefined;
  if (raw.version === 2) {
    if (!positiveInt(raw.width) || !positiveInt(raw.height)) throw new CastError('The asciicast v2 header has no valid width and height.');
    return { version: 2, width: raw.width, height: raw.height, title, idleTimeLimit: idle };
  }
  if (raw.version === 3) {
    const term = isObj(raw.term) ? raw.term : {};
    if (!positiveInt(term.cols) || !positiveInt(term.rows)) throw new CastError('The asciicast v3 header has no valid term.cols and term.rows.');
    return { version: 3, width: term.cols, height: term.rows, title, idleTimeLimit: idle };
  }
  throw new CastError(`Unsupported asciicast version ${JSON.stringify(raw.version)}: tkesim plays versions 2 and 3.`);
}

/** Reads an asciicast v2 or v3 text. Unknown event codes are skipped; v3 times become absolute. */
export function parseCast(text: string): Cast {
  const lines = text.split('\n');
  const first = lines.findIndex((l) => l.trim() !== '');
  if (first < 0) throw new CastError('The file is empty.');
  const header = parseHeader(lines[first] ?? '');
  const events: CastEvent[] = [];
  let clock = 0;
  for (let i = first + 1; i < lines.length; i++) {
    const line = (lines[i] ?? '').trim();
    if (line === '' || (header.version === 3 && line.startsWith('#'))) continue;
    let raw: unknown;
    try {
      raw = JSON.parse(line);
    } catch {
      throw new CastError(`Line ${i + 1} is not JSON.`);
    }
    if (!Array.isArray(raw) || raw.length < 3 || typeof raw[0] !== 'number' || typeof raw[1] !== 'string' || typeof raw[2] !== 'string') {
      throw new CastError(`Line ${i + 1} is not an event [time, code, data].`);
    }
    const t = raw[0];
    if (!Number.isFinite(t) || t < 0) throw new CastError(`Line ${i + 1} has a negative or invalid time.`);
    clock = header.version === 3 ? clock + t : Math.max(clock, t);
    if (isCode(raw[1])) events.push({ time: clock, code: raw[1], data: raw[2] });
  }
  return { header, events };
}

/**
 * Checks that a text is an asciicast v2 file as tkesim promises to write it: the header fields,
 * events of exactly three elements with known codes, times non-decreasing. Returns the problems.
 */
export function castV2Problems(text: string): string[] {
  const problems: string[] = [];
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  let header: unknown;
  try {
    header = JSON.parse(lines[0] ?? '');
  } catch {
    return ['the header is not JSON'];
  }
  if (!isObj(header)) return ['the header is not an object'];
  if (header.version !== 2) problems.push('version is not 2');
  if (!positiveInt(header.width) || !positiveInt(header.height)) problems.push('width or height is not a positive integer');
  if (typeof header.timestamp !== 'number') problems.push('timestamp is missing');
  if (!isObj(header.env) || typeof header.env.TERM !== 'string' || typeof header.env.SHELL !== 'string') problems.push('env.TERM or env.SHELL is missing');
  let last = 0;
  lines.slice(1).forEach((line, i) => {
    let e: unknown;
    try {
      e = JSON.parse(line);
    } catch {
      problems.push(`event ${i + 1} is not JSON`);
      return;
    }
    if (!Array.isArray(e) || e.length !== 3) return void problems.push(`event ${i + 1} does not have three elements`);
    const [t, code, data] = e as unknown[];
    if (typeof t !== 'number' || t < last) problems.push(`event ${i + 1}: time ${String(t)} is before ${last}`);
    else last = t;
    if (!isCode(code)) problems.push(`event ${i + 1}: unknown code ${JSON.stringify(code)}`);
    if (typeof data !== 'string') problems.push(`event ${i + 1}: data is not a string`);
    if (code === 'r' && typeof data === 'string' && !/^\d+x\d+$/.test(data)) problems.push(`event ${i + 1}: resize is not COLSxROWS`);
  });
  return problems;
}
