/** Lesson 5: load, commit, activate (register states, verification patterns). */
import { currentRegisterIs, newRegisterIs, notAllSelected, unitsOf, wrongNewValue } from '../goals.ts';
import { activate, clearNew, commit, loadParts, selectUnits, unselectUnits } from '../recipes.ts';
import type { Lesson, Repair } from '../model.ts';
import { FIRST_PARTS, knownParts, secured } from '../setups.ts';
import { ADMINS, ALICE, BOB, DAVE, ERIN, FRANK, expectedVp, passwordBriefing, shortVp } from '../training.ts';

const MK = expectedVp(FIRST_PARTS);

const REPAIRS: readonly Repair[] = [
  { when: (s) => notAllSelected(s, unitsOf(s)), why: 'both units must be selected, so that they get the same master key.', line: selectUnits([1, 2]) },
  { when: (s) => wrongNewValue(unitsOf(s), MK), why: `a new register holds a value other than ${shortVp(MK)}: clear it, then load the three parts.`, line: clearNew(ALICE) },
];

export const lesson: Lesson = {
  id: '05-load-commit-activate',
  title: 'Load, commit, activate',
  summary: 'The new master key register goes Empty -> Full Uncommitted (load) -> Full Committed (commit), then set immediate makes it the current register (Valid).',
  goal: `Both units' CURRENT REGISTER Valid with the master key of the three parts (VP ${shortVp(MK)}), NEW REGISTER Empty.`,
  seed: 'lesson-05',
  shape: { instances: 1, units: 2, recovery: 0, failover: 0, region: 'us-south' },
  setup: [...secured([1, 2]), ...knownParts(FIRST_PARTS)],
  briefing: [
    `Units 1 and 2 are secured (2/2), Alice and Bob are selected to sign, and the workstation holds the parts of Dave, Erin and Frank (KEYNUM 1, 2, 3). Combined, they make a master key with VP ${shortVp(MK)}...`,
    ...passwordBriefing(ADMINS, [DAVE, ERIN, FRANK]),
  ],
  dualControl: true,
  panel: 'diagram',
  steps: [
    {
      title: 'Load the new master key register',
      what: 'Load the three key parts into the new master key register of both units.',
      why: 'Loading combines the parts inside the units; it needs one administrator signature and each custodian\'s password.',
      goal: (s) => newRegisterIs(unitsOf(s), 'Full Uncommitted', MK),
      nudge: 'The NEW REGISTER column is Empty. Which register command takes key parts?',
      command: 'Run cryptounit-mk-load with KEYNUMs 1 2 3, then one signature key password and the three part passwords.',
      solution: [loadParts([1, 2, 3], ALICE, FIRST_PARTS)],
      repairs: REPAIRS,
    },
    {
      title: 'Commit it',
      what: 'Commit the new master key register in both units.',
      why: 'Commit needs the full threshold of signatures: two admins agree that the loaded value (check its VP) is the right one.',
      goal: (s) => newRegisterIs(unitsOf(s), 'Full Committed', MK),
      nudge: 'Check the VP first: does it start with the value from the briefing? Then make it final.',
      command: 'Run cryptounit-mk-commit and enter the passwords of both signing keys.',
      solution: [commit([ALICE, BOB])],
      repairs: REPAIRS,
    },
    {
      title: 'Activate it',
      what: 'Make the committed master key the current one with set immediate.',
      why: 'Set immediate moves new -> current. On a first initialization there is no key storage yet, so nothing needs re-enciphering.',
      goal: (s) => [...currentRegisterIs(unitsOf(s), MK), ...newRegisterIs(unitsOf(s), 'Empty')],
      nudge: 'The current register is still Empty. There is a command that sets it immediately.',
      command: 'Run cryptounit-mk-setimm, answer y to the warning, and enter one signature key password.',
      solution: [activate(ALICE)],
    },
  ],
  wrongRoutes: [
    { why: 'loads only two of the three parts', lines: [loadParts([1, 2], ALICE, [DAVE, ERIN]), commit([ALICE, BOB]), activate(ALICE)] },
    { why: 'activates without committing', lines: [loadParts([1, 2, 3], ALICE, [DAVE, ERIN, FRANK]), activate(ALICE)] },
    { why: 'initializes unit 1 only', lines: [unselectUnits([2]), loadParts([1, 2, 3], ALICE, FIRST_PARTS), commit([ALICE, BOB]), activate(ALICE)] },
  ],
};
