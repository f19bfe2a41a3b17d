/**
 * What each drill fault does and how the reference's troubleshooting section (4.4) and IBM's
 * recovery pages bring the instance back: printed by `tkesim sim fault list`.
 */
import type { FaultKind } from '../core/faults.ts';

export interface FaultGuide {
  /** One line for the list. */
  readonly summary: string;
  /** What the world looks like afterwards. */
  readonly leaves: string;
  /** The documented way back. */
  readonly recovery: readonly string[];
  /** What the positional argument names, if any. */
  readonly target?: 'CRYPTO_UNIT_NUM' | 'KEYNUM';
}

export const FAULT_GUIDES: Readonly<Record<FaultKind, FaultGuide>> = {
  'login-expired': {
    summary: 'Your IBM Cloud login token expired (tokens last 1 hour).',
    leaves: 'Every command that sends requests to the service (cryptounits, cryptounit-*, auto-*, failover-enable) fails with "Error querying service instances." / "Status code: 401" / "Message: Unauthorized". Commands that only use workstation files (sigkeys, mks, ...) still work, as in the real plug-in.',
    recovery: ['Log in again: tkesim sim login (ibmcloud login on the real system), then run the command again.'],
  },
  'rotate-before-rewrap': {
    summary: 'The next rotation is interrupted part-way through re-enciphering key storage.',
    leaves: 'Armed for the next cryptounit-mk-rotate or auto-mk-rotate: it stops before "KMS CRK rewrap successful ..." is printed. Half of the stored keys are then under the new master key, the rest still under the current one; the new registers hold the new value, Full Committed.',
    recovery: [
      'Run cryptounit-mk-rotate again (select every unit of the instance): it resumes re-enciphering and keeps the value in the new registers.',
      'After auto-mk-rotate printed "Delaying 30 seconds ...", the recovery is also cryptounit-mk-rotate. Do NOT rerun auto-mk-rotate: it replaces the new master key, and the keys already re-enciphered are lost.',
      'Do not run cryptounit-mk-setimm either: the keys not yet re-enciphered would be lost.',
    ],
  },
  'rotate-after-rewrap': {
    summary: 'The next rotation is interrupted after the rewrap, while the new master key is being promoted.',
    leaves: 'Armed for the next cryptounit-mk-rotate or auto-mk-rotate: it stops after "KMS CRK rewrap successful, waiting on cryptounit-mk-setimm." The first operational crypto unit already holds the new master key in its current register; the others still hold it in the new register, Full Committed.',
    recovery: [
      'Run cryptounit-mk: units whose current register already shows the new verification pattern are promoted.',
      'Unselect those units with cryptounit-rm, run cryptounit-mk-setimm on the rest (continuing past its warning is safe: key storage is ready for the new value).',
      'Select every unit again with cryptounit-add and check with cryptounit-compare.',
    ],
  },
  'threshold-drift': {
    summary: 'A crypto unit\'s signature threshold drifted from its peers\'.',
    leaves: 'One unit has a different signature threshold (as if cryptounit-thrhld-set ran with only it selected). cryptounit-compare warns that the units are configured differently, and the rotation pre-checks fail.',
    recovery: [
      'Select only the drifted unit (cryptounit-rm the others), set the thresholds its peers have with cryptounit-thrhld-set (signed with its current threshold).',
      'Select every unit again and check with cryptounit-compare.',
    ],
    target: 'CRYPTO_UNIT_NUM',
  },
  'unit-zeroized': {
    summary: 'A crypto unit was zeroized by mistake.',
    leaves: 'The unit is in imprint mode: no administrators, thresholds 0, both registers Empty. Its key storage cannot be decrypted until the master key is back.',
    recovery: [
      'Select only that unit; install the same administrators with cryptounit-admin-add (no signatures in imprint mode) and set the same thresholds with cryptounit-thrhld-set.',
      'Restore the master key: select a recovery crypto unit that holds it together with the unit and run auto-mk-recover; or, if the instance was initialized with key parts, load the same parts (cryptounit-mk-load, cryptounit-mk-commit, cryptounit-mk-setimm) into that unit alone.',
      'Select every unit again and check with cryptounit-compare.',
    ],
    target: 'CRYPTO_UNIT_NUM',
  },
  'current-cleared': {
    summary: 'A crypto unit\'s current master key register was cleared by mistake.',
    leaves: 'The unit\'s current register is Empty (as after cryptounit-mk-clrcur); KMS calls through it fail with CKR_IBM_WK_NOT_INITIALIZED and its key storage cannot be decrypted.',
    recovery: [
      'Select a recovery crypto unit that holds the master key and the damaged unit, and run auto-mk-recover.',
      'Or, for an instance initialized with key parts, select the damaged unit alone and load the same parts again (cryptounit-mk-load, cryptounit-mk-commit, cryptounit-mk-setimm).',
      'Select every unit again and check with cryptounit-compare.',
    ],
    target: 'CRYPTO_UNIT_NUM',
  },
  'sigkey-lost': {
    summary: 'An administrator\'s signature key file is lost, with no backup.',
    leaves: 'The file is deleted from CLOUDTKEFILES and unselected; its administrator stays installed in the crypto units but nobody can sign with it.',
    recovery: [
      'Select the remaining administrators\' keys with sigkey-sel; remove the lost administrator with cryptounit-admin-rm (revocation threshold signatures).',
      'Create a new key with sigkey-add, install it with cryptounit-admin-add, and select it with sigkey-sel.',
      'If the lost key was the only administrator, nothing can be signed any more: only IBM support can reset the crypto units (in tkesim: sim reset). Keep backups of signature key files.',
    ],
    target: 'KEYNUM',
  },
  'control-points-unset': {
    summary: 'The instance predates the firmware update that added three control points.',
    leaves: 'XCP_CPB_ALG_EC_25519, XCP_CPB_BTC and XCP_CPB_ECDSA_OTHER show Not Set in the CONTROL POINTS section of cryptounit-compare for every unit of the instance: EdDSA, BIP32 and Schnorr-type signatures are refused.',
    recovery: ['Select the instance\'s secured crypto units and run cryptounit-cp-eddsa, cryptounit-cp-btc and cryptounit-cp-sig-other (signature threshold signatures each), then check with cryptounit-compare.'],
    target: 'CRYPTO_UNIT_NUM',
  },
  'manager-role-missing': {
    summary: 'Your user lost the Manager service access role on the instance; it keeps Crypto unit administrator.',
    leaves: 'The commands that need Manager fail with "Status code: 403" / "Message: Forbidden": viewing (cryptounits, cryptounit-compare, -admins, -thrhlds, -mk) and setting the context (cryptounit-add, -rm). Administration, master key and auto commands accept Manager or Crypto unit administrator and still work on the units already selected, as IBM\'s role table says; workstation commands are not affected.',
    recovery: [
      'Ask the account\'s service administrator to assign you the Manager service access role on the Hyper Protect Crypto Services instance (IBM Cloud IAM: Manage > Access); in tkesim: sim fault clear.',
      'Run the command again; check the units with cryptounit-compare before going on.',
    ],
  },
  'thresholds-locked': {
    summary: 'An old TKE plug-in (0.0.11 or older) set up the instance: its units are locked to thresholds of 1.',
    leaves: 'Every secured unit of the instance has signature and revocation thresholds of 1, and its attribute control bits for both thresholds are reset: cryptounit-thrhld-set to any other value is refused with return code 209, reason code 71 ("Change not allowed."). Key storage and the master key are untouched.',
    recovery: [
      'Only a zeroize sets the control bits again: select the locked units and run cryptounit-zeroize (1 signature). Their key storage stays, unreadable until the same master key is back.',
      'Install the administrators again with cryptounit-admin-add (no signatures in imprint mode) and set the thresholds you want with cryptounit-thrhld-set.',
      'Load the same master key again from the same key parts (cryptounit-mk-load, cryptounit-mk-commit, cryptounit-mk-setimm), then check with cryptounit-compare and sim keys check. Without the parts the stored keys stay unreadable: never zeroize units whose master key you cannot load again.',
    ],
    target: 'CRYPTO_UNIT_NUM',
  },
};
