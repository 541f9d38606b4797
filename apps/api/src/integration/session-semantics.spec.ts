import { paytmFakeAnswers } from '@prism-sessions/connectors-paytm/testing';
import { CREATE_SESSION_TOKEN, PAYMENT_SESSION, PAYMENT_SESSIONS, REVOKE_PAYMENT_SESSION } from '@prism-sessions/testing-graphql-documents';
import { authHeaders, nuveiConfigHeader, OffsetClock, paytmConfigHeader, startIntegrationEnv, TEST_PAYTM, type IntegrationEnv } from '../testing/integration-harness';

jest.setTimeout(120_000);

interface Result {
  createSessionToken: {
    sessionToken: string | null;
    statusCode: number;
    replayed: boolean;
    error: null | { retryable: boolean; unifiedDetails: { code: string; description: string | null }; connectorDetails: { code: string | null } | null };
    session: { id: string; status: string; attemptCount: number; expiresAt: string | null } | null;
  };
}

const nuveiInput = (overrides: Record<string, unknown> = {}) => ({ connector: 'NUVEI', merchantSessionId: 'order_77', amount: { minorAmount: 1000, currency: 'USD' }, ...overrides });
const paytmInput = (overrides: Record<string, unknown> = {}) => ({ connector: 'PAYTM', merchantSessionId: 'ORDER_77', amount: { minorAmount: 1000, currency: 'INR' }, ...overrides });

const clock = new OffsetClock();
let env: IntegrationEnv;
const create = (input: Record<string, unknown>, headers: Record<string, string>) => env.gql<Result>(CREATE_SESSION_TOKEN, { input }, headers).then((r) => r.data?.createSessionToken);
const asA = () => authHeaders(env.merchantA.apiKey, nuveiConfigHeader());
const asB = () => authHeaders(env.merchantB.apiKey, nuveiConfigHeader());

beforeAll(async () => {
  env = await startIntegrationEnv({ clock, gatewayTimeoutMs: 3000 }); // room for a busy machine
});
afterAll(async () => {
  await env?.close();
});
beforeEach(async () => {
  clock.offsetMs = 0;
  await env.reset();
});

