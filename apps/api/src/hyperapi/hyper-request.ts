import { Secret } from '@prism-sessions/masking';
import { fail, type HyperFailure } from './hyper-errors';
import { HYPER_SERVICE } from './hyper-envelope';

/** The actions `POST /hyperapi/process` serves. `getSessionToken` is the seed snippets' alias, echoed as sent. */
export const HYPER_ACTIONS = ['upiGetSessionToken', 'getSessionToken', 'updateAuth'] as const;
export type HyperAction = (typeof HYPER_ACTIONS)[number];

/** The signature group (merchantKeyId variant, spec §3). */
export interface SignatureAuth {
  readonly kind: 'SIGNATURE';
  readonly merchantKeyId: string;
  readonly signature: Secret<string>;
  /** Exactly as received: it is verified byte for byte, never re-serialized. */
  readonly signaturePayload: Secret<string>;
}

/** The clientAuthToken group (spec §4). */
export interface ClientAuthTokenAuth {
  readonly kind: 'CLIENT_AUTH_TOKEN';
  readonly clientAuthToken: Secret<string>;
  readonly merchantId: string;
  readonly customerId: string;
}

/** An envelope that passed steps 1–3 (shape, one auth group, types). */
export interface HyperRequest {
  readonly requestId: string;
  readonly action: HyperAction;
  readonly auth: SignatureAuth | ClientAuthTokenAuth;
  readonly udfParameters?: string;
  readonly customerMobileNumber?: Secret<string>;
  readonly simId?: string;
}

/** How strictly `requestId` is checked: a uuid-v4 (the seed's rule, default) or any 1–128 printable ASCII characters. */
export type RequestIdFormat = 'uuid-v4' | 'any';

const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;
const PRINTABLE_ID = /^[\x21-\x7e]{1,128}$/;
const SIGNATURE_FIELDS = ['merchantKeyId', 'signature', 'signaturePayload'] as const;
const TOKEN_FIELDS = ['clientAuthToken', 'merchantId', 'customerId'] as const;
const OPTIONAL_FIELDS = ['udfParameters', 'customerMobileNumber', 'simId'] as const;
/** Upper bounds (characters) of each string field: beyond them the request is refused unread. */
export const FIELD_LIMITS: Readonly<Record<string, number>> = {
  merchantKeyId: 64,
  signature: 4096,
  signaturePayload: 2048,
  clientAuthToken: 128,
  merchantId: 256,
  customerId: 256,
  udfParameters: 4096,
  customerMobileNumber: 16,
  simId: 2,
};
const MOBILE = /^91\d{10}$/;
const SIM_ID = /^\d{1,2}$/;

type Parsed = { ok: true; request: HyperRequest } | { ok: false; failure: HyperFailure };

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const present = (record: Record<string, unknown>, field: string): boolean => record[field] !== undefined && record[field] !== null;
const refuse = (failure: HyperFailure): Parsed => ({ ok: false, failure });

/** The requestId to echo in an answer: the one sent when it is a short printable string, else `""`. */
export function echoableRequestId(body: unknown): string {
  const requestId = isObject(body) ? body['requestId'] : undefined;
  return typeof requestId === 'string' && PRINTABLE_ID.test(requestId) ? requestId : '';
}

function checkShape(body: unknown, requestIdFormat: RequestIdFormat, actions: readonly HyperAction[]): { failure: HyperFailure } | { payload: Record<string, unknown> } {
  if (!isObject(body)) return { failure: fail('BAD_REQUEST', 'the body must be a JSON object') };
  const requestId = body['requestId'];
  if (typeof requestId !== 'string' || requestId === '') return { failure: fail('BAD_REQUEST', 'requestId must be a non-empty string') };
  if (!(requestIdFormat === 'uuid-v4' ? UUID_V4 : PRINTABLE_ID).test(requestId)) {
    return { failure: fail('BAD_REQUEST', requestIdFormat === 'uuid-v4' ? 'requestId must be a uuid-v4' : 'requestId must be 1–128 printable ASCII characters') };
  }
  if (body['service'] !== HYPER_SERVICE) return { failure: fail('BAD_REQUEST', `service must be "${HYPER_SERVICE}"`) };
  const payload = body['payload'];
  if (!isObject(payload)) return { failure: fail('BAD_REQUEST', 'payload must be a JSON object') };
  const action = payload['action'];
  if (typeof action !== 'string' || !(actions as readonly string[]).includes(action)) return { failure: fail('BAD_REQUEST', `payload.action must be one of ${actions.join(', ')}`) };
  return { payload };
}

