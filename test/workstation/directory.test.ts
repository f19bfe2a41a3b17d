process.env.TKESIM_SCRYPT_N = '1024';
import test from 'ava';
import { chmod, mkdir, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { readJsonFile, resolveCloudTkeFiles, writeFileAtomic } from '../../src/workstation/directory.ts';
import { WorkstationError } from '../../src/workstation/errors.ts';
import { freshDir, modeOf } from './helpers.ts';

const ACCESS_TEXT = 'The directory specified by the CLOUDTKEFILES environment variable cannot be accessed. Check that it exists.';

test('CLOUDTKEFILES naming a missing directory is refused with the CLI wording and the value', async (t) => {
  const home = await freshDir(t);
  const missing = join(home, 'no-such-dir');
  const error = t.throws(() => resolveCloudTkeFiles({ CLOUDTKEFILES: missing }, home), { instanceOf: WorkstationError });
  t.is(error?.message, `${ACCESS_TEXT}\nCLOUDTKEFILES=${missing}`);
  t.is(error?.file, missing);
  t.deepEqual(await readdir(home), [], 'nothing was created, not even the default directory');
});

test('CLOUDTKEFILES naming a regular file is refused', async (t) => {
  const home = await freshDir(t);
  const file = join(home, 'plain-file');
  await writeFile(file, 'x');
  const error = t.throws(() => resolveCloudTkeFiles({ CLOUDTKEFILES: file }, home), { instanceOf: WorkstationError });
  t.true(error?.message.includes(`CLOUDTKEFILES=${file}`));
});

test('an existing CLOUDTKEFILES directory is used as it is', async (t) => {
  const home = await freshDir(t);
  const dir = join(home, 'ceremony');
  await mkdir(dir, { mode: 0o755 });
  t.is(resolveCloudTkeFiles({ CLOUDTKEFILES: dir }, home), dir);
  t.is(await modeOf(dir), 0o755, 'the mode of a directory the user made is left alone');
  t.deepEqual(await readdir(home), ['ceremony']);
});

test('without CLOUDTKEFILES, <home>/tkefiles is created with mode 0700', async (t) => {
  const home = join(await freshDir(t), 'deeper', 'home');
  const dir = resolveCloudTkeFiles({}, home);
  t.is(dir, join(home, 'tkefiles'));
  t.true((await stat(dir)).isDirectory());
  t.is(await modeOf(dir), 0o700);
  t.is(resolveCloudTkeFiles({ CLOUDTKEFILES: '' }, home), dir, 'an empty variable counts as unset');
});

test('the default directory cannot be a file', async (t) => {
  const home = await freshDir(t);
  await writeFile(join(home, 'tkefiles'), 'x');
  const error = t.throws(() => resolveCloudTkeFiles({}, home), { instanceOf: WorkstationError });
  t.true(error?.message.includes(join(home, 'tkefiles')));
});

test('writeFileAtomic writes the content with mode 0600 and leaves no temporary file', async (t) => {
  const dir = await freshDir(t);
  const file = join(dir, 'a.json');
  await writeFile(file, 'old');
  await chmod(file, 0o644);
  await writeFileAtomic(file, 'new content');
  t.is(await readFile(file, 'utf8'), 'new content');
  t.is(await modeOf(file), 0o600);
  t.deepEqual(await readdir(dir), ['a.json']);
  await writeFileAtomic(join(dir, 'b.json'), 'b', 0o640);
  t.is(await modeOf(join(dir, 'b.json')), 0o640);
});

test('readJsonFile parses a file and names the file in every failure', async (t) => {
  const dir = await freshDir(t);
  const good = join(dir, 'good.json');
  await writeFile(good, '{"a": [1, 2]}');
  t.deepEqual(await readJsonFile(good, 'selection'), { a: [1, 2] });

  const missing = join(dir, 'missing.json');
  const e1 = await t.throwsAsync(readJsonFile(missing, 'selection'), { instanceOf: WorkstationError });
  t.true(e1?.message.includes(missing));
  t.is(e1?.file, missing);

  const truncated = join(dir, 'truncated.json');
  await writeFile(truncated, '{"format": "tkesim-selection", "units": ["ab');
  const e2 = await t.throwsAsync(readJsonFile(truncated, 'selection'), { instanceOf: WorkstationError });
  t.is(e2?.message, `The selection file ${truncated} is damaged or not a tkesim selection file (truncated JSON).`);

  const garbled = join(dir, 'garbled.json');
  await writeFile(garbled, '{"secret-looking": hunter2}');
  const e3 = await t.throwsAsync(readJsonFile(garbled, 'selection'), { instanceOf: WorkstationError });
  t.true(e3?.message.includes(garbled) && e3.message.includes('invalid JSON'));
  t.false(e3?.message.includes('hunter2'), 'the file content is never quoted');

  const directory = join(dir, 'sub.json');
  await mkdir(directory);
  const e4 = await t.throwsAsync(readJsonFile(directory, 'selection'), { instanceOf: WorkstationError });
  t.true(e4?.message.includes(directory));
});
