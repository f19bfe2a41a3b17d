/**
 * Why a unit refused, and what to do next: one entry per refusal code of the simulator, per
 * rotation pre-check, and per EP11 return/reason code of the reference catalogue (TKE-REFERENCE.md
 * section 6), including the codes the simulator never produces.
 */
import type { RefusalCode } from '../core/refusal.ts';
import type { RotationProblem } from '../core/rotation.ts';

export interface Explanation {
  readonly why: string;
  readonly next: string;
}

const e = (why: string, next: string): Explanation => ({ why, next });

const OVER_ADMINS = (which: string) => e(
  `A ${which} threshold larger than the number of installed administrators could never be met: the unit would be locked for good.`,
  `Install more administrators first (cryptounit-admin-add), or choose a smaller ${which} threshold.`,
);
const BACK_TO_ZERO = (which: string) => e(
  `Once a unit has left imprint mode, its ${which} threshold cannot go back to 0.`,
  'Choose a threshold from 1 to 8. Only cryptounit-zeroize returns a unit to imprint mode, and it erases its administrators and registers.',
);

export const REFUSAL_EXPLANATIONS: Readonly<Record<RefusalCode, Explanation>> = {
  IMPRINT_MODE: e(
    'The unit is in imprint mode (SIG/REV 0/0). There only admin-add, admin-rm, thrhld-set and zeroize are allowed: the master key registers and control points wait until the unit is secured.',
    'Secure it (admins, sigkey-sel, cryptounit-thrhld-set), or unselect it with cryptounit-rm if only the other selected units should change.',
  ),
  NOT_IN_IMPRINT_MODE: e(
    'cryptounit-exit-impr only takes a unit out of imprint mode, and this unit has already left it (its thresholds are set).',
    'Change the thresholds with cryptounit-thrhld-set, or unselect the unit with cryptounit-rm.',
  ),
  INVALID_DOMAIN: e('The request named a crypto unit (HSM domain) that does not exist any more.', 'List the crypto units with cryptounits and select them again.'),
  INVALID_DATA: e(
    'The unit did not accept a value the command carried: for cryptounit-cp, a control point index the unit does not have.',
    'Check the value; help cryptounit-cp lists the control point indices.',
  ),
  TOO_FEW_SIGNATURES: e(
    'The command needs as many signatures as the unit\'s threshold (when leaving imprint mode: the new signature threshold), and fewer selected keys of installed administrators signed.',
    'Select enough administrator keys with sigkey-sel (the status line shows them under sigkeys), then run the command again.',
  ),
  INVALID_SIGNATURE: e(
    'A signature did not verify against the administrator\'s public key: the command, its target unit or its transaction counter changed after it was signed.',
    'Run the command again so that it is signed afresh; a captured or altered request is never accepted.',
  ),
  MALFORMED_SIGNATURE: e('The signed request was damaged: a signature or key has the wrong length or format.', 'Run the command again from the TKE CLI.'),
  NOT_AN_ADMIN: e(
    'A selected signature key is not installed as an administrator in the refusing unit, so the unit cannot trust its signature.',
    'Compare cryptounit-admins with sigkeys: select keys that are installed (sigkey-sel), or install the key first with cryptounit-admin-add.',
  ),
  ADMIN_EXISTS: e(
    'That signature key is already an administrator of the unit. This usually means units that already have it are still selected.',
    'Unselect the units that already have it (cryptounit-rm) and add it to the others, or choose another key.',
  ),
  TOO_MANY_ADMINS: e('A crypto unit holds at most 8 administrators.', 'Remove one with cryptounit-admin-rm (it needs the revocation threshold of signatures) before adding another.'),
  ADMIN_NOT_FOUND: e('The administrator to remove is not installed in the unit: the selected units may hold different admins.', 'Check cryptounit-admins and select only the units that hold it.'),
  REVOCATION_THRESHOLD_ZERO: e(
    'Leaving imprint mode needs a revocation threshold of at least 1; with 0 nobody could ever remove an administrator safely.',
    'Run cryptounit-thrhld-set again with a revocation threshold from 1 to 8 (2 or more for dual control).',
  ),
  SIGNATURE_THRESHOLD_OVER_ADMINS: OVER_ADMINS('signature'),
  REVOCATION_THRESHOLD_OVER_ADMINS: OVER_ADMINS('revocation'),
  REMOVE_BELOW_THRESHOLD: e(
    'Removing this administrator would leave fewer admins than a threshold, and the unit could no longer be administered.',
    'Add another administrator first, or lower the thresholds with cryptounit-thrhld-set.',
  ),
  THRESHOLD_CHANGE_NOT_ALLOWED: e(
    'The unit\'s attribute control bits forbid changing a threshold: units set up by TKE plug-in 0.0.11 or older were locked to thresholds of 1.',
    'Only a zeroize lifts the lock: zeroize the units (cryptounit-zeroize), re-add the administrators, set the thresholds, and reload the master key.',
  ),
  SIGNATURE_THRESHOLD_ZERO: BACK_TO_ZERO('signature'),
  THRESHOLD_ZERO: BACK_TO_ZERO('revocation'),
  COMMIT_VP_MISMATCH: e(
    'The commit carries the verification pattern of the loaded value, and a selected unit holds a different new master key: the units do not match.',
    'Compare the NEW REGISTER VPs (cryptounit-mk); clear the odd units with cryptounit-mk-clrnew and load the same parts into all of them.',
  ),
  BAD_TRANSACTION_COUNTER: e(
    'Every signed command is bound to the unit\'s transaction counter; the counter has moved on (another change came first, or this is a replay).',
    'Run the command again: it is signed against the current counter.',
  ),
  NEW_REGISTER_NOT_EMPTY: e('A new master key register that holds a value cannot be loaded again: a value is never changed in place.', 'Clear it with cryptounit-mk-clrnew (1 signature), then load the right parts.'),
  NEW_REGISTER_EMPTY: e('The new master key register is empty: there is nothing to commit or activate.', 'Load it first with cryptounit-mk-load.'),
  NEW_REGISTER_NOT_COMMITTED: e('Set immediate and rotate only take a committed value: two admins must first agree it is the right one.', 'Commit it with cryptounit-mk-commit (threshold signatures), then run the command again.'),
  NEW_REGISTER_NOT_UNCOMMITTED: e('Only a Full Uncommitted register can be committed; this one is already committed.', 'Check with cryptounit-mk and continue with cryptounit-mk-setimm or cryptounit-mk-rotate.'),
  CURRENT_REGISTER_EMPTY: e('The command needs a Valid current master key, and the current register is empty.', 'Finish the load, commit and set immediate first.'),
  SAME_AS_CURRENT: e('These parts combine into the master key that is already current; a rotation must change the key.', 'Create at least one new part with mk-add, clear the new register if needed, and load again.'),
  IMPORT_FAILED: e('The unit could not open the key value sealed to its importer key.', 'Run cryptounit-mk-load again.'),
  WK_NOT_INITIALIZED: e('CKR_IBM_WK_NOT_INITIALIZED: key storage needs a Valid current master key.', 'Complete the load, commit and set immediate of a master key first.'),
  LAST_ADMIN: e('A secured unit must keep at least one administrator, or nobody could sign for it.', 'To start over, zeroize the unit with cryptounit-zeroize: it returns to imprint mode and loses its admins and registers.'),
  ADMIN_NAME_TOO_LONG: e('An administrator name is at most 30 characters: it is a fixed field of the certificate.', 'Create the signature key again with a shorter name.'),
  PROOF_OF_POSSESSION: e('The certificate of a new administrator must be signed by its own key, to prove you hold it.', 'Run cryptounit-admin-add again and enter the password of the key being installed.'),
  CONTROL_POINT_ALREADY_SET: e('The control point is already set: there was nothing to change.', 'Check the control points with cryptounit-compare.'),
  RANDOM_MK_NOT_PERMITTED: e(
    'Only recovery crypto units are permitted to generate a random master key; operational units take key parts or a transferred value.',
    'Use auto-init or auto-mk-rotate (they pick a recovery unit), or load key parts with cryptounit-mk-load.',
  ),
  MK_EXPORT_NOT_PERMITTED: e(
    'Operational units never export their master key: only a recovery unit may be the source of a transfer.',
    'Select a recovery unit that holds the master key as the source (cryptounit-add), then run the command again.',
  ),
  REGISTERS_FULL: e('Both master key registers hold a value, so there is no room for a freshly generated one.', 'Clear the new register with cryptounit-mk-clrnew, then run the command again.'),
  INVALID_IMPORTER_KEY: e('The target unit\'s importer key, which the master key is sealed to in transit, was not valid.', 'Run the command again: the importer key is read from the target unit afresh.'),
};

