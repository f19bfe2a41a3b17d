/** Shell budgets measured in a pseudo-terminal: startup to first prompt, keystroke to frame, memory. */
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawn, type IPty } from 'node-pty';
import { BIN, ROOT, median, must, seconds } from './tkesim.ts';

export interface Measurement {
  readonly figure: string;
  readonly pass: boolean;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const now = () => Number(process.hrtime.bigint()) / 1e6;

/** Bundles the minimal Ink program exactly as tkesim is bundled (esbuild, ESM, production React). */
async function minimalInk(): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'tkesim-bench-ink-'));
  await build({
    entryPoints: { 'minimal-ink': join(ROOT, 'scripts', 'bench', 'minimal-ink.tsx') }, outdir: dir, splitting: true, bundle: true, platform: 'node', target: 'node20', format: 'esm',
    external: ['react-devtools-core'], define: { 'process.env.NODE_ENV': '"production"' }, logLevel: 'warning',
    banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
  });
  return join(dir, 'minimal-ink.js');
}

function ptyEnv(env: NodeJS.ProcessEnv): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(env)) if (v !== undefined && k !== 'CI') out[k] = v;
  out.TERM = 'xterm-256color';
  return out;
}

/** Milliseconds from spawning `args` in a pty until its output contains `marker`. */
function timeToOutput(args: string[], env: NodeJS.ProcessEnv, marker: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const start = now();
    const pty = spawn(process.execPath, args, { cols: 100, rows: 30, env: ptyEnv(env) });
    let out = '';
    const timer = setTimeout(() => { pty.kill(); reject(new Error(`no "${marker}" within 20 s`)); }, 20_000);
    pty.onData((d) => {
      out += d;
      if (out.includes(marker)) {
        const ms = now() - start;
        clearTimeout(timer);
        pty.kill();
        resolve(ms);
      }
    });
  });
}

const RUNS = 21;

export async function shellStartup(env: NodeJS.ProcessEnv): Promise<Measurement> {
  const minimal = await minimalInk();
  const tk = () => timeToOutput([BIN], env, 'tkesim>');
  const ink = () => timeToOutput([minimal], env, 'ready');
  for (let i = 0; i < 2; i++) { await tk(); await ink(); }
  const a: number[] = [];
  const b: number[] = [];
  // 21 interleaved pairs: a single launch varies by tens of milliseconds on a shared machine.
  for (let i = 0; i < RUNS; i++) {
    if (i % 2) { a.push(await tk()); b.push(await ink()); } else { b.push(await ink()); a.push(await tk()); }
  }
  const node: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const s = now();
    spawnSync(process.execPath, ['-e', '']);
    node.push(now() - s);
  }
  const ratio = median(a) / median(b);
  return {
    figure: `${ratio.toFixed(2)}× (first prompt ${seconds(median(a) / 1000)} vs minimal bundled Ink program ${seconds(median(b) / 1000)}; node -e '' ${seconds(median(node) / 1000)}; ${RUNS} runs each in a pty, interleaved)`,
    pass: ratio <= 1.15,
  };
}

interface Session {
  readonly pty: IPty;
  output(): string;
  waitFor(text: string | RegExp, from: number, timeoutMs?: number): Promise<number>;
  mark(): number;
}

/** As tkesim is launched (its shebang and `npm start`: node with no flags). */
function session(env: NodeJS.ProcessEnv): Session {
  const pty = spawn(process.execPath, [BIN], { cols: 120, rows: 40, env: ptyEnv(env) });
  let out = '';
  // Matched without colour and cursor codes.
  pty.onData((d) => { out += d.replace(/\u001b\[[0-9;?]*[A-Za-z]/g, ''); });
  return {
    pty,
    output: () => out,
    mark: () => out.length,
    async waitFor(text, from, timeoutMs = 30_000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const rest = out.slice(from);
        const at = typeof text === 'string' ? rest.indexOf(text) : rest.search(text);
        if (at >= 0) return from + at;
        if (Date.now() > deadline) throw new Error(`timed out waiting for ${String(text)}`);
        await sleep(5);
      }
    },
  };
}

