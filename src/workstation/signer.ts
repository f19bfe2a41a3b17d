/**
 * A signature key ready to sign administrative commands: a key file opened with its password at the
 * workstation, or a key held by a signing service (TKE_SIGNSERV_URL) that signs on request. The
 * engine signs only through this interface, so both kinds go through the same path.
 */
import { sign, toHex, type SigningKeyPair } from '../core/crypto.ts';
import type { SignatureKeyEntry } from './signature-keys.ts';

export interface Signer {
  /** Where the key comes from: a file in CLOUDTKEFILES, or the signing service. */
  readonly source: 'file' | 'service';
  /** The administrator name (a file's DESCRIPTION, a service key's identifier). */
  readonly name: string;
  /** Subject key identifier: SHA-256 of the public key, 64 lower-case hex digits. */
  readonly ski: string;
  /** Ed25519 public key, 64 lower-case hex digits. */
  readonly publicKey: string;
  /** An Ed25519 signature over `payload` (64 bytes). A failing service throws a WorkstationError. */
  sign(payload: Uint8Array): Promise<Uint8Array>;
  /** Clears any private key held in memory; the signer cannot sign afterwards. */
  forget(): void;
}

/** A signer for a key file opened with its password. */
export function fileSigner(entry: SignatureKeyEntry, pair: SigningKeyPair): Signer {
  let forgotten = false;
  return {
    source: 'file',
    name: entry.name,
    ski: entry.ski,
    publicKey: toHex(pair.publicKey),
    sign: (payload) => {
      if (forgotten) return Promise.reject(new Error(`the signature key ${entry.name} was used after it was forgotten`));
      return Promise.resolve(sign(payload, pair.secretKey));
    },
    forget: () => {
      forgotten = true;
      pair.secretKey.fill(0);
    },
  };
}
