/**
 * Bad input detected before anything was sent or stored. `field` is the dotted path of the offending
 * input field (e.g. `amount.minorAmount`). The message never contains the rejected value, so a
 * secret pasted into the wrong field cannot leak through it.
 *
 * @example
 * try {
 *   createMoney('10.50', 'USD');
 * } catch (error) {
 *   if (error instanceof DomainValidationError) {
 *     error.code;  // 'INVALID_AMOUNT'
 *     error.field; // 'amount.minorAmount'
 *   }
 * }
 */
export class DomainValidationError extends Error {
  override readonly name = 'DomainValidationError';

  constructor(
    /** Machine-readable reason, SCREAMING_SNAKE_CASE (e.g. `UNSUPPORTED_CURRENCY`). */
    readonly code: string,
    /** Dotted path of the invalid field. */
    readonly field: string,
    message: string,
  ) {
    super(message);
  }
}
