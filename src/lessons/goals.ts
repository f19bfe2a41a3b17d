/**
 * Building blocks for step goals: the shared state checks (src/core/state-checks.ts), which the
 * ceremony scripts use too, in the lessons' own terms.
 */
export {
  SERVING_TYPES, adminSet, allSelected, check, configuredTheSame, currentRegisterIs, currentVp, eachUnit, isSelected, keysReadable,
  newRegisterIs, newVp, notAllSelected, numbers, sameAdmins, sameValue, signingAdmins, thresholds, unitsNumbered, unitsOf, wrongNewValue,
  type NumberedUnit,
} from '../core/state-checks.ts';
