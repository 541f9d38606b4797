import { inspect } from 'node:util';
import { Secret, isSecret } from '@prism-sessions/masking';
import {
  createMoney,
  type ErrorResponse,
  defineCredentialSchema,
  type SessionTokenRequestData,
  type SessionTokenResponseData,
} from '@prism-sessions/domain-types';
import { FixedClock } from '../testing/fixed-clock';
import { RecordingTransport, jsonResponse, type Responder } from '../testing/recording-transport';
import type { ConnectorDefinition } from './connector';
import { ConnectorError, IntegrationError, NetworkError } from './errors';
import { executeFlow, prepareFlow, type ExecuteFlowHooks } from './execute-flow';
import { notImplemented, notSupported, type ConnectorFlows, type FlowContext, type FlowHandler, type FlowOutcome } from './flow';
import { TransportError, type HttpRequest, type HttpResponse, type TransportFailureKind } from './http';

const CANARY = 'CANARY_SECRET_9f8e';
const BASE_URL = 'https://gateway.test/api';

// A made-up gateway's credentials (fields shaped like Nuvei's).
const fakeCredentials = defineCredentialSchema('Nuvei', { merchant_id: {}, merchant_site_id: {}, merchant_secret: {} }, (v) => ({
  merchantId: v.merchant_id,
  merchantSiteId: v.merchant_site_id,
  merchantSecret: v.merchant_secret,
}));
type FakeCredentials = ReturnType<typeof fakeCredentials.parse>;

type SessionHandler = FlowHandler<SessionTokenRequestData, SessionTokenResponseData, FakeCredentials>;

/** A tiny gateway protocol: POST {base}/session → {"token":"…"} or {"status":"ERROR","code":"…"}. Not a real connector. */
function fakeSessionHandler(overrides: Partial<SessionHandler> = {}): SessionHandler {
  return {
    buildRequest: (ctx) => ({
      method: 'POST',
      url: `${ctx.baseUrl}/session`,
      headers: { 'content-type': 'application/json', authorization: new Secret(`Bearer ${ctx.credentials.merchantSecret.peek()}`) },
      body: JSON.stringify({ ref: ctx.flowData.connectorRequestReferenceId, at: ctx.clock.now().toISOString() }),
    }),
    handleResponse: (_ctx, response): FlowOutcome<SessionTokenResponseData> => {
      const body = JSON.parse(response.body) as { token?: unknown; status?: unknown; code?: unknown };
      if (body.status === 'ERROR') {
        return {
          status: 'FAILURE',
          error: { code: String(body.code), message: 'declined', statusCode: response.status, attemptStatus: 'FAILURE', unifiedCode: 'GATEWAY_REJECTED', retryable: false },
        };
      }
      if (typeof body.token !== 'string') throw new Error('token is not a string');
      return { status: 'SUCCESS', data: { sessionToken: new Secret(body.token) }, attemptStatus: 'PENDING' };
    },
    ...overrides,
  };
}

function fakeErrorResponse(response: HttpResponse): ErrorResponse {
  return { code: String(response.status), message: 'gateway error', statusCode: response.status, unifiedCode: 'GATEWAY_UNAVAILABLE', retryable: response.status >= 500 };
}

function fakeConnector(options: { sessionToken?: SessionHandler; parseErrorResponse?: (response: HttpResponse) => ErrorResponse; flows?: Partial<ConnectorFlows<FakeCredentials>> } = {}) {
  const parseErrorResponse = jest.fn(options.parseErrorResponse ?? fakeErrorResponse);
  const sessionToken = options.sessionToken ?? fakeSessionHandler();
  const handleResponse = jest.fn(sessionToken.handleResponse);
  const buildRequest = jest.fn(sessionToken.buildRequest);
  const connector: ConnectorDefinition<FakeCredentials> = {
    id: 'nuvei',
    displayName: 'Fake',
    capabilities: {
      requiresSessionToken: true,
      requiresOrderCreate: false,
      requiresAccessToken: false,
      sessionTokenLifetimeSeconds: 900,
      ordersPerSessionToken: 1,
      supportedCurrencies: ['USD'],
    },
    baseUrls: { sandbox: BASE_URL, production: BASE_URL },
    credentials: fakeCredentials,
    describeErrorCode: () => undefined,
    parseErrorResponse,
    flows: {
      sessionToken: { buildRequest, handleResponse },
      authorize: notImplemented,
      psync: notImplemented,
      capture: notImplemented,
      refund: notSupported,
      void: notSupported,
      ...options.flows,
    },
  };
  return { connector, parseErrorResponse, handleResponse, buildRequest };
}

