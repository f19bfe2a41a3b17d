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

/**
 * HTTP 403: the user lacks the IAM service access role the command needs (reference 1.4). The
 * wording is inferred: IBM's docs list "HTTP 403 - Forbidden" for TKE without quoting its text, so
 * this follows the documented 401 lines with the 403 status, then says what to do in tkesim.
 */
export const FORBIDDEN = [
  'FAILED',
  'Error querying service instances.',
  'Status code: 403',
  'Message: Forbidden',
  'Your access token is invalid, expired, or does not have the necessary permissions to access this instance.',
  'Your user lacks the Manager service access role on this service instance, which viewing crypto units and selecting them need. Ask the account administrator to assign it in IBM Cloud IAM (in tkesim: sim fault clear), then run the command again.',
].join('\n');
