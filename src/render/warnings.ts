/** Warnings the real CLI prints before it asks to continue, exactly (two spaces after each full stop inside). */

/** cryptounit-mk-setimm (reference 8.1), followed by `Do you want to continue?` and `Answer [y/N]:`. */
export const SETIMM_WARNING =
  'Warning!  Any key storage associated with the targeted service instance must be prepared to accept the new master key value before running this command.  Otherwise, key storage may become unusable.';
