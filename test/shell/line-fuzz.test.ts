import test from 'ava';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { seededBytes } from '../../src/core/crypto.ts';
import { ShellController } from '../../src/shell/controller.ts';
import { COMMAND_NAMES, shellEngine } from '../../src/shell/engine-adapter.ts';

/** A small deterministic generator of hostile lines. */
function generator(seed: string) {
  let draw = 0;
  const bytes = () => seededBytes(seed, draw++, 64);
  const int = (n: number) => (bytes()[0] ?? 0) % n + (((bytes()[1] ?? 0) << 8) % n) % n;
  const pick = <T,>(xs: readonly T[]): T => xs[int(xs.length) % xs.length] as T;
  const junkChar = () => pick(['x', '€', '日', '\u0000', '\u0007', '\u001b', '\t', '"', "'", '\\', '-', '--', '%', '🔑', 'ǅ', '\u202e', ';', '|', '$(', '`', '9x', '-1', '1.5', 'NaN', ' ']);
  const junk = (n: number) => Array.from({ length: n }, junkChar).join('');
  return (): string => {
    switch (int(7)) {
      case 0: return junk(1 + int(20));
      case 1: return `${pick(COMMAND_NAMES.filter((c) => !['exit', 'clear', 'help'].includes(c)))} ${junk(1 + int(5))}x`;
      case 2: return 'z'.repeat(10_000);
      case 3: return `--${junk(3)}`;
      case 4: return `ibmcloud tke ${junk(4)}`;
      case 5: return `sim ${pick(['init', 'keys', 'reset', 'frob'])} --${pick(['units', 'region', 'seed', 'bogus'])} ${junk(2)}x`;
      default: return Buffer.from(bytes()).toString('latin1');
    }
  };
}

test('2,000 random lines into the shell\'s line handler: no crash, each answered with an error or help, world unchanged', async (t) => {
  const home = mkdtempSync(join(tmpdir(), 'tkesim-fuzz-'));
  const env: NodeJS.ProcessEnv = { ...process.env, TKESIM_HOME: home, TKESIM_SCRYPT_N: '1024' };
  delete env.CLOUDTKEFILES;
  const controller = new ShellController(shellEngine(env));
  await controller.refresh(null);
  const before = readFileSync(join(home, 'world.json'), 'utf8');
  const next = generator('fuzz');
  let unanswered = 0;
  for (let i = 0; i < 2000; i++) {
    const line = next();
    if (line.trim() === '' || ['exit', 'quit', 'clear'].includes(line.trim())) continue;
    const logBefore = controller.view.log.length;
    const running = controller.submit(line);
    // A line that opens a dialog is cancelled at its first question, as Ctrl-C would.
    let settled = false;
    void running.then(() => (settled = true));
    const deadline = Date.now() + 20_000;
    while (!settled && Date.now() < deadline) {
      if (controller.view.question) controller.interrupt(false);
      await new Promise((r) => setTimeout(r, 1));
    }
    const outcome = await running;
    const added = controller.view.log.slice(logBefore);
    const answered = added.some((item) => item.tone === 'error' || /USAGE:|No answer was given|cancelled/.test(item.text));
    if (!answered || outcome === null || outcome.status === 'ok') {
      unanswered++;
      t.log(`not answered with an error: ${JSON.stringify(line.slice(0, 80))} -> ${outcome?.status}`);
    }
  }
  t.is(unanswered, 0);
  t.false(controller.view.exited);
  t.is(readFileSync(join(home, 'world.json'), 'utf8'), before, 'the world is unchanged');
});