export const ROTATION_EXPLANATIONS: Readonly<Record<RotationProblem, Explanation>> = {
  'invalid-selection': e('Rotation works on exactly one service instance, with all of its operational and failover units selected.', 'Select every such unit of the instance with cryptounit-add (and unselect other instances), then rotate again.'),
  'imprint-mode': e('A selected unit is in imprint mode: it holds no master key to rotate.', 'Rebuild that unit alone (admins, thresholds, the current master key) before rotating.'),
  'thresholds-differ': e('The selected units have different signature thresholds: they are configured differently.', 'Bring them to the same thresholds one unit at a time, check with cryptounit-compare, then rotate.'),
  'no-common-admins': e('Not enough selected signature keys are installed administrators of every selected unit.', 'Select keys installed everywhere with sigkey-sel (cryptounit-admins shows who is installed).'),
  'current-registers': e('Rotation needs every current register Valid with the same verification pattern.', 'Compare the CURRENT REGISTER column; repair the odd units first (recover or reload their master key).'),
  'new-registers': e('Rotation needs every new register Full Committed with the same verification pattern.', 'Load and commit the same new parts into every unit (clear a wrong one with cryptounit-mk-clrnew first).'),
  'no-recovery-units': e('auto-mk-rotate generates the new master key in a recovery unit, and this instance has none (eu-es has none at all).', 'Rotate with key parts instead: cryptounit-mk-load, cryptounit-mk-commit, cryptounit-mk-rotate.'),
};

