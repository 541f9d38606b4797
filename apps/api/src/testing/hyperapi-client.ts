import { randomUUID, type KeyObject } from 'node:crypto';
import { signClientPayload } from '@prism-sessions/client-auth';
import { REGISTER_CLIENT_SIGNING_KEY, UPDATE_AUTH, UPI_GET_SESSION_TOKEN } from '@prism-sessions/testing-graphql-documents';
import { authHeaders, type IntegrationEnv } from './integration-harness';

/** An answer of POST /hyperapi/process. */
export interface RestAnswer {
  readonly status: number;
  readonly body: Record<string, unknown>;
  readonly raw: string;
}

/** POSTs a JSON value (or a raw body) to /hyperapi/process on the API at `graphqlUrl`. */
export async function postProcess(graphqlUrl: string, body: unknown, options: { raw?: Buffer | string; contentType?: string; method?: string } = {}): Promise<RestAnswer> {
  const response = await fetch(new URL('/hyperapi/process', graphqlUrl), {
    method: options.method ?? 'POST',
    headers: { 'content-type': options.contentType ?? 'application/json' },
    ...(options.method === 'GET' ? {} : { body: options.raw ?? JSON.stringify(body) }),
  });
  const raw = await response.text();
  return { status: response.status, body: JSON.parse(raw) as Record<string, unknown>, raw };
}

/** Drops null members (GraphQL returns null for fields REST leaves out), recursively. */
export function withoutNulls(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutNulls);
  if (typeof value === 'object' && value !== null) return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== null).map(([k, v]) => [k, withoutNulls(v)]));
  return value;
}

/** The GraphQL answer (upiGetSessionToken, or updateAuth for that action) of an envelope, nulls dropped; throws on GraphQL errors. */
export async function viaGraphql(env: IntegrationEnv, envelope: Record<string, unknown>, headers: Record<string, string> = {}): Promise<Record<string, unknown>> {
  const action = (envelope['payload'] as Record<string, unknown> | undefined)?.['action'];
  const field = action === 'updateAuth' ? 'updateAuth' : 'upiGetSessionToken';
  const answer = await env.gql<Record<string, unknown>>(field === 'updateAuth' ? UPDATE_AUTH : UPI_GET_SESSION_TOKEN, { request: envelope }, headers);
  if (answer.errors) throw new Error(`GraphQL errors: ${JSON.stringify(answer.errors)}`);
  return withoutNulls(answer.data?.[field]) as Record<string, unknown>;
}

/** Registers a public key under `keyId` for a merchant (secret key). */
export async function registerKey(env: IntegrationEnv, apiKey: string, keyId: string, publicKey: KeyObject): Promise<void> {
  const answer = await env.gql(REGISTER_CLIENT_SIGNING_KEY, { input: { keyId, publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }) } }, authHeaders(apiKey));
  if (answer.errors) throw new Error(`could not register ${keyId}: ${JSON.stringify(answer.errors)}`);
}

/** What a signed envelope is built from. */
export interface SignedEnvelopeParts {
  readonly privateKey: KeyObject;
  readonly keyId: string;
  readonly merchantId: string;
  readonly customerId: string;
  /** Epoch ms of the signed timestamp (default: now). */
  readonly timestampMs?: number;
  readonly requestId?: string;
  readonly action?: string;
  /** Extra or replaced inner payload members. */
  readonly payload?: Record<string, unknown>;
}

/** A seed-shaped envelope signed with the merchant-side helper. */
export function signedEnvelope(parts: SignedEnvelopeParts): Record<string, unknown> {
  const signed = signClientPayload(parts.privateKey, { merchant_id: parts.merchantId, customer_id: parts.customerId, timestamp: String(parts.timestampMs ?? Date.now()) });
  return {
    requestId: parts.requestId ?? randomUUID(),
    service: 'in.juspay.hyperapi',
    payload: { action: parts.action ?? 'upiGetSessionToken', merchantKeyId: parts.keyId, signature: signed.signature, signaturePayload: signed.signaturePayload, ...parts.payload },
  };
}

/** The same envelope with a fresh requestId. */
export const withNewRequestId = (envelope: Record<string, unknown>): Record<string, unknown> => ({ ...envelope, requestId: randomUUID() });
