/**
 * Every EP11 return/reason code a simulated crypto unit can give, produced by the unit itself and
 * rendered as the real CLI prints it: the exact lines of TKE-REFERENCE.md section 8.2 (the messages
 * below are copied from the reference's table, two spaces after a full stop included).
 */
import test from 'ava';
import type { SignedRequest, UnitCommand } from '../../src/core/command.ts';
import { refusal as named, type Refusal } from '../../src/core/refusal.ts';
import type { CryptoUnit } from '../../src/core/types.ts';
import { applyRequest } from '../../src/core/unit.ts';
import { renderRefusal } from '../../src/render/refusal.ts';
import { ALICE, BOB, CAROL, KEY_A, KEY_B, MALLORY, addAdminCommand, admin, loadCommand, must, request, secured, unit, vp, type TestAdmin } from '../helpers/core.ts';

function refused(u: CryptoUnit, req: SignedRequest): Refusal {
  const r = applyRequest(u, req);
  if (r.ok) throw new Error('the unit accepted the request');
  return r.refusal;
}

const decline = (u: CryptoUnit, command: UnitCommand, signers: readonly TestAdmin[] = []): Refusal => refused(u, request(u, command, signers));

function imprintWith(...admins: TestAdmin[]): CryptoUnit {
  let u = unit();
  for (const a of admins) u = must(u, addAdminCommand(u, a));
  return u;
}

/** The four (or five) lines of section 8.2. */
const ep11 = (rc: number, reason: number | null, message: string): string[] =>
  ['FAILED', 'Error reported by EP11 crypto module.', `Return code: ${rc}`, `Reason code: ${reason ?? ''}`, `Error message: ${message}`];

interface Case {
  readonly rc: number;
  readonly reason: number | null;
  readonly message: string;
  readonly produce: () => Refusal;
}

const cases: Case[] = [
  { rc: 3, reason: null, message: 'The domain specified for the command is invalid.', produce: () => named('INVALID_DOMAIN') },
  {
    rc: 32, reason: null, message: 'Invalid data was provided for the command.  The format or value of the data is incorrect.',
    produce: () => decline(secured(2, 2), { kind: 'cp-change', index: 42, set: true }, [ALICE, BOB]),
  },
  {
    rc: 32, reason: 32, message: 'Administrator not found.  The administrator does not exist on the target domain or crypto module, or the supplied Subject Key Identifier (SKI) has incorrect length.',
    produce: () => decline(imprintWith(ALICE), { kind: 'admin-rm', ski: MALLORY.ski }),
  },
  {
    rc: 80, reason: 52, message: 'Operation not allowed.  The permissions for this domain prohibit loading random master key values.',
    produce: () => decline(secured(1, 1), { kind: 'mk-random' }, [ALICE]),
  },
  {
    rc: 80, reason: 131, message: 'Operation not allowed.  The permissions for this domain prohibit exporting master master keys.',
    produce: () => decline(secured(1, 1), { kind: 'mk-export', register: 'current', recipient: 'ab'.repeat(32) }, [ALICE]),
  },
  {
    rc: 101, reason: 48, message: 'Commit failed.  The supplied verification pattern of the new master key does not match the verification pattern of the key in the register.  This error will occur if the master keys being committed in a domain group are not all the same.',
    produce: () => {
      const u = secured(2, 2);
      const loaded = must(u, loadCommand(u, KEY_A), [ALICE]);
      return decline(loaded, { kind: 'mk-commit', vp: vp(KEY_B) }, [ALICE, BOB]);
    },
  },
  {
    rc: 163, reason: null, message: 'Invalid transaction counter.',
    produce: () => {
      const u = secured(1, 1);
      return refused(u, request(u, { kind: 'mk-clrnew' }, [ALICE], u.counter - 1));
    },
  },
  { rc: 179, reason: null, message: 'Operation not allowed in imprint mode.', produce: () => decline(unit(), { kind: 'mk-clrnew' }) },
  {
    rc: 192, reason: null, message: 'One or more signatures provided with the command is invalid.',
    produce: () => {
      const u = secured(1, 1);
      return refused(u, { ...request(u, { kind: 'mk-clrnew' }, [ALICE]), command: { kind: 'mk-clrcur' } });
    },
  },
  {
    rc: 193, reason: null, message: 'A signature was malformed.',
    produce: () => {
      const u = secured(1, 1);
      return refused(u, { ...request(u, { kind: 'mk-clrnew' }), signatures: [{ ski: ALICE.ski, signature: 'ab' }] });
    },
  },
  { rc: 208, reason: null, message: 'Not enough signatures were provided on the command.', produce: () => decline(secured(2, 2), { kind: 'cp-set', point: 'XCP_CPB_BTC' }, [ALICE]) },
  {
    rc: 209, reason: 36, message: 'Invalid value.  You are not allowed to exit imprint mode with the revocation signature threshold set to 0.',
    produce: () => decline(imprintWith(ALICE), { kind: 'thrhld-set', signatureThreshold: 1, revocationThreshold: 0 }, [ALICE]),
  },
  {
    rc: 209, reason: 57, message: 'Invalid value.  You may not set the signature threshold to a number greater than the number of installed administrators.',
    produce: () => decline(imprintWith(ALICE), { kind: 'thrhld-set', signatureThreshold: 2, revocationThreshold: 1 }, [ALICE]),
  },
  {
    rc: 209, reason: 58, message: 'Invalid value.  You may not set the revocation signature threshold to a number greater than the number of installed administrators.',
    produce: () => decline(imprintWith(ALICE), { kind: 'thrhld-set', signatureThreshold: 1, revocationThreshold: 2 }, [ALICE]),
  },
  {
    rc: 209, reason: 66, message: 'Change not allowed.  You may not remove an administrator if that would drop the number of installed administrators below one of the threshold values.',
    produce: () => decline(secured(3, 3), { kind: 'admin-rm', ski: CAROL.ski }, [ALICE, BOB, CAROL]),
  },
  {
    rc: 209, reason: 71, message: 'Change not allowed.  You are not allowed to change a threshold value if the corresponding attribute control bit is reset.',
    produce: () => {
      const locked: CryptoUnit = { ...secured(1, 1), thresholdControlBits: { signature: false, revocation: false } };
      return decline(locked, { kind: 'thrhld-set', signatureThreshold: 2, revocationThreshold: 2 }, [ALICE]);
    },
  },
  {
    rc: 209, reason: 76, message: 'Invalid value.  You are not allowed to set the signature threshold to 0.',
    produce: () => decline(secured(2, 2), { kind: 'thrhld-set', signatureThreshold: 0, revocationThreshold: 2 }, [ALICE, BOB]),
  },
  {
    rc: 209, reason: 77, message: 'Invalid value.  You are not allowed to set the revocation signature threshold to 0.',
    produce: () => decline(secured(2, 2), { kind: 'thrhld-set', signatureThreshold: 2, revocationThreshold: 0 }, [ALICE, BOB]),
  },
  {
    rc: 256, reason: 38, message: 'An administrator could not be added because it already exists on the target.',
    produce: () => {
      const u = imprintWith(ALICE);
      return decline(u, addAdminCommand(u, ALICE));
    },
  },
  { rc: 257, reason: null, message: 'An unauthorized administrator signed the command.', produce: () => decline(secured(1, 1), { kind: 'mk-clrnew' }, [MALLORY]) },
  {
    rc: 261, reason: 39, message: 'An administrator could not be added because the maximum supported number of administrators already exists on the target.',
    produce: () => {
      const u = imprintWith(...['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H'].map((n) => admin(`Admin ${n}`)));
      return decline(u, addAdminCommand(u, admin('Ninth')));
    },
  },
];

