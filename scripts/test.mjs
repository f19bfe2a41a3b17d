// The test command: typecheck, lint, build, then every ava test (TAP), ending with one plain line
// "N passed, N failed" computed from this run. Exits non-zero on any failure.
import { spawn } from 'node:child_process';

let passed = 0;
let failed = 0;
const failures = [];

function run(cmd, args, { tap = false, env = process.env } = {}) {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let buffer = '';
    const onLine = (line) => {
      if (!tap) return;
      const m = /^(not ok|ok) \d+ - (.*)$/.exec(line);
      if (!m) return;
      if (/# SKIP/.test(line)) return;
      if (m[1] === 'ok') passed++;
      else {
        failed++;
        failures.push(m[2]);
      }
    };
    child.stdout.on('data', (d) => {
      process.stdout.write(d);
      buffer += d;
      let nl;
      while ((nl = buffer.indexOf('\n')) >= 0) {
        onLine(buffer.slice(0, nl));
        buffer = buffer.slice(nl + 1);
      }
    });
    child.stderr.on('data', (d) => process.stderr.write(d));
    child.on('close', (code) => {
      if (buffer) onLine(buffer);
      resolve(code ?? 1);
    });
  });
}

async function step(name, cmd, args) {
  console.log(`\n== ${name}: ${cmd} ${args.join(' ')}`);
  const code = await run(cmd, args);
  if (code === 0) passed++;
  else {
    failed++;
    failures.push(name);
  }
  return code;
}

const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';
await step('typecheck', npx, ['tsc', '--noEmit']);
await step('lint', npx, ['eslint', '.']);
await step('build', 'node', ['scripts/build.mjs']);

console.log('\n== tests: ava --tap');
const env = { ...process.env, FORCE_COLOR: '0' };
const files = process.argv.slice(2);
const avaCode = await run(npx, ['ava', '--tap', ...files], { tap: true, env });
if (avaCode !== 0 && failures.length === 0) {
  failed++;
  failures.push(`ava exited with ${avaCode}`);
}

if (failures.length) console.log(`\nFailed:\n${failures.map((f) => `  - ${f}`).join('\n')}`);
console.log(`\n${passed} passed, ${failed} failed`);
process.exit(failed === 0 && avaCode === 0 ? 0 : 1);
