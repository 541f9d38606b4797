import { inspect } from 'node:util';
import { ConnectorError, IntegrationError, executeFlow, type FlowContext, type HttpResponse } from '@prism-sessions/connector-interfaces';
import { FixedClock, RecordingTransport, describeConnectorConformance, jsonResponse } from '@prism-sessions/connector-interfaces/testing';
import type { SessionTokenRequestData } from '@prism-sessions/domain-types';
import type { NuveiCredentials } from './nuvei.credentials';
import { Secret, exposeHeaders } from '@prism-sessions/masking';
import { nuveiConformanceFixtures, nuveiFakeAnswers } from '../testing';
import { nuveiConnector } from './nuvei.connector';

describeConnectorConformance(nuveiConnector, nuveiConformanceFixtures);

const SECRET = 'probe_secret';

function context(baseUrl = 'https://ppp-test.nuvei.com/ppp/api/v1', reference = 'session_001'): FlowContext<SessionTokenRequestData, NuveiCredentials> {
  return {
    credentials: { merchantId: new Secret('probe_merchant'), merchantSiteId: new Secret('probe_id'), merchantSecret: new Secret(SECRET) },
    flowData: { merchantId: 'merchant_probe', connectorRequestReferenceId: reference, testMode: true },
    request: { amount: { minorAmount: 1000n, currency: 'USD' } },
    baseUrl,
    clock: new FixedClock('2025-01-01T12:00:00Z'),
  };
}

const sessionToken = (response: HttpResponse) => executeFlow(nuveiConnector, 'sessionToken', context(), new RecordingTransport(() => response));

function expectNoSecret(value: unknown): void {
  const message = value instanceof Error ? value.message : '';
  for (const rendered of [message, inspect(value, { depth: null }), JSON.stringify(value)]) expect(rendered).not.toContain(SECRET);
}

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => {
      throw new Error('expected a rejection');
    },
    (error: unknown) => error,
  );
}

