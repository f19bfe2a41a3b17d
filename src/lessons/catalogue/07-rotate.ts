/** Lesson 7: rotate the master key with keys in storage (re-encipher). */
import { check, currentVp, currentRegisterIs, keysReadable, newRegisterIs, newVp, sameValue, unitsOf } from '../goals.ts';
import type { Lesson, LessonState } from '../model.ts';
import { activate, commit, createRandomPart, loadParts, rotate, unless, unselectUnits } from '../recipes.ts';
import { FIRST_PARTS, initialized } from '../setups.ts';
import { ADMINS, ALICE, BOB, DAVE, ERIN, FRANK, GINA, HANK, expectedVp, passwordBriefing, shortVp } from '../training.ts';

const OLD_MK = expectedVp(FIRST_PARTS);
const OLD_PART_VPS = FIRST_PARTS.map((p) => expectedVp([p]));
const newParts = (s: LessonState) => s.workstation.keyParts.filter((p) => !OLD_PART_VPS.includes(p.vp));
const KEYS = 20;

export const lesson: Lesson = {
  id: '07-rotate',
  title: 'Rotate the master key with keys in storage',
  summary: 'Rotation loads and commits a new master key, then cryptounit-mk-rotate re-enciphers every key in key storage under it before promoting it to current. Set immediate alone would make the stored keys unreadable.',
  goal: `A new current master key (not ${shortVp(OLD_MK)}) in both units, new register Empty, and all ${KEYS} stored keys still readable.`,
  seed: 'lesson-07',
  shape: { instances: 1, units: 2, recovery: 0, failover: 0, region: 'us-south' },
  setup: [...initialized([1, 2]), { line: `sim keys create ${KEYS}`, answers: [] }],
  briefing: [
    `Units 1 and 2 are initialized (current VP ${shortVp(OLD_MK)}) and their key storage holds ${KEYS} root keys`,
    `(KEYS ${KEYS}/${KEYS}). Policy says: rotate the master key. Two new custodians, Gina and Hank, bring new parts.`,
    ...passwordBriefing(ADMINS, [DAVE, ERIN, FRANK, GINA, HANK]),
  ],
  dualControl: true,
  panel: 'diagram',
  steps: [
    {
      title: 'Create the new key parts',
      what: 'Create two new random key parts, one for Gina and one for Hank, each with their own password.',
      why: 'The same parts give the same master key, which a rotation refuses: at least one part must be new.',
      goal: (s) => [check('two new key parts beside the first ceremony\'s three (mks)', newParts(s).length >= 2)],
      nudge: 'A rotation starts like an initialization: with custodians and their parts.',
      command: 'Run mk-add --random twice: parts described as Gina\'s and Hank\'s.',
      solution: [unless(createRandomPart(GINA), (s) => newParts(s).length >= 1), createRandomPart(HANK)],
    },
    {
      title: 'Load and commit the new master key',
      what: 'Load the two new parts (KEYNUM 4 and 5) into the new register of both units, and commit it.',
      why: 'The current register keeps serving keys while the new value waits, Full Committed, in the new register.',
      goal: (s) => [
        ...newRegisterIs(unitsOf(s), 'Full Committed'),
        sameValue(unitsOf(s), 'new'),
        check('the new master key differs from the current one', unitsOf(s).every(({ unit }) => newVp(unit) !== currentVp(unit))),
      ],
      nudge: 'Same two commands as in lesson 5; only the parts change.',
      command: 'Run cryptounit-mk-load with 4 5 (Alice signs, then Gina\'s and Hank\'s passwords), then cryptounit-mk-commit.',
      solution: [
        unless(loadParts([4, 5], ALICE, [GINA, HANK]), (s) => unitsOf(s).every(({ unit }) => unit.newRegister.state !== 'Empty')),
        commit([ALICE, BOB]),
      ],
    },
    {
      title: 'Rotate',
      what: 'Re-encipher the key storage under the new master key and promote it, with cryptounit-mk-rotate.',
      why: 'Rotate rewraps every stored key inside the units, then does the set immediate itself. Set immediate alone would leave the keys under the old key: unreadable.',
      goal: (s) => [
        ...currentRegisterIs(unitsOf(s)),
        check(`CURRENT REGISTER no longer ${shortVp(OLD_MK)}`, unitsOf(s).every(({ unit }) => currentVp(unit) !== OLD_MK)),
        ...newRegisterIs(unitsOf(s), 'Empty'),
        ...keysReadable(unitsOf(s)),
      ],
      nudge: 'Do not use set immediate here: watch the KEYS column.',
      command: 'Run cryptounit-mk-rotate, answer y to the pre-check, and enter one signature key password.',
      solution: [rotate(ALICE)],
    },
  ],
  wrongRoutes: [
    { why: 'activates with set immediate: stored keys become unreadable', lines: [createRandomPart(GINA), createRandomPart(HANK), loadParts([4, 5], ALICE, [GINA, HANK]), commit([ALICE, BOB]), activate(ALICE)] },
    { why: 'loads the first ceremony\'s parts again', lines: [createRandomPart(GINA), createRandomPart(HANK), loadParts([1, 2, 3], ALICE, FIRST_PARTS), commit([ALICE, BOB]), rotate(ALICE)] },
    { why: 'rotates with only unit 1 selected', lines: [createRandomPart(GINA), createRandomPart(HANK), loadParts([4, 5], ALICE, [GINA, HANK]), commit([ALICE, BOB]), unselectUnits([2]), rotate(ALICE)] },
  ],
};
