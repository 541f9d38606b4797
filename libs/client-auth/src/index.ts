export { assertClientPayloadClaims, InvalidClaimError, MAX_CLAIM_LENGTH, serializeClientPayload, timestampClaim, TIMESTAMP_PATTERN } from './lib/client-payload';
export type { ClientPayloadClaims } from './lib/client-payload';
export { InvalidPrivateKeyError, signClientPayload } from './lib/sign';
export type { SignedClientPayload } from './lib/sign';
export { decodeSignature, verifyClientPayload } from './lib/verify';
