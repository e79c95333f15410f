import type { CERTIFICATE_MESSAGES } from '@cakap/contracts';

/**
 * A refusal of the issuance rules: a message key of CERTIFICATE_MESSAGES (or 'notFound') and
 * its parameters. The api turns it into its AppError (problem+json); the worker logs it.
 */
export class IssuanceError extends Error {
  constructor(
    readonly code: (typeof CERTIFICATE_MESSAGES)[keyof typeof CERTIFICATE_MESSAGES] | 'notFound',
    readonly params: Record<string, string | number> = {},
  ) {
    super(code);
    this.name = 'IssuanceError';
  }
}
