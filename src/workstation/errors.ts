/** The one failure type of the workstation directory: a user-facing sentence that names the file. */

export class WorkstationError extends Error {
  constructor(message: string, readonly file: string | null) {
    super(message);
    this.name = 'WorkstationError';
  }
}

/**
 * A file that exists but cannot be used. `kind` is how messages name the file ("signature key",
 * "master key part", "selection"). `reason` is a short phrase written by tkesim: it never quotes
 * the file's content, so no secret can reach the message.
 */
export function damagedFile(kind: string, file: string, reason: string): WorkstationError {
  return new WorkstationError(`The ${kind} file ${file} is damaged or not a tkesim ${kind} file (${reason}).`, file);
}
