import { inspect } from 'node:util';
import { ConnectorError, IntegrationError, prepareFlow, type FlowContext, type HttpResponse } from '@prism-sessions/connector-interfaces';
import { FixedClock } from '@prism-sessions/connector-interfaces/testing';
import type { SessionTokenRequestData } from '@prism-sessions/domain-types';
import type { NuveiCredentials } from '../nuvei.credentials';
import { Secret } from '@prism-sessions/masking';
import { nuveiConnector } from '../nuvei.connector';
import { serializeNuveiRequest } from '../wire/nuvei.requests';
import { fromNuveiSessionTokenResponse, toNuveiSessionTokenRequest } from './session-token.transformer';

const credentials: NuveiCredentials = {
  merchantId: new Secret('probe_merchant'),
  merchantSiteId: new Secret('probe_id'),
  merchantSecret: new Secret('probe_secret'),
};

function context(reference = 'session_001', overrides: Partial<SessionTokenRequestData> = {}): FlowContext<SessionTokenRequestData, NuveiCredentials> {
  return {
    credentials,
    flowData: { merchantId: 'merchant_probe', connectorRequestReferenceId: reference, testMode: true },
    request: { amount: { minorAmount: 1000n, currency: 'USD' }, ...overrides },
    baseUrl: 'https://ppp-test.nuvei.com/ppp/api/v1',
    clock: new FixedClock('2025-01-01T12:00:00Z'),
  };
}

const ok = (body: unknown): HttpResponse => ({ status: 200, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

function thrown(fn: () => unknown): unknown {
  try {
    fn();
  } catch (error) {
    return error;
  }
  throw new Error('expected a throw');
}

describe('toNuveiSessionTokenRequest', () => {
  it('signs the reference vector with the frozen clock', () => {
    const request = toNuveiSessionTokenRequest(context());
    expect(serializeNuveiRequest(request)).toBe(
      '{"merchantId":"probe_merchant","merchantSiteId":"probe_id","clientRequestId":"session_001","timeStamp":"20250101120000",' +
        '"checksum":"1b12e41c3c8da77088fca2d1df1c1fd8514e4b3193649c0546610eb82ba11f41"}',
    );
  });

  it('sends an empty clientRequestId when the caller gave none, as upstream', () => {
    const request = toNuveiSessionTokenRequest(context(''));
    expect(request.clientRequestId).toBe('');
    expect(request.checksum).toBe('48cf2fcb90e59daf3e3bfb6237bce89918b85b7fe2b41e2f641eb9934996242c');
  });

  it('keeps merchant identifiers masked and never carries the secret', () => {
    const request = toNuveiSessionTokenRequest(context());
    const rendered = `${inspect(request, { depth: null })} ${JSON.stringify(request)}`;
    expect(rendered).not.toContain('probe_merchant');
    expect(rendered).not.toContain('probe_secret');
    expect(serializeNuveiRequest(request)).not.toContain('probe_secret');
  });

  it('refuses a currency upstream does not support before anything is sent (prepareFlow checks the capabilities)', () => {
    const error = thrown(() => prepareFlow(nuveiConnector, 'sessionToken', context('x', { amount: { minorAmount: 100n, currency: 'AFN' } })));
    expect(error).toBeInstanceOf(IntegrationError);
    expect(error).toMatchObject({ code: 'UNSUPPORTED_CURRENCY', field: 'amount.currency', flow: 'sessionToken' });
  });
});

describe('fromNuveiSessionTokenResponse', () => {
  it('wraps the token and leaves the attempt pending', () => {
    const outcome = fromNuveiSessionTokenResponse(context(), ok({ sessionToken: 'tok_canary_1', status: 'SUCCESS', errCode: 0, reason: '' }));
    expect(outcome.status).toBe('SUCCESS');
    if (outcome.status !== 'SUCCESS') return;
    expect(outcome.attemptStatus).toBe('PENDING');
    expect(outcome.data.sessionToken).toBeInstanceOf(Secret);
    expect(outcome.data.sessionToken.expose()).toBe('tok_canary_1');
    expect(`${inspect(outcome, { depth: null })} ${JSON.stringify(outcome)}`).not.toContain('tok_canary_1');
  });

  it('accepts any non-ERROR status that carries a token, as upstream', () => {
    expect(fromNuveiSessionTokenResponse(context(), ok({ sessionToken: 't', status: 'PROCESSING' })).status).toBe('SUCCESS');
    expect(fromNuveiSessionTokenResponse(context(), ok({ sessionToken: 't', status: 'FAILED' })).status).toBe('SUCCESS');
  });

  it('turns 200 + status ERROR into a FAILURE outcome', () => {
    expect(fromNuveiSessionTokenResponse(context(), ok({ status: 'ERROR', errCode: 1069, reason: 'Session expired' }))).toEqual({
      status: 'FAILURE',
      error: {
        code: '1069',
        message: 'Session expired',
        reason: 'Session expired',
        statusCode: 200,
        attemptStatus: 'FAILURE',
        unifiedCode: 'SESSION_EXPIRED',
        retryable: false,
      },
    });
  });

  it('accepts a string errCode in a 200 + ERROR body', () => {
    const outcome = fromNuveiSessionTokenResponse(context(), ok({ status: 'ERROR', errCode: '1001', reason: 'Invalid checksum' }));
    expect(outcome).toMatchObject({ status: 'FAILURE', error: { code: '1001', unifiedCode: 'INVALID_SIGNATURE' } });
  });

  it.each(['SUCCESS', 'FAILED', 'PROCESSING'])('raises MISSING_REQUIRED_FIELD for %s without a token', (status) => {
    const error = thrown(() => fromNuveiSessionTokenResponse(context(), ok({ status })));
    expect(error).toBeInstanceOf(ConnectorError);
    expect(error).toMatchObject({ code: 'MISSING_REQUIRED_FIELD', message: 'sessionToken missing in Nuvei response', httpStatus: 200 });
  });

  it('raises MALFORMED_RESPONSE for a missing or unknown status', () => {
    expect(thrown(() => fromNuveiSessionTokenResponse(context(), ok({ sessionToken: 't' })))).toMatchObject({ code: 'MALFORMED_RESPONSE' });
    expect(thrown(() => fromNuveiSessionTokenResponse(context(), ok({ status: 'DONE', sessionToken: 't' })))).toMatchObject({ code: 'MALFORMED_RESPONSE' });
  });
});