for (const c of cases) {
  test(`EP11 ${c.rc}${c.reason === null ? '' : `/${c.reason}`}: the exact lines of section 8.2`, (t) => {
    const r = c.produce();
    t.deepEqual([r.returnCode, r.reasonCode], [c.rc, c.reason], `the unit gave ${r.code}`);
    t.deepEqual(renderRefusal(r, false).split('\n'), ep11(c.rc, c.reason, c.message));
    // tkesim's explanation follows the real lines, never replaces them.
    const explained = renderRefusal({ ...r, unit: 2 }, true).split('\n');
    t.deepEqual(explained.slice(0, 5), ep11(c.rc, c.reason, c.message));
    t.deepEqual(explained.slice(5), ['tkesim: crypto unit 2 refused the command.', `tkesim: ${r.advice}`]);
  });
}

test('the section 8.2 example (209/71) as the troubleshooting page prints it', (t) => {
  t.is(renderRefusal(named('THRESHOLD_CHANGE_NOT_ALLOWED'), false), [
    'FAILED',
    'Error reported by EP11 crypto module.',
    'Return code: 209',
    'Reason code: 71',
    'Error message: Change not allowed.  You are not allowed to change a threshold value if the corresponding attribute control bit is reset.',
  ].join('\n'));
});

test('the message is looked up by the codes, falling back to the return code alone; an unknown code prints no message line', (t) => {
  const base = named('INVALID_SIGNATURE');
  const withCodes = (rc: number, reason: number | null): Refusal => ({ ...base, returnCode: rc, reasonCode: reason, message: 'tkesim text' });
  t.is(renderRefusal(withCodes(209, 99), false).split('\n')[4], 'Error message: Inconsistent template.  The data associated with a command is invalid or inconsistent.');
  t.is(renderRefusal(withCodes(209, 56), false).split('\n')[4], 'Error message: Invalid value.  You are not allowed to exit imprint mode with the revocation signature threshold set to 0.');
  t.is(renderRefusal(withCodes(80, 47), false).split('\n')[4], 'Error message: Change not allowed.  The control point management bits for this domain prohibit resetting control points.');
  t.is(renderRefusal(withCodes(256, null), false).split('\n')[4], 'Error message: An administrator could not be added because it already exists on the target.');
  t.is(renderRefusal(withCodes(3, null), false).split('\n')[4], 'Error message: The domain specified for the command is invalid.', 'a refusal built with the codes alone gets the module\'s message');
  t.deepEqual(renderRefusal(withCodes(999, 5), false).split('\n'), ['FAILED', 'Error reported by EP11 crypto module.', 'Return code: 999', 'Reason code: 5']);
});

test('a refusal without EP11 codes: FAILED and tkesim\'s message, then the explanation', (t) => {
  const r = named('NEW_REGISTER_NOT_EMPTY', 1);
  t.is(renderRefusal(r, false), 'FAILED\nThe new master key register is not empty.');
  t.is(renderRefusal(r), 'FAILED\nThe new master key register is not empty.\ntkesim: crypto unit 1 refused the command.\ntkesim: Clear it with cryptounit-mk-clrnew before loading a new master key.');
});
