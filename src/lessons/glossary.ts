/**
 * `explain TERM`: every term the screen shows, in a few sentences, in the voice of the lessons.
 * test/lessons/glossary.test.ts fails when a term the panel, status line or compare output can show
 * has no entry here.
 */

export interface GlossaryEntry {
  /** The term as the screen shows it, and other ways a trainee may type it. */
  readonly terms: readonly string[];
  readonly text: string;
}

export const GLOSSARY: readonly GlossaryEntry[] = [
  { terms: ['imprint mode', 'imprint', 'IMPRINT'], text: 'Imprint mode is a crypto unit\'s cleared factory state: both thresholds are 0, commands need no signature, and most commands are refused. You install administrators while in it, then leave it by setting the thresholds with cryptounit-thrhld-set. The panel\'s MODE column says "imprint" or "secured".' },
  { terms: ['secured'], text: 'A secured unit has left imprint mode: its signature threshold is 1 to 8, so every administrative command must be signed by that many of its installed administrators.' },
  { terms: ['signature threshold', 'SIG', 'threshold', 'thresholds', 'SIG/REV', 'THR'], text: 'The signature threshold is how many administrators must sign most commands (thresholds, admin changes, commit, set immediate, rotate). 2 or more is dual control. SIG/REV in the panel shows it and the revocation threshold.' },
  { terms: ['revocation signature threshold', 'revocation threshold', 'REV'], text: 'The revocation signature threshold is how many signatures removing an administrator needs. It may differ from the signature threshold; both are 1 to 8 once the unit has left imprint mode.' },
  { terms: ['administrator', 'admin', 'admins', 'ADMINS', 'ADM', 'ADMIN NAMES'], text: 'An administrator is a signature key\'s public key, installed in a crypto unit with a name (at most 30 characters). A unit holds 1 to 8 (ADMINS shows installed/8). Only installed administrators\' signatures count.' },
  { terms: ['signature key', 'sigkey', 'sigkeys', 'SKI', 'subject key identifier'], text: 'A signature key is the private key an administrator signs with, kept in a password-protected file in CLOUDTKEFILES (sigkey-add creates one). Its subject key identifier (SKI) is the SHA-256 of its public key; lists show the first 30 hex digits. tkesim uses Ed25519 keys where the real service uses P-521.' },
  { terms: ['sigkey-sel', 'selected signature keys', 'per-command passwords'], text: 'sigkey-sel chooses which signature keys sign later commands, and checks their passwords once. Each signed command still asks for the password of every key it uses, one prompt per key: selecting is not signing.' },
  { terms: ['key part', 'key parts', 'master key part', 'mks', 'part'], text: 'A key part is a 32-byte value in its own password-protected file (mk-add). The master key is built from 2 or 3 parts, each ideally held by a different custodian, so no one person knows the master key.' },
  { terms: ['custodian', 'key part custodian'], text: 'A custodian owns one key part and is the only one who knows its file\'s password. Separation of duties: custodians should not share passwords or hold two parts, and should not also be signing administrators.' },
  { terms: ['verification pattern', 'VP', 'vp'], text: 'A verification pattern identifies a key value without revealing it: a hash of the key. Equal VPs mean equal keys, so comparing VPs across units (and reading them back aloud) shows that every unit holds the same master key. An empty register shows all zeros.' },
  { terms: ['new register', 'new master key register', 'NEW REGISTER', 'NEW'], text: 'The new master key register holds the master key being loaded: Empty, then Full Uncommitted after cryptounit-mk-load, then Full Committed after cryptounit-mk-commit. Set immediate or rotate moves it into the current register.' },
  { terms: ['current register', 'current master key register', 'CURRENT REGISTER', 'CURRENT', 'CUR'], text: 'The current master key register holds the master key in use: Empty, or Valid. The current master key encrypts the unit\'s key storage; losing it (clear current, zeroize) makes stored keys unreadable.' },
  { terms: ['Empty', 'empty'], text: 'Empty: the register holds no key. A new register is empty before a load and after clear new; a current register is empty before the first set immediate, and after clear current or zeroize.' },
  { terms: ['Full Uncommitted', 'uncommitted'], text: 'Full Uncommitted: key parts were loaded into the new register (cryptounit-mk-load), but not yet committed. Check the VP on every unit, then commit; or clear it with cryptounit-mk-clrnew.' },
  { terms: ['Full Committed', 'committed'], text: 'Full Committed: the new register\'s key is committed (cryptounit-mk-commit, signed by the threshold) and can now be activated: set immediate on a fresh instance, rotate when keys are in storage.' },
  { terms: ['Valid', 'valid'], text: 'Valid: the current register holds the master key in use. It encrypts key storage.' },
  { terms: ['set immediate', 'setimm', 'cryptounit-mk-setimm'], text: 'Set immediate moves the committed new master key into the current register at once, without re-enciphering key storage. Right for a first initialization; on a unit with stored keys it makes them unreadable — use cryptounit-mk-rotate there.' },
  { terms: ['rotate', 'rotation', 'cryptounit-mk-rotate'], text: 'Rotating re-enciphers every stored key from the current master key to the committed new one, then makes the new one current. Stored keys stay readable. It needs the whole instance selected and configured the same.' },
  { terms: ['re-encipher', 'reencipher', 'rewrap'], text: 'To re-encipher is to decrypt each stored key under the old master key and encrypt it under the new one, inside the unit: the key values never leave it. Rotation does this for the whole key storage.' },
  { terms: ['load', 'cryptounit-mk-load'], text: 'Loading combines 2 or 3 key parts inside each selected unit into its new register: Empty -> Full Uncommitted. It needs 1 signature and each custodian\'s password; the diagram draws it as the arrow from Empty, fed by the key parts.' },
  { terms: ['commit', 'cryptounit-mk-commit'], text: 'Committing confirms the loaded value: Full Uncommitted -> Full Committed. It needs the full signature threshold, and the selected units must hold the same value (the same VP).' },
  { terms: ['clrnew', 'clear new', 'cryptounit-mk-clrnew'], text: 'Clear new empties the new register (Full Uncommitted or Full Committed -> Empty) with 1 signature, to start a load over. The current register and key storage are untouched.' },
  { terms: ['clrcur', 'clear current', 'cryptounit-mk-clrcur'], text: 'Clear current empties the current register: Valid -> Empty. Every key in key storage becomes unreadable until the same master key is current again.' },
  { terms: ['zeroize', 'cryptounit-zeroize'], text: 'Zeroize puts a unit back in imprint mode: administrators removed, thresholds 0, both registers Empty. The keys in its key storage are lost.' },
  { terms: ['auto-init, recover', 'auto-init', 'auto-mk-recover', 'auto-recover', 'recover'], text: 'With recovery units no key parts are needed: auto-init has a recovery unit generate a random master key and sets it in every current register; auto-mk-recover copies a recovery unit\'s current master key into other units.' },
  { terms: ['diagram', 'panel', 'panel diagram', 'panel table', 'F2'], text: 'The panel shows the crypto units as a table, or ("panel diagram", F2) as a diagram of the master key registers: each state a box with the units in it, the arrow the last command took highlighted, VPs under the registers and KEYS under key storage. "panel table" or F2 switches back.' },
  { terms: ['key storage', 'KEYS', 'keys', 'stored keys'], text: 'Key storage holds the instance\'s keys (KMS root and standard keys, EP11 keys), each encrypted under the current master key. KEYS shows readable/total: keys that still decrypt under the current master key, of all stored.' },
  { terms: ['KMS CRK', 'CRK', 'root key', 'customer root key'], text: 'A KMS customer root key (CRK) is a key the service keeps for you in key storage, encrypted under the master key. "KMS CRK rewrap successful" means rotation re-enciphered them.' },
  { terms: ['operational unit', 'operational crypto unit', 'OPERATIONAL', 'OPER'], text: 'An operational crypto unit serves the workload (KMS, GREP11). An instance has 2 or 3, in different availability zones, and all must be configured the same.' },
  { terms: ['recovery unit', 'recovery crypto unit', 'RECOVERY', 'RECV'], text: 'A recovery crypto unit holds a backup of the master key and can generate a random one (auto-init, auto-mk-rotate) and restore it (auto-mk-recover). It never runs the workload. The panel marks it with * after its number.' },
  { terms: ['failover unit', 'failover crypto unit', 'FAILOVER', 'FAIL'], text: 'A failover crypto unit is a standby copy of the operational units in another region (us-south, us-east, eu-es). It must be initialized the same as the operational units to take over in a regional disaster.' },
  { terms: ['*', 'star', 'asterisk'], text: 'A * after a CRYPTO UNIT NUM marks a recovery crypto unit, as the real cryptounit-compare does.' },
  { terms: ['control point', 'control points', 'cryptounit-cp'], text: 'Control points are switches in a crypto unit that allow or forbid families of operations. cryptounit-compare shows each as Set or Not Set; all units of an instance must have the same.' },
  { terms: ['XCP_CPB_ALG_EC_25519'], text: 'XCP_CPB_ALG_EC_25519 allows EdDSA with Curve25519 (Ed25519) keys in the unit.' },
  { terms: ['XCP_CPB_BTC'], text: 'XCP_CPB_BTC allows BIP32 key derivation (cryptocurrency wallets).' },
  { terms: ['XCP_CPB_ECDSA_OTHER'], text: 'XCP_CPB_ECDSA_OTHER allows other ECDSA-family signature schemes, such as Schnorr.' },
  { terms: ['EP11', 'crypto module', 'HSM'], text: 'EP11 (Enterprise PKCS #11) is the firmware interface of the IBM crypto cards behind the crypto units. "Error reported by EP11 crypto module" means a unit itself refused the command.' },
  { terms: ['return code', 'reason code', 'codes', 'return and reason codes'], text: 'A refusal carries a return code (what kind of failure) and often a reason code (which rule). "explain 209/57" explains one pair; "explain" alone explains the last refusal of a lesson.' },
  { terms: ['instance', 'service instance', 'SERVICE INSTANCE'], text: 'A service instance is one Hyper Protect Crypto Services instance: its crypto units share one master key and one key storage. "configured the same" in the panel means its units agree on thresholds, admins, registers and control points.' },
  { terms: ['selection', 'selected', 'units', 'SELECTED'], text: 'The selection is the set of crypto units commands act on (cryptounit-add, cryptounit-rm). It persists between commands, as in the real CLI. The panel marks selected units with ●.' },
  { terms: ['CRYPTO UNIT NUM', 'NUM', 'unit number'], text: 'The CRYPTO UNIT NUM numbers crypto units across every instance of the resource group, 1, 2, 3...; commands such as cryptounit-add take these numbers.' },
  { terms: ['TYPE', 'unit type'], text: 'TYPE is the kind of crypto unit: OPERATIONAL (serves the workload), RECOVERY (holds a backup of the master key) or FAILOVER (a standby in another region).' },
  { terms: ['MODE'], text: 'MODE is "imprint" while a unit is in imprint mode (thresholds 0, no signatures needed, most commands refused) and "secured" once it has left it.' },
  { terms: ['region'], text: 'The IBM Cloud region of the service instance (simulated; tkesim needs no login).' },
  { terms: ['dual control', 'quorum'], text: 'Dual control (quorum authentication) means a threshold of 2 or more: no single administrator can change a unit alone.' },
];

const normal = (s: string): string => s.trim().toLowerCase().replace(/[\s_-]+/g, ' ');
const INDEX = new Map<string, GlossaryEntry>(GLOSSARY.flatMap((e) => e.terms.map((t) => [normal(t), e] as const)));

/** The entry for a term as typed (any case, spaces or dashes), or null. */
export function glossaryEntry(term: string): GlossaryEntry | null {
  return INDEX.get(normal(term)) ?? null;
}

export function explainTerm(term: string): string | null {
  const e = glossaryEntry(term);
  if (!e) return null;
  const name = e.terms[0] ?? term;
  // Entries that already open with their term ("Valid: ...") are not prefixed twice.
  return e.text.startsWith(`${name}:`) ? e.text : `${name}: ${e.text}`;
}

/** Every term, for "explain" with an unknown word. */
export function glossaryTerms(): string[] {
  return GLOSSARY.map((e) => e.terms[0] ?? '');
}
