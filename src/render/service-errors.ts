/** Errors of the IBM Cloud service itself, before any crypto unit is reached (reference 2.2, 4.4). */

/** An expired or invalid IAM token: the real plug-in's text, then what to do in tkesim. */
export const UNAUTHORIZED = [
  'FAILED',
  'Error querying service instances.',
  'Status code: 401',
  'Message: Unauthorized',
  'Your access token is invalid, expired, or does not have the necessary permissions to access this instance.',
  'Log in again with tkesim sim login (ibmcloud login on the real system), then run the command again.',
].join('\n');