function checkAuthGroup(payload: Record<string, unknown>): HyperFailure | 'SIGNATURE' | 'CLIENT_AUTH_TOKEN' {
  if (present(payload, 'protected') || present(payload, 'kid')) {
    return fail('JWS_NOT_SUPPORTED', 'the JWS variant (payload.protected / kid) is not supported: send merchantKeyId, signature and signaturePayload');
  }
  const signatureFields = SIGNATURE_FIELDS.filter((field) => present(payload, field));
  const hasToken = present(payload, 'clientAuthToken');
  if (signatureFields.length > 0 && hasToken) return fail('INVALID_AUTH_GROUP', 'send either merchantKeyId + signature + signaturePayload or clientAuthToken + merchantId + customerId, not both');
  if (signatureFields.length === 0 && !hasToken) return fail('INVALID_AUTH_GROUP', 'no authentication: send merchantKeyId + signature + signaturePayload, or clientAuthToken + merchantId + customerId');
  const group = hasToken ? TOKEN_FIELDS : SIGNATURE_FIELDS;
  const missing = group.find((field) => !present(payload, field));
  if (missing) return fail('INVALID_AUTH_GROUP', `payload.${missing} is missing`);
  return hasToken ? 'CLIENT_AUTH_TOKEN' : 'SIGNATURE';
}

function checkTypes(payload: Record<string, unknown>, fields: readonly string[]): HyperFailure | null {
  for (const field of fields) {
    if (!present(payload, field)) continue;
    const value = payload[field];
    if (typeof value !== 'string') return fail('TYPE_MISMATCH', `payload.${field} expected String`);
    const limit = FIELD_LIMITS[field] ?? 0;
    if (value.length > limit) return fail('BAD_REQUEST', `payload.${field} exceeds ${limit} characters`);
  }
  return null;
}

function checkOptionalFormats(payload: Record<string, unknown>): HyperFailure | null {
  const mobile = payload['customerMobileNumber'];
  if (typeof mobile === 'string' && !MOBILE.test(mobile)) return fail('BAD_REQUEST', 'payload.customerMobileNumber must be 12 digits starting with 91');
  const simId = payload['simId'];
  if (typeof simId === 'string' && !SIM_ID.test(simId)) return fail('BAD_REQUEST', 'payload.simId must be 1–2 digits');
  return null;
}

/**
 * Steps 1–3 of the verification pipeline (spec §10.2), pure: the envelope's shape, exactly one complete
 * auth group, and the JSON types and sizes of the fields. First failure wins; details name the field,
 * never its value.
 */
export function parseHyperRequest(body: unknown, requestIdFormat: RequestIdFormat = 'uuid-v4', actions: readonly HyperAction[] = HYPER_ACTIONS): Parsed {
  const shape = checkShape(body, requestIdFormat, actions);
  if ('failure' in shape) return refuse(shape.failure);
  const payload = shape.payload;
  const group = checkAuthGroup(payload);
  if (typeof group !== 'string') return refuse(group);
  const typeFailure = checkTypes(payload, [...(group === 'SIGNATURE' ? SIGNATURE_FIELDS : TOKEN_FIELDS), ...OPTIONAL_FIELDS]) ?? checkOptionalFormats(payload);
  if (typeFailure) return refuse(typeFailure);
  const text = (field: string) => payload[field] as string;
  const auth: HyperRequest['auth'] =
    group === 'SIGNATURE'
      ? { kind: 'SIGNATURE', merchantKeyId: text('merchantKeyId'), signature: new Secret(text('signature')), signaturePayload: new Secret(text('signaturePayload')) }
      : { kind: 'CLIENT_AUTH_TOKEN', clientAuthToken: new Secret(text('clientAuthToken')), merchantId: text('merchantId'), customerId: text('customerId') };
  return {
    ok: true,
    request: {
      requestId: (body as Record<string, unknown>)['requestId'] as string,
      action: payload['action'] as HyperAction,
      auth,
      ...(present(payload, 'udfParameters') ? { udfParameters: text('udfParameters') } : {}),
      ...(present(payload, 'customerMobileNumber') ? { customerMobileNumber: new Secret(text('customerMobileNumber')) } : {}),
      ...(present(payload, 'simId') ? { simId: text('simId') } : {}),
    },
  };
}
