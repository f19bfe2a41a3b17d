/**
 * Refusals: a unit (or the workstation's pre-check) declining a command. A refusal is a value,
 * never an exception; it carries the EP11 return and reason codes where the reference has them
 * and one sentence on what to do next.
 */

export type RefusalCode =
  | 'IMPRINT_MODE'
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
  | 'SIGNATURE_THRESHOLD_ZERO'
  | 'THRESHOLD_ZERO'
  | 'COMMIT_VP_MISMATCH'
  | 'BAD_TRANSACTION_COUNTER'
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
  readonly message: string;
  readonly advice: string;
}

export const REFUSALS: Readonly<Record<RefusalCode, Entry>> = {
  IMPRINT_MODE: { rc: 179, reason: null, message: 'The operation is not allowed while the crypto unit is in imprint mode.', advice: 'Install administrators and leave imprint mode with cryptounit-thrhld-set first.' },
  TOO_FEW_SIGNATURES: { rc: 208, reason: null, message: 'Not enough signatures were supplied for the command.', advice: 'Select more administrator signature keys with sigkey-sel so that their number meets the threshold, then run the command again.' },
  INVALID_SIGNATURE: { rc: 192, reason: null, message: 'A supplied signature is invalid.', advice: 'The command or its transaction counter was altered after signing; run the command again so that it is signed afresh.' },
  MALFORMED_SIGNATURE: { rc: 193, reason: null, message: 'A signature is malformed.', advice: 'The signed request was damaged; run the command again from the TKE CLI.' },
  NOT_AN_ADMIN: { rc: 257, reason: null, message: 'The command was signed by a key that is not an installed administrator.', advice: 'Check the installed administrators with cryptounit-admins and select their signature keys with sigkey-sel.' },
  ADMIN_EXISTS: { rc: 256, reason: 38, message: 'The administrator already exists on the crypto unit.', advice: 'Each signature key can be installed once per crypto unit; choose a different signature key.' },
  TOO_MANY_ADMINS: { rc: 261, reason: 39, message: 'The maximum number of administrators already exists.', advice: 'A crypto unit holds at most 8 administrators; remove one with cryptounit-admin-rm before adding another.' },
  ADMIN_NOT_FOUND: { rc: 32, reason: 32, message: 'The administrator was not found.', advice: 'List the installed administrators with cryptounit-admins and choose one of them.' },
  REVOCATION_THRESHOLD_ZERO: { rc: 209, reason: 36, message: 'Imprint mode cannot be left with a revocation threshold of 0.', advice: 'Set a revocation threshold between 1 and 8.' },
  SIGNATURE_THRESHOLD_OVER_ADMINS: { rc: 209, reason: 57, message: 'The signature threshold is greater than the number of installed administrators.', advice: 'Add more administrators with cryptounit-admin-add, or choose a smaller signature threshold.' },
  REVOCATION_THRESHOLD_OVER_ADMINS: { rc: 209, reason: 58, message: 'The revocation threshold is greater than the number of installed administrators.', advice: 'Add more administrators with cryptounit-admin-add, or choose a smaller revocation threshold.' },
  REMOVE_BELOW_THRESHOLD: { rc: 209, reason: 66, message: 'Removing the administrator would leave fewer administrators than a threshold.', advice: 'Lower the thresholds with cryptounit-thrhld-set, or add another administrator first.' },
  SIGNATURE_THRESHOLD_ZERO: { rc: 209, reason: 76, message: 'The signature threshold cannot be set to 0.', advice: 'Only cryptounit-zeroize returns a crypto unit to imprint mode; choose a threshold between 1 and 8.' },
  THRESHOLD_ZERO: { rc: 209, reason: 77, message: 'The revocation threshold cannot be set to 0.', advice: 'Only cryptounit-zeroize returns a crypto unit to imprint mode; choose a threshold between 1 and 8.' },
  COMMIT_VP_MISMATCH: { rc: 101, reason: 48, message: 'Commit failed: the verification pattern of the new master key does not match the register.', advice: 'The selected crypto units hold different new master keys; clear them with cryptounit-mk-clrnew and load the same key parts into all of them.' },
  BAD_TRANSACTION_COUNTER: { rc: 163, reason: null, message: 'The transaction counter of the command is invalid.', advice: 'The signed command was already used or is out of date; a replayed command is refused. Run the command again so that it is signed afresh.' },
  NEW_REGISTER_NOT_EMPTY: { rc: null, reason: null, message: 'The new master key register is not empty.', advice: 'Clear it with cryptounit-mk-clrnew before loading a new master key.' },
  NEW_REGISTER_EMPTY: { rc: null, reason: null, message: 'The new master key register is empty.', advice: 'Load a master key with cryptounit-mk-load first.' },
  NEW_REGISTER_NOT_COMMITTED: { rc: null, reason: null, message: 'The new master key register is not committed.', advice: 'Commit the new master key with cryptounit-mk-commit first.' },
  NEW_REGISTER_NOT_UNCOMMITTED: { rc: null, reason: null, message: 'The new master key register does not hold an uncommitted master key.', advice: 'Only a register in the Full Uncommitted state can be committed; check it with cryptounit-mk.' },
  CURRENT_REGISTER_EMPTY: { rc: null, reason: null, message: 'The current master key register is empty.', advice: 'Activate a master key with cryptounit-mk-setimm first.' },
  SAME_AS_CURRENT: { rc: null, reason: null, message: 'The new master key is the same as the current master key.', advice: 'A rotation needs at least one new key part; create one with mk-add, clear the new register with cryptounit-mk-clrnew and load again.' },
  IMPORT_FAILED: { rc: null, reason: null, message: 'The master key could not be imported into the crypto unit.', advice: 'Run cryptounit-mk-load again.' },
  WK_NOT_INITIALIZED: { rc: null, reason: null, message: 'CKR_IBM_WK_NOT_INITIALIZED', advice: 'The current master key register is not Valid; finish the load, commit and setimm first.' },
  LAST_ADMIN: { rc: 209, reason: 66, message: 'The last administrator of a crypto unit outside imprint mode cannot be removed.', advice: 'Zeroize the crypto unit with cryptounit-zeroize to return it to imprint mode instead.' },
  ADMIN_NAME_TOO_LONG: { rc: null, reason: null, message: 'The administrator name is longer than 30 characters.', advice: 'Choose a name of at most 30 characters.' },
  PROOF_OF_POSSESSION: { rc: 192, reason: null, message: 'The administrator certificate is not signed by its own key.', advice: 'Run cryptounit-admin-add again and enter the password of the signature key being installed.' },
  RANDOM_MK_NOT_PERMITTED: { rc: 80, reason: 52, message: 'The domain permissions do not allow a random master key to be loaded.', advice: 'Only recovery crypto units generate random master keys; auto-init and auto-mk-rotate use one, or load key parts with cryptounit-mk-load.' },
  MK_EXPORT_NOT_PERMITTED: { rc: 80, reason: 131, message: 'The domain permissions do not allow the master key to be exported.', advice: 'Only recovery crypto units export their master key; select a recovery crypto unit that holds it as the source.' },
  REGISTERS_FULL: { rc: null, reason: null, message: 'Both master key registers are full.', advice: 'Clear the new master key register with cryptounit-mk-clrnew before generating a random master key.' },
  INVALID_IMPORTER_KEY: { rc: null, reason: null, message: 'The importer key of the target crypto unit is not valid.', advice: 'Run the command again; the importer key is taken from the target crypto unit.' },
  CONTROL_POINT_ALREADY_SET: { rc: null, reason: null, message: 'The control point is already set.', advice: 'Nothing to do: check the control points with cryptounit-compare.' },
};

export function refusal(code: RefusalCode, unit?: number): Refusal {
  const e = REFUSALS[code];
  return { code, returnCode: e.rc, reasonCode: e.reason, message: e.message, advice: e.advice, ...(unit === undefined ? {} : { unit }) };
}
