import { CANCEL_PAYMENT, CREATE_PAYMENT, PAYMENT, PAYMENTS } from '@prism-sessions/testing-graphql-documents';
import { authHeaders, startIntegrationEnv, type IntegrationEnv } from '../testing/integration-harness';

jest.setTimeout(120_000);

interface PaymentView {
  id: string;
  status: string;
  merchantReference: string | null;
  customerId: string | null;
  billingCountry: string | null;
  description: string | null;
  clientSecretExpiresAt: string;
  createdAt: string;
  amount: { minorAmount: string; currency: string; formatted: string };
}
interface CreatePayload {
  createPayment: { clientSecret: string | null; payment: PaymentView | null; error: { source: string; unifiedDetails: { code: string; message: string } } | null };
}

let env: IntegrationEnv;
const a = () => authHeaders(env.merchantA.apiKey);
const b = () => authHeaders(env.merchantB.apiKey);

async function create(input: Record<string, unknown> = {}, headers = a()): Promise<CreatePayload['createPayment']> {
  const res = await env.gql<CreatePayload>(CREATE_PAYMENT, { input: { amount: { minorAmount: 1000, currency: 'USD' }, ...input } }, headers);
  expect(res.errors).toBeUndefined();
  return res.data?.createPayment as CreatePayload['createPayment'];
}

beforeAll(async () => {
  env = await startIntegrationEnv();
});
afterAll(async () => {
  await env?.close();
});
beforeEach(async () => {
  await env.reset();
});

describe('payments', () => {
  it('creates a payment with a pay_ id and a client secret shown once, stored only as its SHA-256', async () => {
    const payload = await create({ merchantReference: 'order-1', customerId: 'cus_1', billingCountry: 'DE', description: 'Two mugs' });
    const payment = payload.payment as PaymentView;
    expect(payment.id).toMatch(/^pay_[0-9A-Za-z]{20}$/);
    expect(payload.clientSecret).toMatch(new RegExp(`^${payment.id}_secret_[0-9A-Za-z]{20}$`));
    expect(payment).toMatchObject({ status: 'REQUIRES_PAYMENT_METHOD', merchantReference: 'order-1', customerId: 'cus_1', billingCountry: 'DE', description: 'Two mugs', amount: { minorAmount: '1000', currency: 'USD', formatted: '10.00' } });
    expect(new Date(payment.clientSecretExpiresAt).getTime() - new Date(payment.createdAt).getTime()).toBe(900_000);
    const row = await env.prisma.payment.findUniqueOrThrow({ where: { id: payment.id } });
    const { createHash } = await import('node:crypto');
    expect(row.clientSecretHash).toBe(createHash('sha256').update(payload.clientSecret ?? '').digest('hex'));
    expect(JSON.stringify(row, (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v))).not.toContain(payload.clientSecret);
    const read = await env.gql<{ payment: PaymentView & { sessions: unknown[] } }>(PAYMENT, { id: payment.id }, a());
    expect(read.data?.payment).toMatchObject({ id: payment.id, sessions: [] });
    expect(read.raw).not.toContain('_secret_');
  });

  it('is idempotent per merchantReference: same amount answers the same payment without a new secret; another amount conflicts', async () => {
    const first = await create({ merchantReference: 'order-7' });
    const again = await create({ merchantReference: 'order-7' });
    expect(again.payment?.id).toBe(first.payment?.id);
    expect(again.clientSecret).toBeNull();
    const conflict = await create({ merchantReference: 'order-7', amount: { minorAmount: 1001, currency: 'USD' } });
    expect(conflict).toMatchObject({ payment: null, clientSecret: null, error: { source: 'CONFLICT', unifiedDetails: { code: 'MERCHANT_REFERENCE_CONFLICT' } } });
    // References are per merchant.
    const other = await create({ merchantReference: 'order-7' }, b());
    expect(other.payment?.id).not.toBe(first.payment?.id);
    expect(other.clientSecret).not.toBeNull();
    expect(await env.prisma.payment.count()).toBe(2);
  });

  it('creates one payment when the same reference races', async () => {
    const answers = await Promise.all(Array.from({ length: 6 }, () => create({ merchantReference: 'race-1' })));
    expect(new Set(answers.map((p) => p.payment?.id)).size).toBe(1);
    expect(answers.filter((p) => p.clientSecret !== null)).toHaveLength(1);
    expect(await env.prisma.payment.count()).toBe(1);
  });

  it('cancels, idempotently; a final payment stays as it is', async () => {
    const payment = (await create()).payment as PaymentView;
    const cancel = () => env.gql<{ cancelPayment: { payment: PaymentView | null; error: { unifiedDetails: { code: string } } | null } }>(CANCEL_PAYMENT, { id: payment.id }, a());
    expect((await cancel()).data?.cancelPayment.payment?.status).toBe('CANCELLED');
    expect((await cancel()).data?.cancelPayment.payment?.status).toBe('CANCELLED');
    const done = (await create()).payment as PaymentView;
    await env.prisma.payment.update({ where: { id: done.id }, data: { status: 'SUCCEEDED' } });
    const res = await env.gql<{ cancelPayment: { payment: PaymentView } }>(CANCEL_PAYMENT, { id: done.id }, a());
    expect(res.data?.cancelPayment.payment.status).toBe('SUCCEEDED');
  });

  it('keeps merchant A’s payments invisible to merchant B', async () => {
    const payment = (await create()).payment as PaymentView;
    expect((await env.gql<{ payment: unknown }>(PAYMENT, { id: payment.id }, b())).data?.payment).toBeNull();
    expect((await env.gql<{ payments: { edges: unknown[] } }>(PAYMENTS, {}, b())).data?.payments.edges).toEqual([]);
    const cancel = await env.gql<{ cancelPayment: { payment: unknown; error: { unifiedDetails: { code: string } } } }>(CANCEL_PAYMENT, { id: payment.id }, b());
    expect(cancel.data?.cancelPayment).toMatchObject({ payment: null, error: { unifiedDetails: { code: 'PAYMENT_NOT_FOUND' } } });
    expect((await env.prisma.payment.findUniqueOrThrow({ where: { id: payment.id } })).status).toBe('REQUIRES_PAYMENT_METHOD');
  });

  it('pages newest first (Relay) and filters by status', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 5; i += 1) ids.push(((await create()).payment as PaymentView).id);
    await env.gql(CANCEL_PAYMENT, { id: ids[0] }, a());
    type Page = { payments: { edges: Array<{ cursor: string; node: PaymentView }>; pageInfo: { hasNextPage: boolean; endCursor: string | null } } };
    const first = await env.gql<Page>(PAYMENTS, { first: 2 }, a());
    const second = await env.gql<Page>(PAYMENTS, { first: 10, after: first.data?.payments.pageInfo.endCursor }, a());
    const seen = [...(first.data?.payments.edges ?? []), ...(second.data?.payments.edges ?? [])].map((e) => e.node.id);
    expect(first.data?.payments.pageInfo.hasNextPage).toBe(true);
    expect(second.data?.payments.pageInfo.hasNextPage).toBe(false);
    expect(seen).toEqual([...ids].reverse());
    const cancelled = await env.gql<Page>(PAYMENTS, { filter: { status: 'CANCELLED' } }, a());
    expect(cancelled.data?.payments.edges.map((e) => e.node.id)).toEqual([ids[0]]);
  });
});