describe('nuveiConnector', () => {
  it('declares its identity and capabilities', () => {
    expect(nuveiConnector.id).toBe('nuvei');
    expect(nuveiConnector.displayName).toBe('Nuvei');
    expect(nuveiConnector.baseUrls).toEqual({ sandbox: 'https://ppp-test.nuvei.com/ppp/api/v1', production: 'https://secure.safecharge.com/ppp/api/v1' });
    expect(nuveiConnector.capabilities).toMatchObject({
      requiresSessionToken: true,
      requiresOrderCreate: false,
      requiresAccessToken: false,
      sessionTokenLifetimeSeconds: 900,
      ordersPerSessionToken: 1,
    });
  });

  it.each(['psync', 'capture', 'refund', 'void'] as const)('reports %s as not implemented', async (flow) => {
    const ctx = context() as unknown as FlowContext<never, NuveiCredentials>;
    const error = await rejection(executeFlow(nuveiConnector, flow, ctx, new RecordingTransport(() => jsonResponse(200, {}))));
    expect(error).toBeInstanceOf(IntegrationError);
    expect(error).toMatchObject({ code: 'FLOW_NOT_IMPLEMENTED', flow });
  });

  describe('session token request', () => {
    const expectedBody =
      '{"merchantId":"probe_merchant","merchantSiteId":"probe_id","clientRequestId":"session_001","timeStamp":"20250101120000",' +
      '"checksum":"1b12e41c3c8da77088fca2d1df1c1fd8514e4b3193649c0546610eb82ba11f41"}';

    it('is built byte for byte with a frozen clock', () => {
      const request = nuveiConnector.flows.sessionToken.buildRequest(context());
      expect(request.method).toBe('POST');
      expect(request.url).toBe('https://ppp-test.nuvei.com/ppp/api/v1/getSessionToken.do');
      expect(exposeHeaders(request.headers)).toStrictEqual({ 'Content-Type': 'application/json', Via: 'HyperSwitch' });
      expect(Object.keys(request.headers)).toEqual(['Content-Type', 'Via']);
      expect(request.body).toBe(expectedBody);
    });

    it('goes on the wire exactly as built', async () => {
      const transport = new RecordingTransport(() => nuveiFakeAnswers.sessionSuccess('tok_1'));
      await executeFlow(nuveiConnector, 'sessionToken', context(), transport);
      expect(transport.requests).toEqual([
        {
          method: 'POST',
          url: 'https://ppp-test.nuvei.com/ppp/api/v1/getSessionToken.do',
          headers: { 'Content-Type': 'application/json', Via: 'HyperSwitch' },
          body: expectedBody,
        },
      ]);
    });

    it('joins a base URL with a trailing slash without doubling it', () => {
      expect(nuveiConnector.flows.sessionToken.buildRequest(context('http://127.0.0.1:4010/ppp/api/v1/')).url).toBe('http://127.0.0.1:4010/ppp/api/v1/getSessionToken.do');
    });

    it('signs an empty clientRequestId', () => {
      const body = JSON.parse(nuveiConnector.flows.sessionToken.buildRequest(context(undefined, '')).body ?? '{}') as Record<string, unknown>;
      expect(body['clientRequestId']).toBe('');
      expect(body['checksum']).toBe('48cf2fcb90e59daf3e3bfb6237bce89918b85b7fe2b41e2f641eb9934996242c');
    });
  });

  describe('session token answers', () => {
    it('returns the token on success, kept masked', async () => {
      const result = await sessionToken(nuveiFakeAnswers.sessionSuccess('tok_canary_42'));
      expect(result).toMatchObject({ status: 'SUCCESS', attemptStatus: 'PENDING', httpStatus: 200 });
      if (result.status !== 'SUCCESS') return;
      expect(result.data.sessionToken.expose()).toBe('tok_canary_42');
      expect(inspect(result, { depth: null })).not.toContain('tok_canary_42');
      expectNoSecret(result);
    });

    it.each([
      [1001, 'Invalid checksum', 'INVALID_SIGNATURE', false],
      [1021, 'Invalid timestamp', 'INVALID_TIMESTAMP', true],
      [1069, 'Session expired', 'SESSION_EXPIRED', false],
    ])('maps 200 + status ERROR %i to a FAILURE outcome', async (errCode, reason, unifiedCode, retryable) => {
      const result = await sessionToken(nuveiFakeAnswers.statusError(errCode, reason));
      expect(result).toEqual({
        status: 'FAILURE',
        httpStatus: 200,
        error: { code: String(errCode), message: reason, reason, statusCode: 200, attemptStatus: 'FAILURE', unifiedCode, retryable },
      });
      expectNoSecret(result);
    });

    it('raises ConnectorError MISSING_REQUIRED_FIELD for a success without token', async () => {
      const error = await rejection(sessionToken(nuveiFakeAnswers.successWithoutToken()));
      expect(error).toBeInstanceOf(ConnectorError);
      expect(error).toMatchObject({ code: 'MISSING_REQUIRED_FIELD', message: 'sessionToken missing in Nuvei response', httpStatus: 200 });
      expectNoSecret(error);
    });

    it('reads a 4xx JSON body with a numeric errCode', async () => {
      const result = await sessionToken(nuveiFakeAnswers.clientErrorNumericCode(400));
      expect(result).toMatchObject({ status: 'FAILURE', httpStatus: 400, error: { code: '1022', message: 'Invalid merchant site ID', unifiedCode: 'INVALID_CREDENTIALS', retryable: false } });
      expectNoSecret(result);
    });

    it('reads a 4xx JSON body with a string errCode', async () => {
      const result = await sessionToken(nuveiFakeAnswers.clientErrorStringCode(401));
      expect(result).toMatchObject({ status: 'FAILURE', httpStatus: 401, error: { code: '1001', message: 'Invalid checksum', unifiedCode: 'INVALID_SIGNATURE', retryable: false } });
      expectNoSecret(result);
    });

    it.each([500, 502, 503] as const)('maps a %i to a retryable FAILURE', async (status) => {
      const result = await sessionToken(nuveiFakeAnswers.serverError(status));
      expect(result).toMatchObject({ status: 'FAILURE', httpStatus: status, error: { code: String(status), statusCode: status, unifiedCode: 'GATEWAY_UNAVAILABLE', retryable: true } });
      expectNoSecret(result);
    });

    it('maps an HTML error page to a FAILURE with a short excerpt', async () => {
      const result = await sessionToken(nuveiFakeAnswers.htmlError(403));
      expect(result).toMatchObject({ status: 'FAILURE', error: { code: '403', message: 'Unsupported response type', unifiedCode: 'GATEWAY_MALFORMED_RESPONSE' } });
      if (result.status === 'FAILURE') expect(result.error.reason?.length).toBeLessThanOrEqual(200);
      expectNoSecret(result);
    });

    it('raises MALFORMED_RESPONSE for an empty 200 body and maps an empty 4xx', async () => {
      const error = await rejection(sessionToken(nuveiFakeAnswers.emptyBody()));
      expect(error).toMatchObject({ code: 'MALFORMED_RESPONSE', httpStatus: 200 });
      expectNoSecret(error);
      const result = await sessionToken({ status: 404, headers: {}, body: '' });
      expect(result).toMatchObject({ status: 'FAILURE', error: { code: '404', message: 'Unsupported response type' } });
    });

    it('raises MALFORMED_RESPONSE for truncated JSON', async () => {
      const error = await rejection(sessionToken(nuveiFakeAnswers.malformedJson()));
      expect(error).toBeInstanceOf(ConnectorError);
      expect(error).toMatchObject({ code: 'MALFORMED_RESPONSE' });
      expectNoSecret(error);
    });

    it('raises MALFORMED_RESPONSE for an unknown status value, without quoting the token', async () => {
      const error = await rejection(sessionToken(jsonResponse(200, { status: 'DONE', sessionToken: 'tok_canary_77' })));
      expect(error).toMatchObject({ code: 'MALFORMED_RESPONSE', httpStatus: 200 });
      expect(inspect(error)).not.toContain('tok_canary_77');
      expectNoSecret(error);
    });
  });
});