describe('idempotent replay', () => {
  it('returns the stored live token for the same merchant session without a second gateway call', async () => {
    const first = await create(nuveiInput(), asA());
    const second = await create(nuveiInput(), asA());
    expect(first?.statusCode).toBe(200);
    expect(second?.replayed).toBe(true);
    expect(second?.sessionToken).toBe(first?.sessionToken);
    expect(second?.session?.id).toBe(first?.session?.id);
    expect(env.gateway.callCount('nuvei')).toBe(1);
  });

  it('answers the same merchantSessionId with other parameters as a 409 IDEMPOTENCY_CONFLICT, sending nothing', async () => {
    await create(nuveiInput(), asA());
    for (const change of [{ amount: { minorAmount: 1001, currency: 'USD' } }, { amount: { minorAmount: 1000, currency: 'EUR' } }, { testMode: false }]) {
      const conflict = await create(nuveiInput(change), asA());
      expect(conflict?.statusCode).toBe(409);
      expect(conflict?.sessionToken).toBeNull();
      expect(conflict?.error?.unifiedDetails.code).toBe('IDEMPOTENCY_CONFLICT');
    }
    expect(env.gateway.callCount('nuvei')).toBe(1);
  });

  it('allows a new attempt after a failure, keeping the attempt count and every attempt row', async () => {
    const failed = await create(nuveiInput(), authHeaders(env.merchantA.apiKey, nuveiConfigHeader('wrong')));
    expect(failed?.session?.status).toBe('FAILED');
    const retried = await create(nuveiInput(), asA());
    expect(retried?.statusCode).toBe(200);
    expect(retried?.session?.attemptCount).toBe(2);
    expect(retried?.session?.id).toBe(failed?.session?.id);
    const attempts = await env.prisma.paymentSessionAttempt.findMany({ orderBy: { attemptNumber: 'asc' } });
    expect(attempts.map((a) => [a.attemptNumber, a.status])).toEqual([
      [1, 'FAILED'],
      [2, 'ACTIVE'],
    ]);
  });

  it('allows a new attempt after expiry and reports EXPIRED in between', async () => {
    const first = await create(nuveiInput(), asA());
    clock.advance(15 * 60_000);
    const read = await env.gql<{ paymentSession: { status: string; token: string | null } }>('query($id: ID!) { paymentSession(id: $id) { status token } }', { id: first?.session?.id }, asA());
    expect(read.data?.paymentSession).toEqual({ status: 'EXPIRED', token: null });
    expect((await env.prisma.paymentSession.findFirstOrThrow({})).status).toBe('EXPIRED');
    const again = await create(nuveiInput(), asA());
    expect(again?.statusCode).toBe(200);
    expect(again?.replayed).toBe(false);
    expect(again?.sessionToken).not.toBe(first?.sessionToken);
    expect(again?.session?.attemptCount).toBe(2);
    expect(env.gateway.callCount('nuvei')).toBe(2);
  });

  it('gives Stripe-style semantics to idempotencyKey', async () => {
    const first = await create(nuveiInput({ idempotencyKey: 'key-1' }), asA());
    const same = await create(nuveiInput({ idempotencyKey: 'key-1' }), asA());
    expect(same?.replayed).toBe(true);
    expect(same?.sessionToken).toBe(first?.sessionToken);
    const otherParams = await create(nuveiInput({ idempotencyKey: 'key-1', merchantSessionId: 'order_78' }), asA());
    expect(otherParams?.statusCode).toBe(409);
    expect(otherParams?.error?.unifiedDetails.code).toBe('IDEMPOTENCY_CONFLICT');
    // A stored failure is returned as is for the same key.
    const failed = await create(nuveiInput({ idempotencyKey: 'key-2', merchantSessionId: 'order_79' }), authHeaders(env.merchantA.apiKey, nuveiConfigHeader('wrong')));
    const failedAgain = await create(nuveiInput({ idempotencyKey: 'key-2', merchantSessionId: 'order_79' }), asA());
    expect(failedAgain?.replayed).toBe(true);
    expect(failedAgain?.error?.unifiedDetails.code).toBe(failed?.error?.unifiedDetails.code);
    expect(env.gateway.callCount('nuvei')).toBe(2);
  });
});

describe('Paytm 0002 duplicate answers', () => {
  it('explains that we never received the token when the gateway says duplicate on a first call', async () => {
    env.gateway.setFault('paytm', { kind: 'answer', response: paytmFakeAnswers.duplicate('tok_we_never_saw', { merchantKey: TEST_PAYTM.merchantKey }) }, { times: 1 });
    const res = await create(paytmInput(), authHeaders(env.merchantA.apiKey, paytmConfigHeader()));
    expect(res?.sessionToken).toBeNull();
    expect(res?.error?.unifiedDetails.code).toBe('DUPLICATE_REQUEST');
    expect(res?.error?.connectorDetails?.code).toBe('0002');
    expect(res?.error?.unifiedDetails.description).toMatch(/never received its token/);
    expect(JSON.stringify(res)).not.toContain('tok_we_never_saw');
  });

  it('explains that our held token expired when Paytm answers 0002 to a retry after expiry', async () => {
    const first = await create(paytmInput(), authHeaders(env.merchantA.apiKey, paytmConfigHeader()));
    expect(first?.statusCode).toBe(200);
    clock.advance(14.5 * 60_000);
    const retry = await create(paytmInput(), authHeaders(env.merchantA.apiKey, paytmConfigHeader()));
    expect(retry?.error?.connectorDetails?.code).toBe('0002');
    expect(retry?.error?.unifiedDetails.description).toMatch(/expired at/);
    expect(env.gateway.callCount('paytm')).toBe(2);
  });
});

