/**
 * Refusals: a unit (or the workstation's pre-check) declining a command. A refusal is a value,
 * never an exception; it carries the EP11 return and reason codes where the reference has them,
 * the crypto module's message as the CLI prints it (TKE-REFERENCE.md section 8.2), and tkesim's
 * own sentence on what to do next.
 */
import { ep11Message } from './ep11-messages.ts';

export type RefusalCode =
  | 'IMPRINT_MODE'
  | 'NOT_IN_IMPRINT_MODE'
  | 'TOO_FEW_SIGNATURES'
  | 'INVALID_SIGNATURE'
  | 'MALFORMED_SIGNATURE'
  | 'NOT_AN_ADMIN'
  | 'ADMIN_EXISTS'
  | 'TOO_MANY_ADMINS'
  | 'ADMIN_NOT_FOUND'
  | 'REVOCATION_THRESHOLD_ZERO'
  | 'SIGNATURE_THRESHOLD_OVER_ADMINS'
  | 'REVOCATION_THRESHOLD_OVER_ADMINS'
  | 'REMOVE_BELOW_THRESHOLD'
  | 'THRESHOLD_CHANGE_NOT_ALLOWED'
  | 'SIGNATURE_THRESHOLD_ZERO'
  | 'THRESHOLD_ZERO'
  | 'COMMIT_VP_MISMATCH'
  | 'BAD_TRANSACTION_COUNTER'
  | 'INVALID_DOMAIN'
  | 'INVALID_DATA'
  | 'NEW_REGISTER_NOT_EMPTY'
  | 'NEW_REGISTER_EMPTY'
  | 'NEW_REGISTER_NOT_COMMITTED'
  | 'NEW_REGISTER_NOT_UNCOMMITTED'
  | 'CURRENT_REGISTER_EMPTY'
  | 'SAME_AS_CURRENT'
  | 'IMPORT_FAILED'
  | 'WK_NOT_INITIALIZED'
  | 'LAST_ADMIN'
  | 'ADMIN_NAME_TOO_LONG'
  | 'PROOF_OF_POSSESSION'
  | 'CONTROL_POINT_ALREADY_SET'
  | 'RANDOM_MK_NOT_PERMITTED'
  | 'MK_EXPORT_NOT_PERMITTED'
  | 'REGISTERS_FULL'
  | 'INVALID_IMPORTER_KEY';

export interface Refusal {
  readonly code: RefusalCode;
  readonly returnCode: number | null;
  readonly reasonCode: number | null;
  /** The crypto module's error message, as the CLI prints it. */
  readonly message: string;
  /** One plain sentence: why, and what to do next. */
  readonly advice: string;
  /** The CRYPTO UNIT NUM that refused, when one did. */
  readonly unit?: number;
}

interface Entry {
  readonly rc: number | null;
  readonly reason: number | null;
  /** The crypto module's message (section 8.2) for EP11 codes; tkesim's own for the others. */
  readonly message: string;
  readonly advice: string;
}

/** An EP11 refusal: its message is the module's, looked up by the codes. */
function ep11(rc: number, reason: number | null, advice: string): Entry {
  const message = ep11Message(rc, reason);
  if (message === null) throw new Error(`no EP11 message for ${rc}/${reason ?? ''}`);
  return { rc, reason, message, advice };
}

/** A refusal without EP11 codes (a register state the reference gives no code for, a workstation check). */
const own = (message: string, advice: string): Entry => ({ rc: null, reason: null, message, advice });

