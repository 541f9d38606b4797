import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Clock } from '@prism-sessions/connector-interfaces';
import { CallsGateway } from '../access/field-policy';
import { InvalidInputError } from '../errors/app-errors';
import type { GraphQLContext } from '../graphql/context';
import { requireMerchant } from '../graphql/require-merchant';
import { toConnectorId } from '../graphql/types/enums';
import { toCreateSessionTokenPayload } from './create-session-token.payload.mapper';
import { toCreateSessionCommand } from './create-session-token.command';
import { CreateSessionTokenInput } from './create-session-token.input';
import { CreateSessionTokenPayload, RevokePaymentSessionPayload } from './create-session-token.payload';
import { PaymentSessionConnection, PaymentSessionFilter } from './payment-session-connection.type';
import { toErrorInfo, toPaymentSession, type PaymentSessionView } from './payment-session.mapper';
import type { PaymentSessionService } from './payment-session.service';
import { PaymentSessionType } from './payment-session.type';
import type { ConnectorRegistry } from '../connectors/connector-registry';
import type { AccountCredentialSource } from '../connector-accounts/account-credential-source';
import { decodeCursor, encodeCursor, isUuid } from './session-cursor';

const MAX_PAGE_SIZE = 100;

@Resolver(() => PaymentSessionType)
export class PaymentSessionResolver {
  constructor(
    private readonly service: PaymentSessionService,
    private readonly clock: Clock,
    private readonly connectors: ConnectorRegistry,
    private readonly accounts: AccountCredentialSource,
  ) {}

  @Mutation(() => CreateSessionTokenPayload, { description: 'Opens a gateway session (or replays the live one) and persists it.' })
  @CallsGateway()
  async createSessionToken(@Arg('input', () => CreateSessionTokenInput) input: CreateSessionTokenInput, @Ctx() ctx: GraphQLContext): Promise<CreateSessionTokenPayload> {
    const command = await toCreateSessionCommand(this.connectors, this.accounts, requireMerchant(ctx).id, input, ctx.connectorHeaders);
    return toCreateSessionTokenPayload(await this.service.createSessionToken(command), this.clock.now());
  }

  @Mutation(() => RevokePaymentSessionPayload, { description: 'Revokes a session: its token is deleted and never handed out again.' })
  async revokePaymentSession(@Arg('id', () => ID) id: string, @Ctx() ctx: GraphQLContext): Promise<RevokePaymentSessionPayload> {
    const merchant = requireMerchant(ctx);
    const session = isUuid(id) ? await this.service.revokeSession(merchant.id, id) : null;
    if (!session) return Object.assign(new RevokePaymentSessionPayload(), { error: toErrorInfo({ unifiedCode: 'SESSION_NOT_FOUND', source: 'VALIDATION', retryable: false }) });
    return Object.assign(new RevokePaymentSessionPayload(), { session: toPaymentSession(session, this.clock.now()) });
  }

  @Query(() => PaymentSessionType, { nullable: true, description: 'One of the calling merchant’s sessions; null when it has none with this id.' })
  async paymentSession(@Arg('id', () => ID) id: string, @Ctx() ctx: GraphQLContext): Promise<PaymentSessionView | null> {
    const merchant = requireMerchant(ctx);
    const session = isUuid(id) ? await this.service.getSession(merchant.id, id) : null;
    return session && toPaymentSession(session, this.clock.now());
  }

  @Query(() => PaymentSessionConnection, {
    description: 'The calling merchant’s sessions, newest first (Relay connection).',
    complexity: ({ args, childComplexity }) => 1 + Number(args['first'] ?? 20) * childComplexity,
  })
  async paymentSessions(
    @Ctx() ctx: GraphQLContext,
    @Arg('first', () => Int, { nullable: true, defaultValue: 20 }) first: number,
    @Arg('after', () => String, { nullable: true }) after?: string,
    @Arg('filter', () => PaymentSessionFilter, { nullable: true }) filter?: PaymentSessionFilter,
  ): Promise<PaymentSessionConnection> {
    const merchant = requireMerchant(ctx);
    if (!Number.isInteger(first) || first < 1 || first > MAX_PAGE_SIZE) throw new InvalidInputError('INVALID_PAGE_SIZE', 'first', `first must be between 1 and ${MAX_PAGE_SIZE}`);
    const page = await this.service.listSessions(merchant.id, {
      first,
      ...(after != null ? { after: decodeCursor(after) } : {}),
      ...(filter?.connector != null ? { connector: toConnectorId(filter.connector) } : {}),
      ...(filter?.status != null ? { status: filter.status } : {}),
    });
    const now = this.clock.now();
    const edges = page.records.map((record) => ({ cursor: encodeCursor(record.createdAt, record.id), node: toPaymentSession(record, now) }));
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

  @FieldResolver(() => String, { nullable: true, description: 'The live token (ACTIVE sessions only). Visible only to the merchant that owns the session.' })
  token(@Root() session: PaymentSessionView, @Ctx() ctx: GraphQLContext): string | null {
    const merchant = requireMerchant(ctx);
    if (session.record.merchantId !== merchant.id) return null;
    return this.service.revealToken(session.record)?.expose() ?? null;
  }
}