const ctx: FlowContext<SessionTokenRequestData, FakeCredentials> = {
  flowData: { merchantId: 'merchant_1', connectorRequestReferenceId: 'session_001', testMode: true },
  request: { amount: createMoney(1000, 'USD') },
  credentials: fakeCredentials.parse({ merchant_id: 'mid', merchant_site_id: 'site', merchant_secret: CANARY }),
  baseUrl: BASE_URL,
  clock: new FixedClock('2025-01-01T12:00:00Z'),
};

const answer = (status: number, body = '{"token":"tok_123"}'): HttpResponse => ({ status, headers: {}, body });

async function failure(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected executeFlow to reject');
}

describe('executeFlow: classifying the gateway’s answer', () => {
  it.each([200, 201, 202, 204, 302])('HTTP %i goes to the flow’s handleResponse', async (status) => {
    const { connector, handleResponse, parseErrorResponse } = fakeConnector();
    const response = answer(status);
    const result = await executeFlow(connector, 'sessionToken', ctx, new RecordingTransport(() => response));
    expect(handleResponse).toHaveBeenCalledTimes(1);
    expect(handleResponse).toHaveBeenCalledWith(ctx, response);
    expect(parseErrorResponse).not.toHaveBeenCalled();
    expect(result.httpStatus).toBe(status);
    expect(result.status).toBe('SUCCESS');
    if (result.status === 'SUCCESS') {
      expect(result.data.sessionToken.expose()).toBe('tok_123');
      expect(result.attemptStatus).toBe('PENDING');
    }
  });

  it('returns a 2xx decline ("200 + error body") as a FAILURE outcome, not an exception', async () => {
    const { connector } = fakeConnector();
    const result = await executeFlow(connector, 'sessionToken', ctx, new RecordingTransport(() => answer(200, '{"status":"ERROR","code":"1069"}')));
    expect(result).toMatchObject({ status: 'FAILURE', httpStatus: 200, error: { code: '1069', attemptStatus: 'FAILURE', retryable: false } });
  });

  it.each([400, 401, 403, 404, 409, 422, 429, 499, 500, 502, 503, 504, 511, 599])('HTTP %i goes to parseErrorResponse and comes back as FAILURE with httpStatus', async (status) => {
    const { connector, handleResponse, parseErrorResponse } = fakeConnector();
    const response = answer(status, '{"reason":"nope"}');
    const result = await executeFlow(connector, 'sessionToken', ctx, new RecordingTransport(() => response));
    expect(parseErrorResponse).toHaveBeenCalledTimes(1);
    expect(parseErrorResponse).toHaveBeenCalledWith(response);
    expect(handleResponse).not.toHaveBeenCalled();
    expect(result).toEqual({ status: 'FAILURE', httpStatus: status, error: fakeErrorResponse(response) });
  });

  it.each([100, 101, 199, 203, 205, 206, 299, 300, 301, 303, 304, 307, 308, 399, 600])(
    'HTTP %i is an unexpected status: ConnectorError UNEXPECTED_STATUS',
    async (status) => {
      const { connector, handleResponse, parseErrorResponse } = fakeConnector();
      const error = await failure(executeFlow(connector, 'sessionToken', ctx, new RecordingTransport(() => answer(status, 'x'.repeat(300)))));
      expect(error).toBeInstanceOf(ConnectorError);
      expect(error).toMatchObject({ code: 'UNEXPECTED_STATUS', httpStatus: status, connector: 'nuvei', flow: 'sessionToken', reason: 'x'.repeat(200) });
      expect(handleResponse).not.toHaveBeenCalled();
      expect(parseErrorResponse).not.toHaveBeenCalled();
    },
  );
});

