export { Secret, isSecret, DEFAULT_MASK } from './lib/secret';
export type { MaskingStrategy } from './lib/secret';
export { maskEmail, maskPhone, maskUpiVpa, maskPan, withType } from './lib/strategies';
export { exposeHeaders, maskHeaders } from './lib/maskable';
export type { MaskableHeaderValue, MaskableHeaders } from './lib/maskable';
export { redact, redactKeys } from './lib/redact';
export type { RedactOptions, RedactedValue } from './lib/redact';
