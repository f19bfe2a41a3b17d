/** Lesson 6: verify the instance (compare, configured the same), with failover units to bring in line. */
import { adminSet, allSelected, check, configuredTheSame, currentRegisterIs, eachUnit, isSelected, newRegisterIs, thresholds, unitsNumbered, unitsOf, wrongNewValue } from '../goals.ts';
import type { Lesson, LessonState } from '../model.ts';
import { activate, clearNew, commit, compare, installAdmin, loadParts, selectUnits, setThresholds, unless, unselectUnits } from '../recipes.ts';
import { FIRST_PARTS, initialized } from '../setups.ts';
import { ADMINS, ALICE, BOB, CAROL, DAVE, ERIN, FRANK, expectedVp, passwordBriefing, shortVp } from '../training.ts';

const MK = expectedVp(FIRST_PARTS);
const failover = (s: LessonState) => unitsNumbered(s, [3, 4]);
const operational = (s: LessonState) => unitsNumbered(s, [1, 2]);
const reference = (s: LessonState) => operational(s)[0]?.unit;
const hasAdmin = (s: LessonState, keynum: number) => {
  const key = s.workstation.signatureKeys.find((k) => k.keynum === keynum);
  return key !== undefined && failover(s).every(({ unit }) => unit.admins.some((a) => a.ski === key.ski));
};

export const lesson: Lesson = {
  id: '06-verify',
  title: 'Verify the instance: configured the same',
  summary: 'cryptounit-compare checks that every unit of an instance has the same administrators, thresholds, registers and control points. Failover units must be initialized exactly like the operational ones.',
  goal: `All four units (operational 1, 2 and failover 3, 4) configured the same, current register Valid ${shortVp(MK)}.`,
  seed: 'lesson-06',
  shape: { instances: 1, units: 2, recovery: 0, failover: 2, region: 'us-south' },
  setup: initialized([1, 2]),
  briefing: [
    'The operational units 1 and 2 were initialized last week. The instance also has two FAILOVER units (3 and 4, in us-east) that were enabled later and are still in imprint mode: in a regional disaster they could not take over. Compare the instance, then give 3 and 4 the same administrators, thresholds and master key, and verify.',
    ...passwordBriefing(ADMINS, [DAVE, ERIN, FRANK]),
  ],
  dualControl: true,
  steps: [
    {
      title: 'Compare the whole instance',
      what: 'Select the failover units too, so that all four units are selected, and run cryptounit-compare.',
      why: 'Compare only looks at selected units: checking just 1 and 2 would say "configured the same" and hide the failover units.',
      goal: (s) => [allSelected(s, unitsOf(s))],
      nudge: 'The status line shows units 1, 2 selected. The instance has more units than that.',
      command: 'Run cryptounit-add with 3 4, then cryptounit-compare and read its verdict line.',
      solution: [unless(selectUnits([3, 4]), (s) => failover(s).every(({ unit }) => isSelected(s, unit))), compare()],
    },
    {
      title: 'Same administrators on the failover units',
      what: 'Install Alice, Bob and Carol in units 3 and 4 only.',
      why: 'Units 1 and 2 already have these admins and are secured: with them selected, admin-add would need signatures and be refused as "admin already exists". Repair one group at a time.',
      goal: (s) => {
        const ref = reference(s);
        return eachUnit(failover(s), 'ADMINS the same as unit 1', (u) => ref !== undefined && adminSet(u) === adminSet(ref));
      },
      nudge: 'Which units does admin-add act on? Units 1 and 2 must not be selected for this.',
      command: 'Run cryptounit-rm 1 2, then cryptounit-admin-add for KEYNUM 1, 2 and 3, each with its password.',
      solution: [
        unless(unselectUnits([1, 2]), (s) => operational(s).every(({ unit }) => !isSelected(s, unit))),
        unless(installAdmin(1, ALICE), (s) => hasAdmin(s, 1)),
        unless(installAdmin(2, BOB), (s) => hasAdmin(s, 2)),
        installAdmin(3, CAROL),
      ],
    },
    {
      title: 'Same thresholds',
      what: 'Set the thresholds of units 3 and 4 to 2/2, like units 1 and 2.',
      why: 'Units with different thresholds are configured differently; rotation refuses to run on them.',
      goal: (s) => eachUnit(failover(s), 'SIG/REV 2/2', thresholds(2, 2)),
      nudge: 'The same command that took units 1 and 2 out of imprint mode.',
      command: 'With only 3 and 4 selected, run cryptounit-thrhld-set: 2, 2, then Alice\'s and Bob\'s passwords.',
      solution: [setThresholds(2, 2, [ALICE, BOB])],
    },
    {
      title: 'Same master key',
      what: 'Load the same three parts into units 3 and 4, commit, and activate.',
      why: 'The same parts give the same master key, so the failover units can decrypt the instance\'s key storage.',
      goal: (s) => [...currentRegisterIs(failover(s), MK), ...newRegisterIs(failover(s), 'Empty')],
      nudge: 'The same three steps as a first initialization, with the same parts as units 1 and 2.',
      command: 'Run cryptounit-mk-load (KEYNUM 1 2 3), cryptounit-mk-commit, then cryptounit-mk-setimm.',
      solution: [
        unless(loadParts([1, 2, 3], ALICE, FIRST_PARTS), (s) => failover(s).every(({ unit }) => unit.newRegister.state !== 'Empty')),
        unless(commit([ALICE, BOB]), (s) => failover(s).every(({ unit }) => unit.newRegister.state === 'Full Committed')),
        activate(ALICE),
      ],
      repairs: [
        { when: (s) => operational(s).some(({ unit }) => isSelected(s, unit)), why: 'units 1 and 2 already hold the master key: select only 3 and 4.', line: unselectUnits([1, 2]) },
        { when: (s) => wrongNewValue(failover(s), MK), why: `a new register holds a value other than ${shortVp(MK)}: clear it, then load parts 1 2 3.`, line: clearNew(ALICE) },
      ],
    },
    {
      title: 'Verify all four units',
      what: 'Select all four units again and compare: the verdict must be "All crypto units are configured the same".',
      why: 'Always finish a repair with a compare of the whole instance; the panel\'s ≠ marks show the same check.',
      goal: (s) => [allSelected(s, unitsOf(s)), configuredTheSame(unitsOf(s)), check('no unit in imprint mode', unitsOf(s).every(({ unit }) => unit.signatureThreshold > 0))],
      nudge: 'Compare only sees what is selected.',
      command: 'Run cryptounit-add 1 2, then cryptounit-compare.',
      solution: [selectUnits([1, 2]), compare()],
    },
  ],
  wrongRoutes: [
    { why: 'only compares, repairs nothing', lines: [selectUnits([3, 4]), compare()] },
    { why: 'adds administrators with all four units selected', lines: [selectUnits([3, 4]), installAdmin(1, ALICE, [ALICE, BOB])] },
    {
      why: 'gives the failover units a different master key',
      lines: [selectUnits([3, 4]), unselectUnits([1, 2]), ...ADMINS.map((a, i) => installAdmin(i + 1, a)), setThresholds(2, 2, [ALICE, BOB]), loadParts([1, 2], ALICE, [DAVE, ERIN]), commit([ALICE, BOB]), activate(ALICE), selectUnits([1, 2])],
    },
  ],
};
