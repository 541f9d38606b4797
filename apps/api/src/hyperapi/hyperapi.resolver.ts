import { Arg, Mutation, Resolver } from 'type-graphql';
import { ClientFacing } from '../access/field-policy';
import type { HyperProcessService } from './hyper-process.service';
import { HyperProcessRequestInput, HyperProcessResult } from './hyperapi.types';

/**
 * HyperSDK process calls over GraphQL. No API key is needed (a publishable key may be sent): the
 * signature or clientAuthToken inside the envelope is the authentication.
 */
@Resolver()
export class HyperApiResolver {
  constructor(private readonly service: HyperProcessService) {}

  @ClientFacing()
  @Mutation(() => HyperProcessResult, { description: 'HyperSDK upiGetSessionToken (seed 004): verifies the signed envelope, opens a session and returns the customer’s UPI onboarding state. The same service as POST /hyperapi/process.' })
  async upiGetSessionToken(@Arg('request', () => HyperProcessRequestInput) request: HyperProcessRequestInput): Promise<HyperProcessResult> {
    return (await this.service.process(request, ['upiGetSessionToken', 'getSessionToken'])).result as unknown as HyperProcessResult;
  }

  @ClientFacing()
  @Mutation(() => HyperProcessResult, { description: 'HyperSDK updateAuth (spec §5): renews the customer’s latest session with a fresh signature or clientAuthToken.' })
  async updateAuth(@Arg('request', () => HyperProcessRequestInput) request: HyperProcessRequestInput): Promise<HyperProcessResult> {
    return (await this.service.process(request, ['updateAuth'])).result as unknown as HyperProcessResult;
  }
}
