import { DEFAULT_MASK, type MaskingStrategy } from './secret';

/*
 * Masking strategies: pass one as the second argument of `new Secret(value, strategy)`.
 *
 * Rules shared by every strategy here:
 * - The masked part is always a fixed-width run of `*`, so the mask does not reveal its length
 *   (except `maskPan`, where the length-preserving 6/4 rendering is the card industry convention).
 * - Input that does not match the expected format (including non-strings smuggled in at runtime)
 *   renders as DEFAULT_MASK: when in doubt, reveal nothing.
 */

const STARS = '***';

/** Local parts shorter than this are fully masked: revealing 1 of 3 characters is too much. */
const EMAIL_MIN_LOCAL_TO_REVEAL = 4;
const EMAIL_DOMAIN = /^[^\s@]+$/;
const EMAIL_LOCAL = /^\S+$/;

/**
 * Masks an email address: the first character of the local part (only when the local part has at
 * least 4 characters) followed by `***`, then the domain unchanged.
 *
 * Anything that is not `local@domain` (no `@`, empty local part or domain, whitespace) renders as
 * {@link DEFAULT_MASK}.
 *
 * @example
 * new Secret('john.doe@example.com', maskEmail).masked(); // 'j***@example.com'
 * maskEmail('joe@example.com');                           // '***@example.com'
 * maskEmail('not-an-email');                              // '*** Secret ***'
 */
export function maskEmail(value: string): string {
  if (typeof value !== 'string') return DEFAULT_MASK;
  const at = value.lastIndexOf('@');
  if (at <= 0) return DEFAULT_MASK;
  const local = value.slice(0, at);
  const domain = value.slice(at + 1);
  if (!EMAIL_LOCAL.test(local) || !EMAIL_DOMAIN.test(domain)) return DEFAULT_MASK;
  const chars = Array.from(local); // code points, so an emoji is never split in half
  const first = chars.length >= EMAIL_MIN_LOCAL_TO_REVEAL ? (chars[0] ?? '') : '';
  return `${first}${STARS}@${domain}`;
}

const PHONE_ALLOWED = /^\+?[0-9 ().-]+$/;
/** Fewer digits than this and the last 4 would be most of the number. */
const PHONE_MIN_DIGITS = 7;
/** E.164 maximum; longer digit strings are not phone numbers (they might be card numbers). */
const PHONE_MAX_DIGITS = 15;

/**
 * Masks a phone number, keeping only its last 4 digits: `******` followed by those digits.
 * Country code, separators and length are not revealed.
 *
 * Accepts digits with an optional leading `+` and the separators space, `-`, `.`, `(`, `)`.
 * Anything else, or fewer than 7 / more than 15 digits, renders as {@link DEFAULT_MASK}.
 *
 * @example
 * new Secret('+91 98765 43210', maskPhone).masked(); // '******3210'
 * maskPhone('1234');                                  // '*** Secret ***'
 */
export function maskPhone(value: string): string {
  if (typeof value !== 'string' || !PHONE_ALLOWED.test(value)) return DEFAULT_MASK;
  const digits = value.replace(/[^0-9]/g, '');
  if (digits.length < PHONE_MIN_DIGITS || digits.length > PHONE_MAX_DIGITS) return DEFAULT_MASK;
  return `******${digits.slice(-4)}`;
}

/** NPCI VPA shape: a handle of letters, digits, `.`, `-`, `_`, then `@` and a PSP handle of letters and digits. */
const UPI_VPA = /^[A-Za-z0-9._-]{1,256}@([A-Za-z][A-Za-z0-9]{1,63})$/;

/**
 * Masks a UPI virtual payment address (Paytm and other PSPs): the handle (often the payer's phone
 * number) is replaced by `***`, the PSP suffix after `@` is kept.
 *
 * Anything that is not a well-formed `handle@psp` (for instance an email, whose domain contains a
 * dot) renders as {@link DEFAULT_MASK}.
 *
 * @example
 * new Secret('9876543210@paytm', maskUpiVpa).masked(); // '***@paytm'
 * maskUpiVpa('ramesh.k@okhdfcbank');                   // '***@okhdfcbank'
 * maskUpiVpa('john@example.com');                      // '*** Secret ***'
 */
export function maskUpiVpa(value: string): string {
  if (typeof value !== 'string') return DEFAULT_MASK;
  const psp = UPI_VPA.exec(value)?.[1];
  return psp === undefined ? DEFAULT_MASK : `${STARS}@${psp}`;
}

const PAN_ALLOWED = /^[0-9][0-9 -]*[0-9]$/;
const PAN_MIN_DIGITS = 13;
const PAN_MAX_DIGITS = 19;

/**
 * Masks a primary account number (card number) the PCI DSS way: first 6 and last 4 digits kept,
 * every digit in between replaced by `*`. Spaces and hyphens between digits are accepted and
 * dropped from the rendering.
 *
 * Anything that is not 13 to 19 digits renders as {@link DEFAULT_MASK}.
 *
 * @example
 * new Secret('4242 4242 4242 4242', maskPan).masked(); // '424242******4242'
 * maskPan('4242');                                      // '*** Secret ***'
 */
export function maskPan(value: string): string {
  if (typeof value !== 'string' || !PAN_ALLOWED.test(value)) return DEFAULT_MASK;
  const digits = value.replace(/[ -]/g, '');
  if (digits.length < PAN_MIN_DIGITS || digits.length > PAN_MAX_DIGITS) return DEFAULT_MASK;
  return `${digits.slice(0, 6)}${'*'.repeat(digits.length - 10)}${digits.slice(-4)}`;
}

/**
 * Builds a strategy that renders `*** <typeName> ***` whatever the value, like Rust
 * `hyperswitch_masking`'s `*** alloc::string::String ***`. Useful to tell in a log line which kind
 * of secret was there without revealing anything about it.
 *
 * @param typeName - A developer-chosen label (never derived from the value).
 *
 * @example
 * new Secret('sk_live_123', withType('ApiKey')).masked(); // '*** ApiKey ***'
 */
export function withType<T = unknown>(typeName: string): MaskingStrategy<T> {
  const rendered = `*** ${typeName} ***`;
  return () => rendered;
}
