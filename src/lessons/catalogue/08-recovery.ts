/**
 * Lesson 8: recovering from mistakes: a wrong part loaded (clear the new register), a unit zeroized
 * (rebuild it alone), and units that drifted apart (repair them by selecting units one at a time).
 */
import { adminSet, allSelected, configuredTheSame, currentRegisterIs, eachUnit, isSelected, newRegisterIs, thresholds, unitsNumbered, unitsOf } from '../goals.ts';
import type { Lesson, LessonState } from '../model.ts';
import { activate, clearNew, commit, compare, installAdmin, loadParts, selectUnits, setThresholds, unless, unselectUnits, zeroize } from '../recipes.ts';
import { FIRST_PARTS, initialized, knownParts } from '../setups.ts';
import { ADMINS, ALICE, BOB, CAROL, DAVE, ERIN, FRANK, GINA, HANK, OLD, expectedVp, passwordBriefing, shortVp } from '../training.ts';

const MK = expectedVp(FIRST_PARTS);
const NEXT_MK = expectedVp([GINA, HANK]);
const WRONG_MK = expectedVp([GINA, OLD]);
const pair = (s: LessonState) => unitsNumbered(s, [1, 2]);
const third = (s: LessonState) => unitsNumbered(s, [3]);
const onThird = (s: LessonState, keynum: number) => {
  const key = s.workstation.signatureKeys.find((k) => k.keynum === keynum);
  return key !== undefined && third(s).every(({ unit }) => unit.admins.some((a) => a.ski === key.ski));
};