describe('concurrency', () => {
  it('turns 50 concurrent identical requests into one gateway call and one token, with no errors', async () => {
    env.gateway.setFault('nuvei', { kind: 'latency', ms: 150 });
    const results = await Promise.all(Array.from({ length: 50 }, () => env.gql<Result>(CREATE_SESSION_TOKEN, { input: nuveiInput() }, asA())));
    expect(results.every((r) => r.errors === undefined)).toBe(true);
    const tokens = new Set(results.map((r) => r.data?.createSessionToken.sessionToken));
    expect(tokens.size).toBe(1);
    expect([...tokens][0]).toEqual(expect.any(String));
    expect(env.gateway.callCount('nuvei')).toBe(1);
    expect(await env.prisma.paymentSession.count()).toBe(1);
  });
});

describe('lifecycle and revocation', () => {
  it('revokes a session: no token afterwards, the ciphertext is shredded, and listing filters by status', async () => {
    const created = await create(nuveiInput(), asA());
    const revoked = await env.gql<{ revokePaymentSession: { session: { status: string; token: string | null } } }>(REVOKE_PAYMENT_SESSION, { id: created?.session?.id }, asA());
    expect(revoked.data?.revokePaymentSession.session).toEqual({ status: 'REVOKED', token: null });
    const row = await env.prisma.paymentSession.findFirstOrThrow({});
    expect(row.tokenCiphertext).toBeNull();
    const list = await env.gql<{ paymentSessions: { edges: Array<{ node: { status: string } }> } }>(
      PAYMENT_SESSIONS,
      { filter: { status: 'REVOKED' } },
      asA(),
    );
    expect(list.data?.paymentSessions.edges.map((e) => e.node.status)).toEqual(['REVOKED']);
  });

  it('lets merchant B neither read, list, replay, conflict with nor revoke merchant A’s session', async () => {
    const a = await create(nuveiInput(), asA());
    const id = a?.session?.id;
    const read = await env.gql<{ paymentSession: unknown }>(PAYMENT_SESSION, { id }, asB());
    expect(read.data?.paymentSession).toBeNull();
    const list = await env.gql<{ paymentSessions: { edges: unknown[] } }>(PAYMENT_SESSIONS, {}, asB());
    expect(list.data?.paymentSessions.edges).toEqual([]);
    const revoke = await env.gql<{ revokePaymentSession: { error: { unifiedDetails: { code: string } } } }>(REVOKE_PAYMENT_SESSION, { id }, asB());
    expect(revoke.data?.revokePaymentSession.error.unifiedDetails.code).toBe('SESSION_NOT_FOUND');
    const missing = await env.gql(REVOKE_PAYMENT_SESSION, { id: '00000000-0000-4000-8000-000000000000' }, asB());
    expect(revoke.raw).toBe(missing.raw);
    // Same merchantSessionId with other parameters: B gets its own session, no conflict, no replay of A's token.
    const b = await create(nuveiInput({ amount: { minorAmount: 5, currency: 'USD' } }), asB());
    expect(b?.statusCode).toBe(200);
    expect(b?.replayed).toBe(false);
    expect(b?.sessionToken).not.toBe(a?.sessionToken);
    expect((await env.prisma.paymentSession.findUniqueOrThrow({ where: { id: id ?? '' } })).status).toBe('ACTIVE');
  });

  it('pages through sessions with opaque cursors, newest first', async () => {
    for (let n = 0; n < 5; n += 1) {
      clock.advance(1_000);
      await create(nuveiInput({ merchantSessionId: `page_${n}` }), asA());
    }
    const page = (after?: string) =>
      env.gql<{ paymentSessions: { edges: Array<{ cursor: string; node: { merchantSessionId: string } }>; pageInfo: { hasNextPage: boolean; endCursor: string } } }>(
        PAYMENT_SESSIONS,
        { first: 2, filter: { connector: 'NUVEI', status: 'ACTIVE' }, ...(after ? { after } : {}) },
        asA(),
      );
    const seen: string[] = [];
    let after: string | undefined;
    for (;;) {
      const res = await page(after);
      const data = res.data?.paymentSessions;
      seen.push(...(data?.edges.map((e) => e.node.merchantSessionId) ?? []));
      if (!data?.pageInfo.hasNextPage) break;
      after = data.pageInfo.endCursor;
    }
    expect(seen).toEqual(['page_4', 'page_3', 'page_2', 'page_1', 'page_0']);
  });
});
