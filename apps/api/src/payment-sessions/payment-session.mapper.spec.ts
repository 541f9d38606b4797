import 'reflect-metadata';
import { getMetadataStorage } from 'type-graphql';
import { Secret } from '@prism-sessions/masking';
import { ConnectorEnum, SessionStatusEnum } from '../graphql/types/enums';
import { ConnectorErrorDetails, ErrorInfo, UnifiedErrorDetails } from '../graphql/types/error-info.type';
import { MoneyType } from '../graphql/types/money.type';
import { toErrorInfo, toPaymentSession } from './payment-session.mapper';
import { PaymentSessionType } from './payment-session.type';
import { describeError, type SessionError } from './session-error';
import type { SessionRecord } from './session-record';

const NOW = new Date('2024-06-01T12:00:00.000Z');
const TOKEN = new Secret('TOKEN_CANARY');

function record(overrides: Partial<SessionRecord> = {}): SessionRecord {
  return {
    id: '3f2b8c1e-9a4d-4e6f-8b7a-1c2d3e4f5a6b',
    merchantId: 'merchant-1',
    connector: 'nuvei',
    connectorAccountId: null,
    merchantSessionId: 'order-42',
    idempotencyKey: 'idem-1',
    requestFingerprint: 'FINGERPRINT_CANARY',
    amount: { minorAmount: 1000n, currency: 'USD' },
    testMode: true,
    status: 'ACTIVE',
    token: TOKEN,
    expiresAt: new Date(NOW.getTime() + 14 * 60_000),
    httpStatus: 200,
    error: null,
    attemptCount: 1,
    createdAt: new Date('2024-06-01T11:59:00.000Z'),
    updatedAt: new Date('2024-06-01T11:59:01.000Z'),
    revokedAt: null,
    ...overrides,
  };
}

/** Names of the GraphQL fields declared on PaymentSession by the type class itself. */
function declaredFields(target: abstract new () => object): string[] {
  return getMetadataStorage()
    .fields.filter((field) => field.target === target)
    .map((field) => field.name);
}

describe('toPaymentSession', () => {
  it('maps an ACTIVE session before expiry', () => {
    const source = record();
    const view = toPaymentSession(source, NOW);
    expect(view).toBeInstanceOf(PaymentSessionType);
    expect(view.id).toBe(source.id);
    expect(view.merchantSessionId).toBe('order-42');
    expect(view.connector).toBe(ConnectorEnum.NUVEI);
    expect(view.status).toBe(SessionStatusEnum.ACTIVE);
    expect(view.testMode).toBe(true);
    expect(view.createdAt).toBe(source.createdAt);
    expect(view.updatedAt).toBe(source.updatedAt);
    expect(view.expiresAt).toBe(source.expiresAt);
    expect(view.attemptCount).toBe(1);
    expect(view.idempotencyKey).toBe('idem-1');
    expect(view.error).toBeUndefined();
    expect(view.amount).toBeInstanceOf(MoneyType);
    expect(view.amount.minorAmount).toBe(1000n);
    expect(view.amount.currency).toBe('USD');
    expect(view.amount.formatted).toBe('10.00');
  });

  it('maps the Paytm connector', () => {
    expect(toPaymentSession(record({ connector: 'paytm', amount: { minorAmount: 150n, currency: 'INR' } }), NOW).connector).toBe(ConnectorEnum.PAYTM);
  });

  it('derives EXPIRED for an ACTIVE session at or past expiry, from the given now', () => {
    const expiresAt = new Date('2024-06-01T12:14:00.000Z');
    const source = record({ expiresAt });
    expect(toPaymentSession(source, new Date(expiresAt.getTime() - 1)).status).toBe(SessionStatusEnum.ACTIVE);
    expect(toPaymentSession(source, expiresAt).status).toBe(SessionStatusEnum.EXPIRED);
    expect(toPaymentSession(source, new Date(expiresAt.getTime() + 1)).status).toBe(SessionStatusEnum.EXPIRED);
    expect(source.status).toBe('ACTIVE');
  });

  it.each(['PENDING', 'FAILED', 'REVOKED', 'OUTCOME_UNKNOWN', 'EXPIRED'] as const)('keeps %s even past expiry', (status) => {
    expect(toPaymentSession(record({ status, expiresAt: new Date(NOW.getTime() - 1) }), NOW).status).toBe(SessionStatusEnum[status]);
  });

  it('omits expiresAt, idempotencyKey and error when absent', () => {
    const view = toPaymentSession(record({ status: 'PENDING', expiresAt: null, idempotencyKey: null, token: null }), NOW);
    // Declared (optional) class fields exist as own properties; absent means undefined (GraphQL null).
    expect(view.expiresAt).toBeUndefined();
    expect(view.idempotencyKey).toBeUndefined();
    expect(view.error).toBeUndefined();
  });

  it('keeps minor amounts beyond 2^53 exact', () => {
    const view = toPaymentSession(record({ amount: { minorAmount: 2n ** 63n - 1n, currency: 'USD' } }), NOW);
    expect(view.amount.minorAmount).toBe(9223372036854775807n);
  });

  it('maps the stored error', () => {
    const error: SessionError = { unifiedCode: 'INVALID_SIGNATURE', source: 'GATEWAY', retryable: false, description: 'Nuvei 1001: invalid checksum', connector: { code: '1001', message: 'Invalid checksum', reason: 'checksum' }, gatewayHttpStatus: 200 };
    const view = toPaymentSession(record({ status: 'FAILED', error, token: null }), NOW);
    expect(view.error).toBeInstanceOf(ErrorInfo);
    expect(view.error?.unifiedDetails.code).toBe('INVALID_SIGNATURE');
    expect(view.error?.connectorDetails).toEqual(Object.assign(new ConnectorErrorDetails(), { code: '1001', message: 'Invalid checksum', reason: 'checksum' }));
  });

  describe('the token', () => {
    it('is not among the GraphQL fields PaymentSession declares', () => {
      const fields = declaredFields(PaymentSessionType);
      expect(fields.sort()).toEqual(['amount', 'attemptCount', 'connector', 'connectorAccountId', 'createdAt', 'error', 'expiresAt', 'id', 'idempotencyKey', 'merchantSessionId', 'status', 'testMode', 'updatedAt']);
      for (const hidden of ['token', 'tokenCiphertext', 'encryptionKeyId', 'record', 'merchantId', 'requestFingerprint']) expect(fields).not.toContain(hidden);
    });

    it('is reachable only through the non-enumerable-to-GraphQL `record`, which is the stored record itself', () => {
      const source = record();
      const view = toPaymentSession(source, NOW);
      const keys = Object.keys(view).filter((key) => key !== 'record');
      expect(keys.every((key) => declaredFields(PaymentSessionType).includes(key))).toBe(true);
      expect(keys.some((key) => /token|cipher|key ?id|fingerprint|merchantId/i.test(key) && key !== 'idempotencyKey')).toBe(false);
      expect(view.record).toBe(source);
      expect(view.record.token).toBe(TOKEN);
    });

    it('does not appear anywhere in the view outside `record`', () => {
      const view = toPaymentSession(record({ error: { unifiedCode: 'GATEWAY_TIMEOUT', source: 'NETWORK', retryable: true } }), NOW);
      const { record: _record, ...rest } = view;
      const json = JSON.stringify(rest, (_key, value: unknown) => (typeof value === 'bigint' ? value.toString() : value));
      expect(json).not.toMatch(/TOKEN_CANARY|FINGERPRINT_CANARY|merchant-1/);
    });
  });
});