export interface ReferenceCode {
  readonly rc: number;
  /** Reason codes that share the entry (empty: the code has no reason). */
  readonly reasons: readonly number[];
  readonly meaning: string;
  readonly explanation: Explanation;
}

const byCode = (rc: number, reasons: readonly number[], meaning: string, code: RefusalCode): ReferenceCode =>
  ({ rc, reasons, meaning, explanation: REFUSAL_EXPLANATIONS[code] });

/** The EP11 catalogue of TKE-REFERENCE.md section 6, with the codes tkesim never produces too. */
export const REFERENCE_CODES: readonly ReferenceCode[] = [
  byCode(179, [], 'Operation not allowed while the unit is in imprint mode', 'IMPRINT_MODE'),
  byCode(208, [], 'Not enough signatures were supplied', 'TOO_FEW_SIGNATURES'),
  byCode(192, [], 'A supplied signature is invalid', 'INVALID_SIGNATURE'),
  byCode(193, [], 'A signature is malformed', 'MALFORMED_SIGNATURE'),
  byCode(257, [], 'Signed by someone who is not an installed admin', 'NOT_AN_ADMIN'),
  byCode(256, [38], 'The admin already exists on the unit', 'ADMIN_EXISTS'),
  byCode(261, [39], 'The unit already has the maximum number of admins', 'TOO_MANY_ADMINS'),
  byCode(32, [32], 'Admin not found (wrong SKI)', 'ADMIN_NOT_FOUND'),
  byCode(209, [36, 56], 'Cannot leave imprint mode with a revocation threshold of 0', 'REVOCATION_THRESHOLD_ZERO'),
  byCode(209, [57], 'Signature threshold greater than the number of installed admins', 'SIGNATURE_THRESHOLD_OVER_ADMINS'),
  byCode(209, [58], 'Revocation threshold greater than the number of installed admins', 'REVOCATION_THRESHOLD_OVER_ADMINS'),
  byCode(209, [66], 'Removing the admin would leave fewer admins than a threshold', 'REMOVE_BELOW_THRESHOLD'),
  byCode(209, [71], 'A threshold cannot change because its attribute control bit is reset', 'THRESHOLD_CHANGE_NOT_ALLOWED'),
  byCode(209, [76], 'The signature threshold cannot be set to 0', 'SIGNATURE_THRESHOLD_ZERO'),
  byCode(209, [77], 'The revocation threshold cannot be set to 0', 'THRESHOLD_ZERO'),
  {
    rc: 209, reasons: [78, 79], meaning: 'The permissions do not allow a threshold of 1',
    explanation: e('The unit\'s permissions require dual control: a signature or revocation threshold of 1 is not accepted.', 'Choose thresholds of 2 or more (and install at least that many administrators).'),
  },
  byCode(101, [48], 'Commit failed: the VP of the new master key does not match the register', 'COMMIT_VP_MISMATCH'),
  byCode(80, [52], 'Domain permissions forbid a random master key load', 'RANDOM_MK_NOT_PERMITTED'),
  {
    rc: 80, reasons: [80], meaning: 'Domain permissions forbid a master key load',
    explanation: e('The unit\'s domain permissions do not allow a master key to be loaded this way.', 'Use the method the unit allows: key parts with cryptounit-mk-load, or a transfer from a recovery unit with auto-mk-recover.'),
  },
  byCode(80, [131], 'Domain permissions forbid a master key export', 'MK_EXPORT_NOT_PERMITTED'),
  {
    rc: 80, reasons: [46, 47], meaning: 'Control point management bits forbid setting or resetting control points',
    explanation: e('The unit\'s control points are locked by its management bits.', 'Check them with cryptounit-compare; changing locked control points needs the unit zeroized and initialized again.'),
  },
  byCode(163, [], 'Invalid transaction counter', 'BAD_TRANSACTION_COUNTER'),
  {
    rc: 3, reasons: [], meaning: 'Invalid domain',
    explanation: e('The request named a crypto unit (HSM domain) that does not exist any more.', 'List the crypto units with cryptounits and select them again.'),
  },
];

/** The reference entry for a return code and optional reason code. */
export function referenceCode(rc: number, reason: number | null): ReferenceCode | undefined {
  const same = REFERENCE_CODES.filter((r) => r.rc === rc);
  return same.find((r) => reason !== null && r.reasons.includes(reason)) ?? same.find((r) => r.reasons.length === 0) ?? (reason === null ? same[0] : undefined);
}
