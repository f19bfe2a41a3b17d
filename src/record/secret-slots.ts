/**
 * Secret answers as slots: the recorder never keeps a secret, only which earlier answer it equals
 * (so a mistyped password or a mismatched confirmation replays as one). Values are compared by an
 * HMAC under a key that lives only in this process's memory; 0 is the empty answer.
 */
import { createHmac, randomBytes } from 'node:crypto';

export class SecretSlots {
  readonly #key = randomBytes(32);
  readonly #slots = new Map<string, number>();
  readonly #training = new Map<string, string>();

  #mac(value: string): string {
    return createHmac('sha256', this.#key).update(value, 'utf8').digest('hex');
  }

  slotOf(value: string): number {
    if (value === '') return 0;
    const mac = this.#mac(value);
    let slot = this.#slots.get(mac);
    if (slot === undefined) {
      slot = this.#slots.size + 1;
      this.#slots.set(mac, slot);
    }
    return slot;
  }

  /** A demo answered with a named training value: its placeholders will carry the name. */
  nameTraining(value: string, name: string): void {
    if (value !== '') this.#training.set(this.#mac(value), name);
  }

  trainingName(value: string): string | undefined {
    return value === '' ? undefined : this.#training.get(this.#mac(value));
  }
}
