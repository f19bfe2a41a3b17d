/** Lesson 4: master key parts and their custodians. */
import { check } from '../goals.ts';
import type { Lesson, LessonState } from '../model.ts';
import { createKnownPart, createRandomPart } from '../recipes.ts';
import { secured } from '../setups.ts';
import { ADMINS, DAVE, ERIN, FRANK, GINA, expectedVp, passwordBriefing, shortVp } from '../training.ts';

const FRANK_VP = expectedVp([FRANK]);
const parts = (s: LessonState) => s.workstation.keyParts;

export const lesson: Lesson = {
  id: '04-key-parts',
  title: 'Master key parts and their custodians',
  summary: 'A master key is built from 2 or 3 parts, each held by a different custodian in a password-protected file. A verification pattern identifies a part without revealing it.',
  goal: 'Three key parts on the workstation: two random ones (Dave, Erin) and Frank\'s known value from the vault.',
  seed: 'lesson-04',
  shape: { instances: 1, units: 2, recovery: 0, failover: 0, region: 'us-south' },
  setup: secured([1, 2]),
  briefing: [
    'Units 1 and 2 are secured (SIG/REV 2/2, Alice, Bob and Carol installed). Now the custodians create the master key parts. Each custodian types their own password: only they can open their part.',
    `Frank kept his part's value in the vault: ${FRANK.value}`,
    `(its verification pattern starts ${shortVp(FRANK_VP)}). Suggested training passwords:`,
    ...passwordBriefing([], [DAVE, ERIN, FRANK]).slice(1),
    'The signature key passwords are unchanged:',
    ...passwordBriefing(ADMINS).slice(1),
  ],
  dualControl: true,
  panel: 'diagram',
  steps: [
    {
      title: 'Dave creates a random key part',
      what: 'Create the first master key part with a random value, described as Dave\'s and protected by his password.',
      why: 'No single person ever knows the whole master key: each custodian knows only their part, and the unit combines them.',
      goal: (s) => [check('a key part on the workstation (mks)', parts(s).length >= 1)],
      nudge: 'Key parts are workstation files, like signature keys. Their commands start with "mk".',
      command: 'Run mk-add --random: a description, then a password twice.',
      solution: [createRandomPart(DAVE)],
    },
    {
      title: 'Erin creates her key part',
      what: 'Create a second random key part for Erin, with a password of her own.',
      why: 'A master key needs at least 2 parts. The same password on two parts would let one person open both: a hygiene breach.',
      goal: (s) => [check('two key parts with different verification patterns (mks)', new Set(parts(s).map((p) => p.vp)).size >= 2)],
      nudge: 'The same command as Dave\'s, with Erin\'s own description and password.',
      command: 'Run mk-add --random again, described as Erin\'s part, with a different password.',
      solution: [createRandomPart(ERIN)],
    },
    {
      title: 'Frank enters his part from the vault',
      what: 'Create the third part with the exact value Frank kept, then check that its verification pattern matches.',
      why: 'A known value lets a ceremony re-create the same master key later. The verification pattern proves the value was typed correctly without showing it.',
      goal: (s) => [
        check('three key parts (mks)', parts(s).length >= 3),
        check(`a key part with VERIFICATION PATTERN ${shortVp(FRANK_VP)}...`, parts(s).some((p) => p.vp === FRANK_VP)),
      ],
      nudge: 'This part is not random: mk-add has another option for a value you already have.',
      command: 'Run mk-add --value: the 64 hex digits from the briefing, a description, and Frank\'s password twice.',
      solution: [createKnownPart(FRANK)],
    },
  ],
  wrongRoutes: [
    { why: 'creates only two parts', lines: [createRandomPart(DAVE), createRandomPart(ERIN)] },
    { why: 'makes Frank\'s part random instead of his known value', lines: [createRandomPart(DAVE), createRandomPart(ERIN), createRandomPart(FRANK)] },
    { why: 'types the wrong value for Frank\'s part', lines: [createRandomPart(DAVE), createRandomPart(ERIN), createKnownPart({ ...FRANK, value: GINA.value })] },
  ],
};
