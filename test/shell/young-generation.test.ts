/**
 * The shell keeps V8's young generation at its first size (idle-gc.ts): without it, a ceremony's
 * allocations grow it to 2 x 16 MB, resident for the rest of the session.
 */
import test from 'ava';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { ROOT } from '../helpers/cli.ts';

const SCRIPT = (limit: boolean) => `
import { getHeapSpaceStatistics } from 'node:v8';
import { keepYoungGenerationSmall } from ${JSON.stringify(join(ROOT, 'src', 'shell', 'idle-gc.ts'))};
if (${limit}) keepYoungGenerationSmall();
let keep = [];
for (let i = 0; i < 3e6; i++) { keep.push({ i, a: [i] }); if (keep.length > 2e5) keep = []; }
const young = getHeapSpaceStatistics().find((s) => s.space_name === 'new_space');
process.stdout.write(String(young.space_size));
`;

function youngGenerationBytes(limit: boolean): number {
  const r = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', SCRIPT(limit)], { cwd: ROOT, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(r.stderr);
  return Number(r.stdout);
}

test('after many surviving allocations the young generation stays at a few MB', (t) => {
  const grown = youngGenerationBytes(false);
  const kept = youngGenerationBytes(true);
  t.true(grown > 16e6, `without the limit: ${grown} bytes`);
  t.true(kept <= 4.5e6, `with the limit: ${kept} bytes`);
});