describe('toErrorInfo', () => {
  it('takes message and guidance from the catalogue and keeps source and retryability', () => {
    const info = toErrorInfo({ unifiedCode: 'GATEWAY_TIMEOUT', source: 'NETWORK', retryable: true });
    expect(info).toBeInstanceOf(ErrorInfo);
    expect(info.unifiedDetails).toBeInstanceOf(UnifiedErrorDetails);
    expect(info.unifiedDetails).toEqual(
      Object.assign(new UnifiedErrorDetails(), { code: 'GATEWAY_TIMEOUT', message: describeError('GATEWAY_TIMEOUT').message, userGuidanceMessage: describeError('GATEWAY_TIMEOUT').guidance }),
    );
    expect(info.unifiedDetails.description).toBeUndefined();
    expect(info.retryable).toBe(true);
    expect(info.source).toBe('NETWORK');
    expect(info.connectorDetails).toBeUndefined();
    expect(info.gatewayHttpStatus).toBeUndefined();
  });

  it('lets a description override the catalogue description only', () => {
    const info = toErrorInfo({ unifiedCode: 'GATEWAY_REJECTED', source: 'GATEWAY', retryable: false, description: 'Nuvei 1064: session already used' });
    expect(info.unifiedDetails.description).toBe('Nuvei 1064: session already used');
    expect(info.unifiedDetails.message).toBe(describeError('GATEWAY_REJECTED').message);
  });

  it('copies connector details and the gateway HTTP status (including 0 and partial details)', () => {
    const info = toErrorInfo({ unifiedCode: 'GATEWAY_UNAVAILABLE', source: 'GATEWAY', retryable: true, connector: { code: '500' }, gatewayHttpStatus: 503 });
    expect(info.connectorDetails).toBeInstanceOf(ConnectorErrorDetails);
    expect(info.connectorDetails).toEqual(Object.assign(new ConnectorErrorDetails(), { code: '500' }));
    expect(info.gatewayHttpStatus).toBe(503);
    expect(toErrorInfo({ unifiedCode: 'NETWORK_ERROR', source: 'NETWORK', retryable: true, gatewayHttpStatus: 0 }).gatewayHttpStatus).toBe(0);
  });

  it.each(['IDEMPOTENCY_CONFLICT', 'SESSION_IN_PROGRESS', 'SESSION_REVOKED', 'SESSION_NOT_FOUND', 'INTERNAL_ERROR'] as const)('maps the service code %s', (code) => {
    const info = toErrorInfo({ unifiedCode: code, source: 'SERVICE', retryable: false });
    expect(info.unifiedDetails.code).toBe(code);
    expect(info.unifiedDetails.message).toBe(describeError(code).message);
  });
});
