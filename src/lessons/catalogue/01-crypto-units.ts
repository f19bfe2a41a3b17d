/** Lesson 1: crypto units, service instances, and the selection. */
import { allSelected, check, isSelected, unitsOf } from '../goals.ts';
import type { Lesson } from '../model.ts';
import { selectUnits, unselectUnits } from '../recipes.ts';

export const lesson: Lesson = {
  id: '01-crypto-units',
  title: 'Crypto units, service instances and the selection',
  summary: 'What a service instance and a crypto unit are, how CRYPTO UNIT NUMs count across instances, and how the selection decides which units a command changes.',
  goal: 'Select exactly the operational crypto units of the second service instance.',
  seed: 'lesson-01',
  shape: { instances: 2, units: 2, recovery: 2, failover: 0, region: 'us-south' },
  setup: [],
  briefing: [
    'Your resource group holds two service instances. Each owns crypto units: HSM domains in different availability zones. OPERATIONAL units serve keys; RECOVERY units (3*, 4*, 7*, 8*) only keep a backup of the master key. CRYPTO UNIT NUMs count across all instances in order: the second instance starts at 5.',
    'Administrative commands act on every selected unit (● in the panel); the selection persists.',
  ],
  dualControl: false,
  steps: [
    {
      title: 'Select the first instance',
      what: 'List the crypto units with cryptounits, then select the two OPERATIONAL units of the first service instance.',
      why: 'Every administrative command acts on all selected units at once: selecting a whole instance keeps its units configured the same.',
      goal: (s) => [allSelected(s, unitsOf(s, 0))],
      nudge: 'The panel marks selected units with ●. Which command adds crypto units to the selection?',
      command: 'Use cryptounit-add and answer with the CRYPTO UNIT NUMs of the first instance\'s OPERATIONAL units, separated by spaces.',
      solution: [selectUnits([1, 2])],
    },
    {
      title: 'Switch to the second instance',
      what: 'Work on the second service instance instead: select its two OPERATIONAL units and unselect every unit of the first.',
      why: 'A selection that spans two instances would change both at once; rotation refuses to run unless exactly one instance is selected.',
      goal: (s) => [
        allSelected(s, unitsOf(s, 1)),
        check('no unit of the first instance selected (○ on units 1 to 4)', unitsOf(s, 0, ['OPERATIONAL', 'RECOVERY', 'FAILOVER']).every(({ unit }) => !isSelected(s, unit))),
      ],
      nudge: 'The second instance\'s numbers continue after the first instance\'s last unit. And something must also leave the selection.',
      command: 'Use cryptounit-rm to unselect units of the first instance, and cryptounit-add for the second instance\'s OPERATIONAL units (5 and 6).',
      solution: [
        { ...unselectUnits([1, 2]), already: (s) => unitsOf(s, 0).every(({ unit }) => !isSelected(s, unit)) },
        selectUnits([5, 6]),
      ],
    },
  ],
  wrongRoutes: [
    { why: 'selects both instances at once', lines: [selectUnits([1, 2, 5, 6])] },
    { why: 'selects the recovery units instead of the operational ones', lines: [selectUnits([3, 4, 7, 8])] },
    { why: 'selects only one unit of the second instance', lines: [selectUnits([1, 2]), unselectUnits([1, 2]), selectUnits([5])] },
  ],
};
