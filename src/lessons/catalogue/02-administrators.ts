/** Lesson 2: signature keys and administrators, in imprint mode. */
import { check, eachUnit, sameAdmins, unitsOf, type NumberedUnit } from '../goals.ts';
import type { Lesson, LessonState } from '../model.ts';
import { createSignatureKey, installAdmin, selectUnits, unless, unselectUnits } from '../recipes.ts';
import { ALICE, BOB, CAROL, passwordBriefing, type TrainingAdmin } from '../training.ts';

const SHAPE = { instances: 1, units: 2, recovery: 0, failover: 0, region: 'us-south' } as const;

const hasKey = (s: LessonState, a: TrainingAdmin) => s.workstation.signatureKeys.some((k) => k.name === a.name);
const installed = (s: LessonState, units: readonly NumberedUnit[], a: TrainingAdmin) => {
  const key = s.workstation.signatureKeys.find((k) => k.name === a.name);
  return key !== undefined && units.every(({ unit }) => unit.admins.some((x) => x.ski === key.ski));
};

export const lesson: Lesson = {
  id: '02-administrators',
  title: 'Signature keys and administrators, in imprint mode',
  summary: 'Create a signature key for each administrator and install the administrators in the crypto units while they are still in imprint mode.',
  goal: 'Three administrators, Alice, Bob and Carol, installed in both operational crypto units.',
  seed: 'lesson-02',
  shape: SHAPE,
  setup: [selectUnits([1, 2])],
  briefing: [
    'Units 1 and 2 are selected and in IMPRINT mode (SIG/REV 0/0): they accept administrators without any signature. An administrator is a signature key whose public part is installed in a unit; its private part stays in a password-protected file on this workstation (CLOUDTKEFILES).',
    'Choose your own passwords, or use the training values:',
    ...passwordBriefing([ALICE, BOB, CAROL]).slice(1),
  ],
  dualControl: false,
  steps: [
    {
      title: 'Create Alice\'s signature key',
      what: 'Create a signature key for the first administrator, Alice, protected by her password.',
      why: 'Every administrative command after imprint mode is signed with administrators\' keys; only the key\'s owner should know its password.',
      goal: (s) => [check('a signature key on the workstation (sigkeys)', s.workstation.signatureKeys.length >= 1)],
      nudge: 'Signature keys live on the workstation, not in the crypto units. The workstation commands start with "sigkey".',
      command: 'Run sigkey-add: it asks for the administrator name, then a password twice.',
      solution: [createSignatureKey(ALICE)],
    },
    {
      title: 'Create Bob\'s and Carol\'s keys',
      what: 'Create two more signature keys, one for Bob and one for Carol, each with its own password.',
      why: 'Dual control needs several administrators: later, thresholds of 2 mean no single person can change a unit.',
      goal: (s) => [check('three signature keys with different names (sigkeys)', new Set(s.workstation.signatureKeys.map((k) => k.name)).size >= 3)],
      nudge: 'The same command again, once per administrator.',
      command: 'Run sigkey-add twice more: names Bob and Carol, each with a different password.',
      solution: [unless(createSignatureKey(BOB), (s) => hasKey(s, BOB)), unless(createSignatureKey(CAROL), (s) => hasKey(s, CAROL))],
    },
    {
      title: 'Install the three administrators',
      what: 'Install each signature key as an administrator in both selected crypto units.',
      why: 'In imprint mode, cryptounit-admin-add needs no signature; the key\'s own password proves you hold it. Install the admins before leaving imprint mode.',
      goal: (s) => [
        ...eachUnit(unitsOf(s), 'ADMINS 3/8 or more', (u) => u.admins.length >= 3),
        sameAdmins(unitsOf(s)),
      ],
      nudge: 'The admins are added to the crypto units, one signature key at a time. Watch ADMINS in the panel.',
      command: 'Run cryptounit-admin-add three times, with KEYNUM 1, 2 and 3, each followed by that key\'s password.',
      solution: [
        unless(installAdmin(1, ALICE), (s) => installed(s, unitsOf(s), ALICE)),
        unless(installAdmin(2, BOB), (s) => installed(s, unitsOf(s), BOB)),
        installAdmin(3, CAROL),
      ],
    },
  ],
  wrongRoutes: [
    { why: 'installs only two of the three administrators', lines: [createSignatureKey(ALICE), createSignatureKey(BOB), createSignatureKey(CAROL), installAdmin(1, ALICE), installAdmin(2, BOB)] },
    { why: 'installs the administrators in unit 1 only', lines: [createSignatureKey(ALICE), createSignatureKey(BOB), createSignatureKey(CAROL), unselectUnits([2]), installAdmin(1, ALICE), installAdmin(2, BOB), installAdmin(3, CAROL)] },
    { why: 'creates and installs a single administrator', lines: [createSignatureKey(ALICE), installAdmin(1, ALICE)] },
  ],
};
