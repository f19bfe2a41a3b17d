/** The workstation layer: the CLOUDTKEFILES directory and the files the TKE CLI keeps there. */
export { WorkstationError } from './errors.ts';
export { readJsonFile, resolveCloudTkeFiles, writeFileAtomic } from './directory.ts';
export { DEFAULT_SCRYPT_N, openSecret, parseSealedSecret, scryptCostForNewFiles, sealSecret, type SealedSecret } from './sealed-secret.ts';
export {
  createSignatureKey, listSignatureKeys, openSignatureKey, removeSignatureKey, SIGNATURE_KEY_EXTENSION, type SignatureKeyEntry,
} from './signature-keys.ts';
export { createKeyPart, KEY_PART_EXTENSION, listKeyParts, openKeyPart, removeKeyPart, type KeyPartEntry } from './key-parts.ts';
export { EMPTY_SELECTION, readSelection, SELECTION_FILE, updateSelection, type Selection } from './selection.ts';
export { fileSigner, type Signer } from './signer.ts';
export { readWorkstationFacts } from './facts.ts';
export { openServiceKey, servicePublicKey, serviceSign, signingServiceUrl } from './signing-service.ts';
export { readSignServKeys, SERVICE_KEY_NAME, SIGNSERVKEYS_FILE, type ServiceKeyRef } from './signserv-keys.ts';
