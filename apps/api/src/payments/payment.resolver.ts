import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Clock } from '@prism-sessions/connector-interfaces';
import { createMoney } from '@prism-sessions/domain-types';
import { InvalidInputError } from '../errors/app-errors';
import type { GraphQLContext } from '../graphql/context';
import { requireMerchant } from '../graphql/require-merchant';
import { toPaymentSession, type PaymentSessionView } from '../payment-sessions/payment-session.mapper';
import { PaymentSessionType } from '../payment-sessions/payment-session.type';
import { encodeCursor } from '../payment-sessions/session-cursor';
import { PAYMENT_ID_PATTERN } from './client-secret';
import { CreatePaymentInput, PaymentFilter } from './payment.input';
import { paymentErrorInfo, toPayment } from './payment.mapper';
import type { PaymentService } from './payment.service';
import { CancelPaymentPayload, CreatePaymentPayload, PaymentConnection, PaymentType, type PaymentView } from './payment.type';

const MAX_PAGE_SIZE = 100;
const NOT_FOUND_MESSAGE = 'No payment with this id exists for this merchant';

@Resolver(() => PaymentType)
export class PaymentResolver {
  constructor(
    private readonly service: PaymentService,
    private readonly clock: Clock,
  ) {}

  @Mutation(() => CreatePaymentPayload, { description: 'Creates a payment and its client secret (shown once), or answers the payment of a repeated merchantReference.' })
  async createPayment(@Arg('input', () => CreatePaymentInput) input: CreatePaymentInput, @Ctx() ctx: GraphQLContext): Promise<CreatePaymentPayload> {
    const merchant = requireMerchant(ctx);
    const result = await this.service.create({
      merchantId: merchant.id,
      amount: createMoney(input.amount.minorAmount, input.amount.currency),
      sessionExpirySeconds: input.sessionExpirySeconds,
      ...(input.merchantReference != null ? { merchantReference: input.merchantReference } : {}),
      ...(input.customerId != null ? { customerId: input.customerId } : {}),
      ...(input.billingCountry != null ? { billingCountry: input.billingCountry } : {}),
      ...(input.description != null ? { description: input.description } : {}),
    });
    if (result.error) return Object.assign(new CreatePaymentPayload(), { error: paymentErrorInfo(result.error.code, result.error.message, 'CONFLICT') });
    return Object.assign(new CreatePaymentPayload(), {
      payment: toPayment(result.payment),
      ...(result.clientSecret ? { clientSecret: result.clientSecret.expose() } : {}),
    });
  }

  @Mutation(() => CancelPaymentPayload, { description: 'Cancels a payment that is not final (SUCCEEDED, FAILED) yet; cancelling twice is a no-op.' })
  async cancelPayment(@Arg('id', () => ID) id: string, @Ctx() ctx: GraphQLContext): Promise<CancelPaymentPayload> {
    const merchant = requireMerchant(ctx);
    const payment = PAYMENT_ID_PATTERN.test(id) ? await this.service.cancel(merchant.id, id) : null;
    if (!payment) return Object.assign(new CancelPaymentPayload(), { error: paymentErrorInfo('PAYMENT_NOT_FOUND', NOT_FOUND_MESSAGE, 'VALIDATION') });
    return Object.assign(new CancelPaymentPayload(), { payment: toPayment(payment) });
  }

  @Query(() => PaymentType, { nullable: true, description: 'One of the calling merchant’s payments; null when it has none with this id.' })
  async payment(@Arg('id', () => ID) id: string, @Ctx() ctx: GraphQLContext): Promise<PaymentView | null> {
    const merchant = requireMerchant(ctx);
    const payment = PAYMENT_ID_PATTERN.test(id) ? await this.service.get(merchant.id, id) : null;
    return payment && toPayment(payment);
  }

  @Query(() => PaymentConnection, {
    description: 'The calling merchant’s payments, newest first (Relay connection).',
    complexity: ({ args, childComplexity }) => 1 + Number(args['first'] ?? 20) * childComplexity,
  })
  async payments(
    @Ctx() ctx: GraphQLContext,
    @Arg('first', () => Int, { nullable: true, defaultValue: 20 }) first: number,
    @Arg('after', () => String, { nullable: true }) after?: string,
    @Arg('filter', () => PaymentFilter, { nullable: true }) filter?: PaymentFilter,
  ): Promise<PaymentConnection> {
    const merchant = requireMerchant(ctx);
    if (!Number.isInteger(first) || first < 1 || first > MAX_PAGE_SIZE) throw new InvalidInputError('INVALID_PAGE_SIZE', 'first', `first must be between 1 and ${MAX_PAGE_SIZE}`);
    const cursor = after != null ? decodePaymentCursor(after) : undefined;
    const page = await this.service.list(merchant.id, { first, ...(cursor ? { after: cursor } : {}), ...(filter?.status != null ? { status: filter.status } : {}) });
    const edges = page.records.map((record) => ({ cursor: encodeCursor(record.createdAt, record.id), node: toPayment(record) }));
    return {
      edges,
      pageInfo: {
        hasNextPage: page.hasNextPage,
        hasPreviousPage: after != null,
        ...(edges[0] ? { startCursor: edges[0].cursor } : {}),
        ...(edges.length > 0 ? { endCursor: edges[edges.length - 1]?.cursor } : {}),
      },
    };
  }

  @FieldResolver(() => [PaymentSessionType], { description: 'The payment sessions opened for this payment (e.g. the Paytm txnToken of paytm_checkout), oldest first.' })
  async sessions(@Root() payment: PaymentView): Promise<PaymentSessionView[]> {
    const now = this.clock.now();
    return (await this.service.sessionsOf(payment.record)).map((record) => toPaymentSession(record, now));
  }
}

/** Cursors are {@link encodeCursor}'s, with a payment id instead of a UUID. */
function decodePaymentCursor(cursor: string): { createdAt: Date; id: string } {
  const [iso, id] = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  const createdAt = new Date(iso ?? '');
  if (id === undefined || !PAYMENT_ID_PATTERN.test(id) || Number.isNaN(createdAt.getTime())) throw new InvalidInputError('INVALID_CURSOR', 'after', 'after is not a cursor returned by payments');
  return { createdAt, id };
}
