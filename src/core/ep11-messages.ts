/**
 * The EP11 crypto module's error messages, exactly as the TKE CLI prints them after
 * `Error message: ` (TKE-REFERENCE.md section 8.2, from the SDK's tkeHTPErrors.go). Two spaces
 * follow a full stop inside a message, as in the real text. A message is looked up by return and
 * reason code, falling back to the return code alone.
 */

interface Ep11Message {
  readonly rc: number;
  /** The reason codes the message is for; empty: any reason (the fallback for the return code). */
  readonly reasons: readonly number[];
  readonly message: string;
}

const m = (rc: number, reasons: readonly number[], message: string): Ep11Message => ({ rc, reasons, message });

export const EP11_MESSAGES: readonly Ep11Message[] = [
  m(3, [], 'The domain specified for the command is invalid.'),
  m(32, [], 'Invalid data was provided for the command.  The format or value of the data is incorrect.'),
  m(32, [32], 'Administrator not found.  The administrator does not exist on the target domain or crypto module, or the supplied Subject Key Identifier (SKI) has incorrect length.'),
  m(80, [], 'The attribute or control point settings do not allow the command to be executed.'),
  m(80, [46], 'Change not allowed.  The control point management bits for this domain prohibit setting control points.'),
  m(80, [47], 'Change not allowed.  The control point management bits for this domain prohibit resetting control points.'),
  m(80, [52], 'Operation not allowed.  The permissions for this domain prohibit loading random master key values.'),
  m(80, [80], 'Operation not allowed.  The permissions for this domain prohibit loading master keys.'),
  m(80, [131], 'Operation not allowed.  The permissions for this domain prohibit exporting master master keys.'),
  m(96, [], 'A requested key, certificate, or audit log record was not found.'),
  m(101, [48], 'Commit failed.  The supplied verification pattern of the new master key does not match the verification pattern of the key in the register.  This error will occur if the master keys being committed in a domain group are not all the same.'),
  m(163, [], 'Invalid transaction counter.'),
  m(179, [], 'Operation not allowed in imprint mode.'),
  m(192, [], 'One or more signatures provided with the command is invalid.'),
  m(193, [], 'A signature was malformed.'),
  m(208, [], 'Not enough signatures were provided on the command.'),
  m(209, [], 'Inconsistent template.  The data associated with a command is invalid or inconsistent.'),
  m(209, [36, 56], 'Invalid value.  You are not allowed to exit imprint mode with the revocation signature threshold set to 0.'),
  m(209, [57], 'Invalid value.  You may not set the signature threshold to a number greater than the number of installed administrators.'),
  m(209, [58], 'Invalid value.  You may not set the revocation signature threshold to a number greater than the number of installed administrators.'),
  m(209, [66], 'Change not allowed.  You may not remove an administrator if that would drop the number of installed administrators below one of the threshold values.'),
  m(209, [71], 'Change not allowed.  You are not allowed to change a threshold value if the corresponding attribute control bit is reset.'),
  m(209, [76], 'Invalid value.  You are not allowed to set the signature threshold to 0.'),
  m(209, [77], 'Invalid value.  You are not allowed to set the revocation signature threshold to 0.'),
  m(209, [78], 'Invalid value.  The permissions do not allow you to set the signature threshold to 1.'),
  m(209, [79], 'Invalid value.  The permissions do not allow you to set the revocation signature threshold to 1.'),
  m(256, [], 'An administrator could not be added because it already exists on the target.'),
  m(256, [38], 'An administrator could not be added because it already exists on the target.'),
  m(257, [], 'An unauthorized administrator signed the command.'),
  m(261, [], 'An administrator could not be added because the maximum supported number of administrators already exists on the target.'),
  m(261, [39], 'An administrator could not be added because the maximum supported number of administrators already exists on the target.'),
];

/**
 * The message for a return code and reason code (null: the module gave none): the entry for both
 * codes, else the return code's own entry, else null (the CLI then prints no `Error message:` line).
 */
export function ep11Message(rc: number, reason: number | null): string | null {
  const same = EP11_MESSAGES.filter((e) => e.rc === rc);
  const exact = reason === null ? undefined : same.find((e) => e.reasons.includes(reason));
  return (exact ?? same.find((e) => e.reasons.length === 0))?.message ?? null;
}