export const REFUSALS: Readonly<Record<RefusalCode, Entry>> = {
  IMPRINT_MODE: ep11(179, null, 'Install administrators and leave imprint mode with cryptounit-thrhld-set first.'),
  NOT_IN_IMPRINT_MODE: own('The crypto unit is not in imprint mode.', 'Its thresholds are already set; change them with cryptounit-thrhld-set, or unselect it with cryptounit-rm.'),
  TOO_FEW_SIGNATURES: ep11(208, null, 'Select more administrator signature keys with sigkey-sel so that their number meets the threshold, then run the command again.'),
  INVALID_SIGNATURE: ep11(192, null, 'The command or its transaction counter was altered after signing; run the command again so that it is signed afresh.'),
  MALFORMED_SIGNATURE: ep11(193, null, 'The signed request was damaged; run the command again from the TKE CLI.'),
  NOT_AN_ADMIN: ep11(257, null, 'Check the installed administrators with cryptounit-admins and select their signature keys with sigkey-sel.'),
  ADMIN_EXISTS: ep11(256, 38, 'Each signature key can be installed once per crypto unit; choose a different signature key.'),
  TOO_MANY_ADMINS: ep11(261, 39, 'A crypto unit holds at most 8 administrators; remove one with cryptounit-admin-rm before adding another.'),
  ADMIN_NOT_FOUND: ep11(32, 32, 'List the installed administrators with cryptounit-admins and choose one of them.'),
  REVOCATION_THRESHOLD_ZERO: ep11(209, 36, 'Set a revocation threshold between 1 and 8.'),
  SIGNATURE_THRESHOLD_OVER_ADMINS: ep11(209, 57, 'Add more administrators with cryptounit-admin-add, or choose a smaller signature threshold.'),
  REVOCATION_THRESHOLD_OVER_ADMINS: ep11(209, 58, 'Add more administrators with cryptounit-admin-add, or choose a smaller revocation threshold.'),
  REMOVE_BELOW_THRESHOLD: ep11(209, 66, 'Lower the thresholds with cryptounit-thrhld-set, or add another administrator first.'),
  THRESHOLD_CHANGE_NOT_ALLOWED: ep11(209, 71, 'A plug-in of version 0.0.11 or older locked these thresholds; only a zeroize lifts the lock: zeroize, re-add the administrators, set the thresholds and reload the master key.'),
  SIGNATURE_THRESHOLD_ZERO: ep11(209, 76, 'Only cryptounit-zeroize returns a crypto unit to imprint mode; choose a threshold between 1 and 8.'),
  THRESHOLD_ZERO: ep11(209, 77, 'Only cryptounit-zeroize returns a crypto unit to imprint mode; choose a threshold between 1 and 8.'),
  COMMIT_VP_MISMATCH: ep11(101, 48, 'The selected crypto units hold different new master keys; clear them with cryptounit-mk-clrnew and load the same key parts into all of them.'),
  BAD_TRANSACTION_COUNTER: ep11(163, null, 'The signed command was already used or is out of date; a replayed command is refused. Run the command again so that it is signed afresh.'),
  INVALID_DOMAIN: ep11(3, null, 'The crypto unit no longer exists; list the crypto units with cryptounits.'),
  INVALID_DATA: ep11(32, null, 'The crypto unit does not know the value the command carries; for control points, run help cryptounit-cp for the indices.'),
  NEW_REGISTER_NOT_EMPTY: own('The new master key register is not empty.', 'Clear it with cryptounit-mk-clrnew before loading a new master key.'),
  NEW_REGISTER_EMPTY: own('The new master key register is empty.', 'Load a master key with cryptounit-mk-load first.'),
  NEW_REGISTER_NOT_COMMITTED: own('The new master key register is not committed.', 'Commit the new master key with cryptounit-mk-commit first.'),
  NEW_REGISTER_NOT_UNCOMMITTED: own('The new master key register does not hold an uncommitted master key.', 'Only a register in the Full Uncommitted state can be committed; check it with cryptounit-mk.'),
  CURRENT_REGISTER_EMPTY: own('The current master key register is empty.', 'Activate a master key with cryptounit-mk-setimm first.'),
  SAME_AS_CURRENT: own('The new master key is the same as the current master key.', 'A rotation needs at least one new key part; create one with mk-add, clear the new register with cryptounit-mk-clrnew and load again.'),
  IMPORT_FAILED: own('The master key could not be imported into the crypto unit.', 'Run cryptounit-mk-load again.'),
  WK_NOT_INITIALIZED: own('CKR_IBM_WK_NOT_INITIALIZED', 'The current master key register is not Valid; finish the load, commit and setimm first.'),
  LAST_ADMIN: ep11(209, 66, 'Zeroize the crypto unit with cryptounit-zeroize to return it to imprint mode instead; the last administrator of a crypto unit outside imprint mode cannot be removed.'),
  ADMIN_NAME_TOO_LONG: own('The administrator name is longer than 30 characters.', 'Choose a name of at most 30 characters.'),
  PROOF_OF_POSSESSION: ep11(192, null, 'The administrator certificate must be signed by its own key: run cryptounit-admin-add again and enter the password of the signature key being installed.'),
  RANDOM_MK_NOT_PERMITTED: ep11(80, 52, 'Only recovery crypto units generate random master keys; auto-init and auto-mk-rotate use one, or load key parts with cryptounit-mk-load.'),
  MK_EXPORT_NOT_PERMITTED: ep11(80, 131, 'Only recovery crypto units export their master key; select a recovery crypto unit that holds it as the source.'),
  REGISTERS_FULL: own('Both master key registers are full.', 'Clear the new master key register with cryptounit-mk-clrnew before generating a random master key.'),
  INVALID_IMPORTER_KEY: own('The importer key of the target crypto unit is not valid.', 'Run the command again; the importer key is taken from the target crypto unit.'),
  CONTROL_POINT_ALREADY_SET: own('The control point is already set.', 'Nothing to do: check the control points with cryptounit-compare.'),
};

export function refusal(code: RefusalCode, unit?: number): Refusal {
  const e = REFUSALS[code];
  return { code, returnCode: e.rc, reasonCode: e.reason, message: e.message, advice: e.advice, ...(unit === undefined ? {} : { unit }) };
}