describe('executeFlow: answers the flow cannot read', () => {
  it('wraps a plain Error from handleResponse in ConnectorError MALFORMED_RESPONSE without quoting the 2xx body (it may hold a token)', async () => {
    const { connector } = fakeConnector();
    const body = `{"tok":\n"${'a'.repeat(400)}"}`;
    const error = await failure(executeFlow(connector, 'sessionToken', ctx, new RecordingTransport(() => answer(200, body))));
    expect(error).toBeInstanceOf(ConnectorError);
    if (!(error instanceof ConnectorError)) return;
    expect(error.code).toBe('MALFORMED_RESPONSE');
    expect(error.httpStatus).toBe(200);
    expect(error.connector).toBe('nuvei');
    expect(error.flow).toBe('sessionToken');
    expect(error.reason).toBe(`unreadable ${body.length}-character body`);
    expect(error.reason).not.toContain('aaaa');
    expect(error.message).not.toContain('token is not a string');
  });

  it('wraps a JSON SyntaxError (whose message quotes the body) without keeping it', async () => {
    const { connector } = fakeConnector();
    const error = await failure(executeFlow(connector, 'sessionToken', ctx, new RecordingTransport(() => answer(200, '<html>oops</html>'))));
    expect(error).toMatchObject({ code: 'MALFORMED_RESPONSE', reason: 'unreadable 17-character body' });
    expect(error).not.toHaveProperty('cause');
    expect((error as Error).message).not.toContain('Unexpected token');
  });

  it.each([
    ['a ConnectorError', () => new ConnectorError('MISSING_REQUIRED_FIELD', 'sessionToken missing', { connector: 'nuvei', flow: 'sessionToken', httpStatus: 200 })],
    ['an IntegrationError', () => new IntegrationError('INVALID_STATE', 'bad', { connector: 'nuvei', flow: 'sessionToken' })],
  ])('lets %s thrown by handleResponse pass through unchanged', async (_label, make) => {
    const thrown = make();
    const { connector } = fakeConnector({
      sessionToken: fakeSessionHandler({
        handleResponse: () => {
          throw thrown;
        },
      }),
    });
    await expect(executeFlow(connector, 'sessionToken', ctx, new RecordingTransport(() => answer(200)))).rejects.toBe(thrown);
  });

  it('classifies a parseErrorResponse that throws (against its contract) as MALFORMED_RESPONSE', async () => {
    const { connector } = fakeConnector({
      parseErrorResponse: () => {
        throw new SyntaxError(`Unexpected token in ${CANARY}`);
      },
    });
    const error = await failure(executeFlow(connector, 'sessionToken', ctx, new RecordingTransport(() => answer(502, '<h1>Bad Gateway</h1>'))));
    expect(error).toBeInstanceOf(ConnectorError);
    expect(error).toMatchObject({ code: 'MALFORMED_RESPONSE', httpStatus: 502, reason: '<h1>Bad Gateway</h1>' });
    expect(inspect(error)).not.toContain(CANARY);
  });
});

