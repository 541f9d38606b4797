import type { Secret } from '@prism-sessions/masking';
import { verifyPaytmSignature } from './paytm.signature';
import { rawTopLevelMember } from './wire/paytm.raw-json';

/** Why a Paytm answer's signature was not accepted. */
export type PaytmAnswerSignatureFailure =
  /** `head.signature` is absent, null or empty. */
  | 'missing'
  /** It does not verify over the raw `body` with the merchant key (altered, or signed with another key). */
  | 'invalid'
  /** The answer has more than one top-level `body` member, so what was signed is ambiguous. */
  | 'ambiguous';

/** The outcome of {@link checkPaytmAnswerSignature}. */
export type PaytmAnswerSignatureCheck = { readonly ok: true } | { readonly ok: false; readonly reason: PaytmAnswerSignatureFailure };

/**
 * Checks a Paytm answer the way Paytm signs it: `head.signature` is its checksum over the exact
 * characters of the answer's top-level `body` member as received (never a re-serialisation),
 * verified with the merchant key in constant time.
 *
 * @param text - The whole answer text, as received.
 * @param signature - The answer's `head.signature`, as parsed.
 * @param merchantKey - The merchant key the request was signed with.
 */
export function checkPaytmAnswerSignature(text: string, signature: string | null | undefined, merchantKey: Secret<string>): PaytmAnswerSignatureCheck {
  if (typeof signature !== 'string' || signature === '') return { ok: false, reason: 'missing' };
  const body = rawTopLevelMember(text, 'body');
  if (!body.ok) return { ok: false, reason: body.reason === 'duplicate' ? 'ambiguous' : 'invalid' };
  return verifyPaytmSignature(body.raw, merchantKey, signature) ? { ok: true } : { ok: false, reason: 'invalid' };
}