async function command(s: Session, line: string, answers: string[] = []): Promise<void> {
  let m = s.mark();
  s.pty.write(`${line}\r`);
  for (const a of answers) {
    await s.waitFor(/Enter |Re-enter |Answer \[y\/N\]/, m);
    await sleep(40);
    m = s.mark();
    s.pty.write(`${a}\r`);
  }
  const end = await s.waitFor(/^(OK|FAILED)/m, m);
  await s.waitFor('tkesim>', end);
  await sleep(20);
}

/** p95 of keystroke-to-frame at the prompt with 5,000 lines in the log. */
export async function keystrokeLatency(env: NodeJS.ProcessEnv): Promise<Measurement> {
  must(env, ['sim', 'init', '--yes', '--seed', 'keys']);
  const s = session(env);
  await s.waitFor('tkesim>', 0);
  let lines = 0;
  while (lines < 5000) {
    const m = s.mark();
    s.pty.write('help\r');
    const at = await s.waitFor('Ed25519', m);
    await s.waitFor('tkesim>', at);
    lines += s.output().slice(m).split('\n').length;
    await sleep(5);
  }
  const samples: number[] = [];
  for (let i = 0; i < 120; i++) {
    const m = s.mark();
    const start = now();
    s.pty.write(i % 10 === 9 ? '\u0015' : 'x');
    await s.waitFor(/./s, m, 5000);
    samples.push(now() - start);
    await sleep(45);
  }
  s.pty.kill();
  samples.sort((x, y) => x - y);
  const p95 = samples[Math.floor(samples.length * 0.95)] ?? Infinity;
  return { figure: `p95 ${p95.toFixed(1)} ms, median ${median(samples).toFixed(1)} ms (${samples.length} keystrokes, ${lines} lines in the log)`, pass: p95 <= 16 };
}

/** Resident memory of the shell after the key-part ceremony typed into it. */
export async function ceremonyMemory(env: NodeJS.ProcessEnv): Promise<Measurement> {
  must(env, ['sim', 'init', '--yes', '--seed', 'memory']);
  const s = session(env);
  await s.waitFor('tkesim>', 0);
  await command(s, 'cryptounit-add 1 2');
  for (const n of ['Alice', 'Bob', 'Carol']) await command(s, 'sigkey-add', [n, `pw-${n}`, `pw-${n}`]);
  await command(s, 'sigkey-sel 1 2 3', ['pw-Alice', 'pw-Bob', 'pw-Carol']);
  for (const [i, n] of ['Alice', 'Bob', 'Carol'].entries()) await command(s, `cryptounit-admin-add ${i + 1}`, [`pw-${n}`]);
  await command(s, 'cryptounit-thrhld-set 2 2', ['pw-Alice', 'pw-Bob']);
  for (const p of [1, 2, 3]) await command(s, 'mk-add --random', [`part ${p}`, `k${p}`, `k${p}`]);
  await command(s, 'cryptounit-mk-load 1 2 3', ['pw-Alice', 'k1', 'k2', 'k3']);
  await command(s, 'cryptounit-mk-commit', ['pw-Alice', 'pw-Bob']);
  await command(s, 'cryptounit-mk-setimm', ['y', 'pw-Alice']);
  // Resident memory of the idle shell after the ceremony (the shell collects garbage once idle).
  await sleep(1000);
  const status = readFileSync(`/proc/${s.pty.pid}/status`, 'utf8');
  s.pty.kill();
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 'NaN');
  const mb = kb / 1024;
  const valid = s.output().includes('Set immediate completed successfully');
  return { figure: `${mb.toFixed(1)} MB resident after the ceremony${valid ? '' : ' (the ceremony did not complete)'}`, pass: valid && mb <= 100 };
}