describe('executeFlow: transport failures', () => {
  it.each<[TransportFailureKind, boolean, string, boolean]>([
    ['connect_timeout', false, 'CONNECT_TIMEOUT', false],
    ['connect_timeout', true, 'CONNECT_TIMEOUT', false],
    ['connection_refused', false, 'CONNECTION_REFUSED', false],
    ['timeout', true, 'GATEWAY_TIMEOUT', true],
    ['timeout', false, 'GATEWAY_TIMEOUT', true],
    ['connection_reset', true, 'CONNECTION_RESET', true],
    ['connection_reset', false, 'CONNECTION_RESET', false],
    ['unknown', true, 'NETWORK_ERROR', true],
    ['unknown', false, 'NETWORK_ERROR', false],
  ])('TransportError %s (requestSent=%s) → NetworkError %s, paymentMayHaveBeenProcessed=%s', async (kind, requestSent, code, maybeProcessed) => {
    const { connector, handleResponse, parseErrorResponse } = fakeConnector();
    const error = await failure(
      executeFlow(connector, 'sessionToken', ctx, new RecordingTransport(() => {
        throw new TransportError(kind, requestSent, 'socket hang up');
      })),
    );
    expect(error).toBeInstanceOf(NetworkError);
    expect(error).toMatchObject({ code, retryable: true, paymentMayHaveBeenProcessed: maybeProcessed, connector: 'nuvei', flow: 'sessionToken' });
    expect(handleResponse).not.toHaveBeenCalled();
    expect(parseErrorResponse).not.toHaveBeenCalled();
  });

  it('maps a TransportError kind outside the union (untyped transport) to NETWORK_ERROR instead of throwing undefined', async () => {
    const { connector } = fakeConnector();
    const error = await failure(
      executeFlow(connector, 'sessionToken', ctx, new RecordingTransport(() => {
        throw new TransportError('dns_failure' as unknown as TransportFailureKind, false, 'ENOTFOUND');
      })),
    );
    expect(error).toBeInstanceOf(NetworkError);
    expect(error).toMatchObject({ code: 'NETWORK_ERROR', paymentMayHaveBeenProcessed: false });
  });

  it.each([
    ['a TypeError', () => new TypeError('fetch failed')],
    ['a string', () => 'boom'],
    ['undefined', () => undefined],
  ])('maps %s thrown by the transport to NETWORK_ERROR, assuming the payment may have been processed', async (_label, make) => {
    const { connector } = fakeConnector();
    const error = await failure(
      executeFlow(connector, 'sessionToken', ctx, {
        send: () => Promise.reject(make()),
      }),
    );
    expect(error).toBeInstanceOf(NetworkError);
    expect(error).toMatchObject({ code: 'NETWORK_ERROR', retryable: true, paymentMayHaveBeenProcessed: true });
  });

  it('does not copy the transport’s message (it may hold a URL with credentials) into the NetworkError', async () => {
    const { connector } = fakeConnector();
    const error = await failure(
      executeFlow(connector, 'sessionToken', ctx, new RecordingTransport(() => {
        throw new TransportError('timeout', true, `timeout calling ${BASE_URL}/session?key=${CANARY}`);
      })),
    );
    expect(inspect(error)).not.toContain(CANARY);
    expect(JSON.stringify(error)).not.toContain(CANARY);
  });
});

describe('executeFlow: nothing is sent when the request cannot be built', () => {
  it.each([
    ['authorize', 'FLOW_NOT_IMPLEMENTED'],
    ['psync', 'FLOW_NOT_IMPLEMENTED'],
    ['refund', 'FLOW_NOT_SUPPORTED'],
    ['void', 'FLOW_NOT_SUPPORTED'],
  ] as const)('%s is not offered → IntegrationError %s', async (flow, code) => {
    const { connector } = fakeConnector();
    const transport = new RecordingTransport(() => answer(200));
    const onRequest = jest.fn();
    const error = await failure(executeFlow(connector, flow, ctx as unknown as FlowContext<never, FakeCredentials>, transport, { onRequest }));
    expect(error).toBeInstanceOf(IntegrationError);
    expect(error).toMatchObject({ code, connector: 'nuvei', flow });
    expect((error as Error).message).toBe(`Fake does not offer the ${flow} flow`);
    expect(transport.requests).toHaveLength(0);
    expect(onRequest).not.toHaveBeenCalled();
  });

  it('treats a flow missing from an untyped connector object as not implemented', async () => {
    const { connector } = fakeConnector();
    const { capture: _dropped, ...flows } = connector.flows;
    const broken = { ...connector, flows } as unknown as ConnectorDefinition<FakeCredentials>;
    const transport = new RecordingTransport(() => answer(200));
    await expect(executeFlow(broken, 'capture', ctx as unknown as FlowContext<never, FakeCredentials>, transport)).rejects.toMatchObject({
      code: 'FLOW_NOT_IMPLEMENTED',
    });
    expect(transport.requests).toHaveLength(0);
  });

  it('sends nothing when buildRequest throws an IntegrationError, and rethrows it as is', async () => {
    const thrown = new IntegrationError('MISSING_REQUIRED_FIELD', 'browserInfo.ipAddress is required', {
      connector: 'nuvei',
      flow: 'sessionToken',
      field: 'browserInfo.ipAddress',
      suggestedAction: 'Send the customer’s IP address',
    });
    const { connector, handleResponse } = fakeConnector({
      sessionToken: fakeSessionHandler({
        buildRequest: () => {
          throw thrown;
        },
      }),
    });
    const transport = new RecordingTransport(() => answer(200));
    const hooks = { onRequest: jest.fn(), onResponse: jest.fn() };
    await expect(executeFlow(connector, 'sessionToken', ctx, transport, hooks)).rejects.toBe(thrown);
    expect(transport.requests).toHaveLength(0);
    expect(hooks.onRequest).not.toHaveBeenCalled();
    expect(hooks.onResponse).not.toHaveBeenCalled();
    expect(handleResponse).not.toHaveBeenCalled();
  });
});

