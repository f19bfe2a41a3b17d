/** Lesson 3: thresholds and leaving imprint mode (quorum, revocation threshold). */
import { check, eachUnit, notAllSelected, signingAdmins, thresholds, unitsOf } from '../goals.ts';
import type { Lesson } from '../model.ts';
import { createSignatureKey, installAdmin, selectSigners, selectUnits, setThresholds, unselectUnits } from '../recipes.ts';
import { ADMINS, ALICE, BOB, CAROL, passwordBriefing } from '../training.ts';

export const lesson: Lesson = {
  id: '03-thresholds',
  title: 'Thresholds and leaving imprint mode',
  summary: 'Quorum: the signature threshold (signatures most commands need) and the revocation threshold (signatures to remove an administrator). Setting them is how a unit leaves imprint mode.',
  goal: 'Both operational units secured under dual control: signature and revocation thresholds 2/2, with three administrators.',
  seed: 'lesson-03',
  shape: { instances: 1, units: 2, recovery: 0, failover: 0, region: 'us-south' },
  setup: [selectUnits([1, 2]), ...ADMINS.map(createSignatureKey), installAdmin(1, ALICE), installAdmin(2, BOB)],
  briefing: [
    'Units 1 and 2 are selected, still in IMPRINT mode, with Alice and Bob installed. Carol\'s signature key (KEYNUM 3) exists but is not installed yet. While in imprint mode anyone can change the units: setting thresholds ends that. With 3 admins and thresholds 2/2, any two of them can act, and losing one key does not lock you out.',
    ...passwordBriefing(ADMINS),
  ],
  dualControl: true,
  steps: [
    {
      title: 'Install Carol as the third administrator',
      what: 'Install Carol\'s signature key in both units, so that three administrators are installed.',
      why: 'A threshold can never exceed the number of installed admins; one spare admin means a lost key or an absent custodian does not stop the ceremony.',
      goal: (s) => eachUnit(unitsOf(s), 'ADMINS 3/8', (u) => u.admins.length >= 3),
      nudge: 'Units 1 and 2 show ADMINS 2/8. Carol\'s key already exists on the workstation.',
      command: 'Run cryptounit-admin-add with Carol\'s KEYNUM (sigkeys lists it) and her password.',
      solution: [installAdmin(3, CAROL)],
    },
    {
      title: 'Choose two administrators to sign',
      what: 'Select the signature keys of two installed administrators as the current signature keys.',
      why: 'Leaving imprint mode with a signature threshold of 2 must be signed by 2 installed administrators: the workstation signs with the selected keys.',
      goal: (s) => [check('two selected signature keys of installed admins (status line: sigkeys)', signingAdmins(s, unitsOf(s)) >= 2)],
      nudge: 'Look at "sigkeys" in the status line: no key signs yet.',
      command: 'Run sigkey-sel and enter two KEYNUMs (for example 1 2), then each key\'s password.',
      solution: [selectSigners([1, 2], [ALICE, BOB])],
    },
    {
      title: 'Leave imprint mode with thresholds 2/2',
      what: 'Set the signature threshold to 2 and the revocation threshold to 2 in both units.',
      why: 'A threshold of 2 is dual control: no single administrator can change a unit, load a master key or remove another admin alone.',
      goal: (s) => eachUnit(unitsOf(s), 'MODE secured, SIG/REV 2/2', thresholds(2, 2)),
      nudge: 'One command sets both thresholds at once, and that is what ends imprint mode.',
      command: 'Run cryptounit-thrhld-set: answer 2, then 2, then the passwords of the two signing keys.',
      solution: [setThresholds(2, 2, [ALICE, BOB])],
      repairs: [
        { when: (s) => notAllSelected(s, unitsOf(s)), why: 'both units must be selected, so that both leave imprint mode.', line: selectUnits([1, 2]) },
        { when: (s) => signingAdmins(s, unitsOf(s)) < 2, why: 'two signing keys must be selected: the threshold needs two signatures.', line: selectSigners([1, 2], [ALICE, BOB]) },
      ],
    },
  ],
  wrongRoutes: [
    { why: 'sets thresholds of 1: no dual control', lines: [installAdmin(3, CAROL), selectSigners([1, 2], [ALICE, BOB]), setThresholds(1, 1, [ALICE])] },
    { why: 'only one signing key: too few signatures for a threshold of 2', lines: [installAdmin(3, CAROL), selectSigners([1], [ALICE]), setThresholds(2, 2, [ALICE])] },
    { why: 'leaves unit 2 in imprint mode', lines: [installAdmin(3, CAROL), selectSigners([1, 2], [ALICE, BOB]), unselectUnits([2]), setThresholds(2, 2, [ALICE, BOB])] },
  ],
};
