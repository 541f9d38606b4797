import { Arg, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import type { Clock } from '@prism-sessions/connector-interfaces';
import { InvalidInputError } from '../errors/app-errors';
import type { GraphQLContext } from '../graphql/context';
import { requireMerchant } from '../graphql/require-merchant';
import { generateClientAuthToken, hashClientAuthToken, type ClientAuthTokenRepository } from './client-auth-token';
import { accountPayload } from './session-token-payload';
import type { UpiCustomerRepository } from './upi-customer.repository';
import { bindingReportOf, linkReportOf, validCustomerId, validFingerPrint, validVpa } from './upi-customer.input';
import {
  ClientAuthTokenType,
  CreateClientAuthTokenInput,
  LinkUpiAccountInput,
  RecordUpiDeviceBindingInput,
  RevokeUpiDeviceBindingInput,
  UnlinkUpiAccountInput,
  UpiCustomerType,
  type UpiOnboardingStatusEnum,
} from './upi-customer.types';
import type { BankAccount } from './hyperapi.types';
import { deriveOnboarding } from './upi-status';

/**
 * Customer-scoped UPI state (secret keys only): the merchant's server records what its UPI PSP
 * reports; upiGetSessionToken derives FRESH / BOUND / LINKED from it. Also mints clientAuthTokens.
 */
@Resolver(() => UpiCustomerType)
export class UpiCustomerResolver {
  constructor(
    private readonly customers: UpiCustomerRepository,
    private readonly tokens: ClientAuthTokenRepository,
    private readonly clock: Clock,
  ) {}

  async #view(merchantId: string, customerId: string): Promise<UpiCustomerType> {
    const state = await this.customers.state(merchantId, customerId);
    const onboarding = deriveOnboarding(state);
    const accounts = [...state.accounts].sort((a, b) => Number(b.isDefault) - Number(a.isDefault) || a.vpa.localeCompare(b.vpa));
    return {
      customerId,
      status: onboarding.status as UpiOnboardingStatusEnum,
      isDeviceBound: onboarding.isDeviceBound,
      isDeviceActivated: onboarding.isDeviceActivated,
      deviceBindings: [...state.bindings],
      vpaAccounts: accounts.map((account) => ({ vpa: account.vpa, isDefault: String(account.isDefault), account: accountPayload(account) as unknown as BankAccount })),
    };
  }

  @Query(() => UpiCustomerType, { description: 'A customer’s UPI state (FRESH with nothing held for an unknown customer).' })
  async upiCustomer(@Arg('customerId', () => String) customerId: string, @Ctx() ctx: GraphQLContext): Promise<UpiCustomerType> {
    const merchant = requireMerchant(ctx);
    return this.#view(merchant.id, validCustomerId(customerId, 'customerId'));
  }

  @Mutation(() => UpiCustomerType, { description: 'Records a device binding the PSP reported (re-recording a revoked one restores it).' })
  async recordUpiDeviceBinding(@Arg('input', () => RecordUpiDeviceBindingInput) input: RecordUpiDeviceBindingInput, @Ctx() ctx: GraphQLContext): Promise<UpiCustomerType> {
    const merchant = requireMerchant(ctx);
    const report = bindingReportOf(input);
    await this.customers.recordBinding(merchant.id, input.customerId, report, this.clock.now());
    return this.#view(merchant.id, input.customerId);
  }

  @Mutation(() => UpiCustomerType, { description: 'Revokes a device binding (idempotent).' })
  async revokeUpiDeviceBinding(@Arg('input', () => RevokeUpiDeviceBindingInput) input: RevokeUpiDeviceBindingInput, @Ctx() ctx: GraphQLContext): Promise<UpiCustomerType> {
    const merchant = requireMerchant(ctx);
    const found = await this.customers.revokeBinding(merchant.id, validCustomerId(input.customerId), validFingerPrint(input.deviceFingerPrint), this.clock.now());
    if (!found) throw new InvalidInputError('NOT_FOUND', 'input.deviceFingerPrint', 'No device binding with this fingerprint for this customer');
    return this.#view(merchant.id, input.customerId);
  }

  @Mutation(() => UpiCustomerType, { description: 'Links a bank account to a VPA (re-linking the same VPA updates it).' })
  async linkUpiAccount(@Arg('input', () => LinkUpiAccountInput) input: LinkUpiAccountInput, @Ctx() ctx: GraphQLContext): Promise<UpiCustomerType> {
    const merchant = requireMerchant(ctx);
    const report = linkReportOf(input);
    await this.customers.linkAccount(merchant.id, input.customerId, report, this.clock.now());
    return this.#view(merchant.id, input.customerId);
  }

  @Mutation(() => UpiCustomerType, { description: 'Unlinks a VPA.' })
  async unlinkUpiAccount(@Arg('input', () => UnlinkUpiAccountInput) input: UnlinkUpiAccountInput, @Ctx() ctx: GraphQLContext): Promise<UpiCustomerType> {
    const merchant = requireMerchant(ctx);
    const found = await this.customers.unlinkAccount(merchant.id, validCustomerId(input.customerId), validVpa(input.vpa));
    if (!found) throw new InvalidInputError('NOT_FOUND', 'input.vpa', 'No linked VPA with this address for this customer');
    return this.#view(merchant.id, input.customerId);
  }

  @Mutation(() => ClientAuthTokenType, { description: 'Mints a clientAuthToken for one customer: 15 minutes, a capped number of uses; the app sends it instead of a signature.' })
  async createClientAuthToken(@Arg('input', () => CreateClientAuthTokenInput) input: CreateClientAuthTokenInput, @Ctx() ctx: GraphQLContext): Promise<ClientAuthTokenType> {
    const merchant = requireMerchant(ctx);
    const customerId = validCustomerId(input.customerId);
    const token = generateClientAuthToken();
    const expiresAt = await this.tokens.create(merchant.id, customerId, hashClientAuthToken(token), this.clock.now());
    return { clientAuthToken: token, expiresAt };
  }
}