describe('POST /payments/session_tokens rate limit', () => {
  let limited: IntegrationEnv;
  const rejections: string[] = [];
  beforeAll(async () => {
    limited = await startIntegrationEnv({ env: { RATE_LIMIT_BURST: '2', RATE_LIMIT_PER_SECOND: '0.001' }, onRateLimited: (r) => rejections.push(r.merchantId) });
  });
  afterAll(async () => {
    await limited?.close();
  });

  it('spends the merchant’s gateway-call bucket: over it, 429 with retry-after and nothing done', async () => {
    const created = await limited.gql<{ createPayment: { clientSecret: string; payment: { id: string } } }>(CREATE_PAYMENT, { input: { amount: { minorAmount: 1000, currency: 'USD' } } }, authHeaders(limited.merchantA.apiKey));
    const body = { payment_id: created.data?.createPayment.payment.id, client_secret: created.data?.createPayment.clientSecret, wallets: [] };
    const pk = { 'api-key': limited.merchantA.publishableKey };
    const statuses = [];
    for (let i = 0; i < 3; i += 1) statuses.push((await limited.rest('/payments/session_tokens', body, pk)).status);
    expect(statuses).toEqual([200, 200, 429]);
    const refused = await limited.rest('/payments/session_tokens', body, pk);
    expect(refused.body).toMatchObject({ error: { code: 'RATE_LIMITED', type: 'invalid_request' } });
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(rejections).toContain(limited.merchantA.id);
    // Other merchants have their own bucket.
    expect((await limited.rest('/payments/session_tokens', body, { 'api-key': limited.merchantB.publishableKey })).status).toBe(404);
  });
});
