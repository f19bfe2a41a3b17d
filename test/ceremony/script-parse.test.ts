import test from 'ava';
import { parseCeremonyScript, ScriptError } from '../../src/ceremony/script-parse.ts';
import { SHIPPED, shippedScript, shippedText } from './helpers.ts';

/** The 1-based line of the first line of `text` that contains `needle` (after `after`, when given). */
function lineOf(text: string, needle: string, after = ''): number {
  const lines = text.split('\n');
  const start = after === '' ? 0 : lines.findIndex((l) => l.includes(after));
  const i = lines.findIndex((l, k) => k >= start && l.includes(needle));
  if (i < 0) throw new Error(`"${needle}" is not in the text`);
  return i + 1;
}

function problems(text: string): ScriptError {
  const e = (() => {
    try {
      parseCeremonyScript(text, 'broken.yaml', 'broken');
    } catch (err) {
      return err;
    }
    return null;
  })();
  if (!(e instanceof ScriptError)) throw new Error('the script was accepted');
  return e;
}

const BASE = shippedText('key-part-init');

test('the shipped scripts parse: roles, steps, commands, expectations and read-backs', (t) => {
  for (const name of SHIPPED) {
    const s = shippedScript(name);
    t.true(s.steps.length >= 8, name);
    t.deepEqual(s.steps.map((x) => x.number), s.steps.map((_, i) => i + 1), name);
  }
  const kpi = shippedScript('key-part-init');
  t.is(kpi.world.kind, 'fresh');
  t.deepEqual(kpi.participants.filter((p) => p.roles.includes('administrator')).map((p) => p.name), ['Alice', 'Bob', 'Carol']);
  t.deepEqual(kpi.participants.filter((p) => p.part).map((p) => p.part?.description), ['part 1 Dave', 'part 2 Erin', 'part 3 Frank']);
  const seven = kpi.steps[6];
  t.deepEqual(seven?.commands.map((c) => c.command), ['cryptounit-thrhld-set']);
  t.deepEqual(seven?.expect.map((e) => e.state), [{ word: 'thresholds', signature: 2, revocation: 2 }, { word: 'mode', mode: 'secured' }]);
  t.deepEqual(kpi.steps[10]?.readBack, [{ kind: 'register', register: 'new', units: null }]);
});

test('an unknown role is named with its line', (t) => {
  const text = BASE.replace('role: internal witness', 'role: internal witnes');
  const e = problems(text);
  t.regex(e.message, new RegExp(`^broken\\.yaml:${lineOf(text, 'role: internal witnes')}: Walter: unknown role "internal witnes"\\. Roles: ceremony administrator, internal witness, administrator, key part custodian\\.`, 'm'));
});

test('a bad state word is named with its line', (t) => {
  const text = BASE.replace('      - units selected: [1, 2]', '      - units chosen: [1, 2]');
  const e = problems(text);
  t.regex(e.message, new RegExp(`^broken\\.yaml:${lineOf(text, 'units chosen')}: unknown state word "units chosen"\\. State words: units selected, `, 'm'));
});

test('a step without an actor is named with its line', (t) => {
  const text = BASE.replace('    title: Select the units to initialize\n    actor: Olivia\n', '    title: Select the units to initialize\n');
  const e = problems(text);
  t.regex(e.message, new RegExp(`^broken\\.yaml:${lineOf(text, 'step: 2')}: step 2 has no actor: say who does it \\("actor: Alice"\\)\\.`, 'm'));
});

test('other mistakes each get one sentence with their line', (t) => {
  const cases: [string, string, RegExp][] = [
    ['actor: Alice\n    instruction: Create your signature key (administrator name Alice)', 'actor: Alicia\n    instruction: Create your signature key (administrator name Alice)', /:\d+: step 3 names the actor "Alicia", who is not a participant\./],
    ['    commands: [cryptounits]', '    commands: [cryptounitz]', /:\d+: step 1: "cryptounitz": "cryptounitz" is not a tkesim command\./],
    ['      - thresholds: 2/2', '      - thresholds: 2/9', /:\d+: "thresholds" must be SIGNATURE\/REVOCATION, each 1 to 8, like 2\/2 \(not "2\/9"\)\./],
    ['  - step: 4\n', '  - step: 5\n', /:\d+: steps are numbered 1, 2, 3, \.\.\. in order: this one should be 4, not 5\./],
    ['      - current vp as read back: 11\n    read back', '      - current vp as read back: 12\n    read back', /:\d+: "current vp as read back: 12": step 12 reads back no register\./],
    ['title: Key-part', 'titel: Key-part', /:\d+: the script: unknown field "titel"\. Known fields: title, world, allowed, setup, participants, steps\.\n.*:\d+: the script has no "title"\./],
    ['  recovery: 0\n', '  recovery: 1\n', /:\d+: "world": units must be 2 or 3, recovery 0 or 2, failover 0, 2 or 3/],
  ];
  for (const [from, to, expected] of cases) {
    t.true(BASE.includes(from), from);
    t.regex(problems(BASE.replace(from, to)).message, expected);
  }
  t.regex(problems('steps: [\n').message, /^broken\.yaml:\d+: /);
});