export const lesson: Lesson = {
  id: '08-recovery',
  title: 'Recovering from mistakes',
  summary: 'Clear a wrongly loaded new register, rebuild a zeroized unit on its own, and bring units that drifted apart back to the same configuration by selecting units one at a time.',
  goal: `Units 1, 2 and 3 configured the same again, current ${shortVp(MK)}, with the intended new master key (Gina + Hank, ${shortVp(NEXT_MK)}) committed in all three.`,
  seed: 'lesson-08',
  shape: { instances: 1, units: 3, recovery: 0, failover: 0, region: 'us-south' },
  setup: [
    ...initialized([1, 2, 3]),
    ...knownParts([GINA, HANK, OLD]),
    loadParts([4, 6], ALICE, [GINA, OLD]),
    unselectUnits([1, 2]),
    zeroize(ALICE),
    selectUnits([1, 2]),
  ],
  briefing: [
    'Yesterday\'s rotation ceremony went wrong twice:',
    `  - Ivan's old part (KEYNUM 6) was loaded instead of Hank's (KEYNUM 5): units 1 and 2 hold a new key ${shortVp(WRONG_MK)}, not the intended ${shortVp(NEXT_MK)} of Gina + Hank (KEYNUM 4 and 5);`,
    '  - unit 3 was zeroized by mistake: it is back in imprint mode, with no admins and empty registers.',
    'All three units are selected. Repair them; nothing here needs IBM support.',
    ...passwordBriefing(ADMINS, [DAVE, ERIN, FRANK, GINA, HANK, OLD]),
  ],
  dualControl: true,
  steps: [
    {
      title: 'Clear the wrong new master key',
      what: 'Clear the new register of units 1 and 2. Unit 3 is in imprint mode and refuses register commands: leave it out.',
      why: 'A loaded value can never be changed in place: cryptounit-mk-clrnew empties the register (1 signature), then you can load again.',
      goal: (s) => newRegisterIs(pair(s), 'Empty'),
      nudge: 'Which units will the command act on? One of them cannot run register commands right now.',
      command: 'Run cryptounit-rm 3, then cryptounit-mk-clrnew with one signature key password.',
      solution: [unless(unselectUnits([3]), (s) => third(s).every(({ unit }) => !isSelected(s, unit))), clearNew(ALICE)],
    },
    {
      title: 'Rebuild unit 3: administrators and thresholds',
      what: 'Select unit 3 alone, install Alice, Bob and Carol, and set its thresholds to 2/2.',
      why: 'A zeroized unit is in imprint mode: it is rebuilt like a new one, alone, so that the secured units 1 and 2 are not touched.',
      goal: (s) => {
        const ref = pair(s)[0]?.unit;
        return [
          ...eachUnit(third(s), 'ADMINS the same as unit 1', (u) => ref !== undefined && adminSet(u) === adminSet(ref)),
          ...eachUnit(third(s), 'SIG/REV 2/2', thresholds(2, 2)),
        ];
      },
      nudge: 'Select units one at a time when they have drifted apart: only unit 3 needs this work.',
      command: 'Run cryptounit-rm 1 2 and cryptounit-add 3, then cryptounit-admin-add for KEYNUM 1, 2, 3, then cryptounit-thrhld-set 2 2.',
      solution: [
        unless(unselectUnits([1, 2]), (s) => pair(s).every(({ unit }) => !isSelected(s, unit))),
        unless(selectUnits([3]), (s) => third(s).every(({ unit }) => isSelected(s, unit))),
        unless(installAdmin(1, ALICE), (s) => onThird(s, 1)),
        unless(installAdmin(2, BOB), (s) => onThird(s, 2)),
        unless(installAdmin(3, CAROL), (s) => onThird(s, 3)),
        setThresholds(2, 2, [ALICE, BOB]),
      ],
    },
    {
      title: 'Restore unit 3\'s current master key',
      what: 'Give unit 3 the same current master key as units 1 and 2: load the first ceremony\'s parts (KEYNUM 1 2 3), commit, activate.',
      why: 'The same parts rebuild the same master key; set immediate is right here because unit 3 has no key storage to re-encipher.',
      goal: (s) => [...currentRegisterIs(third(s), MK), ...newRegisterIs(third(s), 'Empty'), configuredTheSame(unitsOf(s))],
      nudge: `Units 1 and 2 have CURRENT REGISTER Valid ${shortVp(MK)}. Which parts made that key?`,
      command: 'With unit 3 alone selected: cryptounit-mk-load 1 2 3, cryptounit-mk-commit, cryptounit-mk-setimm.',
      solution: [
        unless(loadParts([1, 2, 3], ALICE, FIRST_PARTS), (s) => third(s).every(({ unit }) => unit.newRegister.state !== 'Empty')),
        unless(commit([ALICE, BOB]), (s) => third(s).every(({ unit }) => unit.newRegister.state === 'Full Committed')),
        activate(ALICE),
      ],
    },
    {
      title: 'Load the intended new master key everywhere',
      what: 'Select all three units, load Gina\'s and Hank\'s parts (KEYNUM 4 and 5) and commit; check the VP before committing.',
      why: 'Now that the units match, the rotation can resume on the whole instance with the right parts.',
      goal: (s) => [allSelected(s, unitsOf(s)), ...newRegisterIs(unitsOf(s), 'Full Committed', NEXT_MK)],
      nudge: `The VP to expect starts ${shortVp(NEXT_MK)}. Which KEYNUMs are Gina's and Hank's?`,
      command: 'Run cryptounit-add 1 2, cryptounit-mk-load 4 5, check the VP, then cryptounit-mk-commit.',
      solution: [
        unless(selectUnits([1, 2]), (s) => pair(s).every(({ unit }) => isSelected(s, unit))),
        unless(loadParts([4, 5], ALICE, [GINA, HANK]), (s) => unitsOf(s).every(({ unit }) => unit.newRegister.state !== 'Empty')),
        commit([ALICE, BOB]),
        compare(),
      ],
    },
  ],
  wrongRoutes: [
    { why: 'clears the new register with the zeroized unit still selected', lines: [clearNew(ALICE)] },
    { why: 'loads the right parts over the wrong ones without clearing', lines: [unselectUnits([3]), loadParts([4, 5], ALICE, [GINA, HANK]), commit([ALICE, BOB])] },
    {
      why: 'rebuilds unit 3 with the new parts instead of the current master key',
      lines: [unselectUnits([3]), clearNew(ALICE), unselectUnits([1, 2]), selectUnits([3]), ...ADMINS.map((a, i) => installAdmin(i + 1, a)), setThresholds(2, 2, [ALICE, BOB]), loadParts([4, 5], ALICE, [GINA, HANK]), commit([ALICE, BOB]), activate(ALICE), selectUnits([1, 2])],
    },
  ],
};