describe('executeFlow: request, transport and hooks', () => {
  it('sends exactly the request buildRequest returned, once, with secrets exposed only on the wire', async () => {
    const { connector, buildRequest } = fakeConnector();
    const transport = new RecordingTransport(() => jsonResponse(200, { token: 'tok_123' }));
    await executeFlow(connector, 'sessionToken', ctx, transport);
    expect(buildRequest).toHaveBeenCalledWith(ctx);
    expect(transport.requests).toEqual([
      {
        method: 'POST',
        url: `${BASE_URL}/session`,
        headers: { 'content-type': 'application/json', authorization: `Bearer ${CANARY}` },
        body: '{"ref":"session_001","at":"2025-01-01T12:00:00.000Z"}',
      },
    ]);
  });

  it('calls onRequest with the still-masked request before sending, then onResponse with the answer and the elapsed time', async () => {
    const events: string[] = [];
    let seenRequest: HttpRequest | undefined;
    const hooks: ExecuteFlowHooks = {
      onRequest: jest.fn((request: HttpRequest) => {
        events.push('onRequest');
        seenRequest = request;
      }),
      onResponse: jest.fn((_response: HttpResponse, elapsedMs: number) => {
        events.push('onResponse');
        expect(elapsedMs).toBeGreaterThanOrEqual(0);
      }),
    };
    const response = answer(200);
    const responder: Responder = () => {
      events.push('send');
      return response;
    };
    const { connector } = fakeConnector();
    await executeFlow(connector, 'sessionToken', ctx, new RecordingTransport(responder), hooks);
    expect(events).toEqual(['onRequest', 'send', 'onResponse']);
    expect(hooks.onResponse).toHaveBeenCalledWith(response, expect.any(Number));
    expect(isSecret(seenRequest?.headers['authorization'])).toBe(true);
    expect(inspect(seenRequest)).not.toContain(CANARY);
  });

  it('calls onResponse for error answers too, but not when no answer arrived', async () => {
    const { connector } = fakeConnector();
    const onResponse = jest.fn();
    await executeFlow(connector, 'sessionToken', ctx, new RecordingTransport(() => answer(503, '')), { onResponse });
    expect(onResponse).toHaveBeenCalledTimes(1);
    await failure(
      executeFlow(connector, 'sessionToken', ctx, new RecordingTransport(() => {
        throw new TransportError('timeout', true, 't');
      }), { onResponse }),
    );
    expect(onResponse).toHaveBeenCalledTimes(1);
  });
});

describe('prepareFlow: one build, validated once, sent as built', () => {
  it('builds once; every send carries exactly the prepared bytes', async () => {
    const { connector, buildRequest } = fakeConnector();
    const prepared = prepareFlow(connector, 'sessionToken', ctx);
    expect(buildRequest).toHaveBeenCalledTimes(1);
    const transport = new RecordingTransport(() => answer(200));
    await prepared.send(transport);
    expect(buildRequest).toHaveBeenCalledTimes(1);
    expect(transport.requests).toHaveLength(1);
    expect(transport.requests[0]?.body).toBe(prepared.request.body);
    expect(transport.requests[0]?.url).toBe(prepared.request.url);
  });

  it('refuses a currency the connector does not declare, before building anything', () => {
    const { connector, buildRequest } = fakeConnector();
    let caught: unknown;
    try {
      prepareFlow(connector, 'sessionToken', { ...ctx, request: { amount: createMoney(1000, 'EUR') } });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(IntegrationError);
    expect(caught).toMatchObject({ code: 'UNSUPPORTED_CURRENCY', field: 'amount.currency', message: 'Currency EUR is not supported by Fake' });
    expect(buildRequest).not.toHaveBeenCalled();
  });
});
