/// <reference types="jest" />
// Jest's globals (not @jest/globals) so importing the testing entry outside a test run does not throw.
import { inspect } from 'node:util';
import { isSecret } from '@prism-sessions/masking';
import { ConnectorConfigError, UNSUPPORTED_CURRENCIES, isCurrencyCode, type PaymentFlowData, type SessionTokenRequestData } from '@prism-sessions/domain-types';
import type { ConnectorDefinition } from '../lib/connector';
import { ConnectorError, NetworkError } from '../lib/errors';
import { executeFlow } from '../lib/execute-flow';
import { FLOW_NAMES, isUnsupportedFlow, type Clock, type FlowContext } from '../lib/flow';
import { TransportError, type HttpResponse } from '../lib/http';
import { RecordingTransport } from './recording-transport';

/** Canned gateway answers and inputs a connector's conformance run uses. */
export interface ConformanceFixtures {
  /** This connector's entry in `x-connector-config` (it goes through `connector.credentials.parse`). */
  readonly credentials: Readonly<Record<string, string>>;
  /** Per-attempt data for the session-token runs. */
  readonly flowData: PaymentFlowData;
  /** The session-token input. */
  readonly sessionRequest: SessionTokenRequestData;
  /** Base URL the built request must start with (usually the connector's sandbox URL). */
  readonly baseUrl: string;
  /** A frozen clock (`FixedClock`), so two builds are byte-identical. */
  readonly clock: Clock;
  /** Raw values that must never be sent in clear nor appear in any outcome, error or inspected object. */
  readonly secretsNeverOnWire: readonly string[];
  /** Canned gateway answers, one per class the kit checks. */
  readonly answers: {
    /** A successful session answer and the token it carries. */
    readonly success: { readonly response: HttpResponse; readonly token: string };
    /** A 2xx decline ("200 + error body"); absent for gateways that answer every failure with 4xx/5xx (PayPal). */
    readonly decline?: { readonly response: HttpResponse; readonly code: string };
    /** Each known 4xx body shape and the gateway code it must map to. */
    readonly clientErrors: readonly { readonly response: HttpResponse; readonly code: string }[];
    /** A 5xx answer; must map to a retryable FAILURE. */
    readonly serverError: HttpResponse;
    /** An HTML error page with a non-2xx status. */
    readonly htmlError: HttpResponse;
    /** A 2xx whose body is not valid JSON. */
    readonly malformedSuccess: HttpResponse;
    /** A 2xx with an empty body. */
    readonly emptySuccess: HttpResponse;
  };
  /** Required when the connector `requiresAccessToken`: canned answers of its access-token flow. */
  readonly accessToken?: {
    /** A token answer, the token it carries and its declared lifetime in seconds. */
    readonly success: { readonly response: HttpResponse; readonly token: string; readonly expiresInSeconds: number };
    /** The gateway refusing the client credentials, and the code it must map to. */
    readonly invalidClient: { readonly response: HttpResponse; readonly code: string; readonly unifiedCode: string };
  };
}

function rendered(value: unknown): string {
  const json = (() => {
    try {
      return JSON.stringify(value, (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v));
    } catch {
      return '';
    }
  })();
  const text = value instanceof Error ? `${value.message} ${String(value.stack)}` : '';
  return `${inspect(value, { depth: null })} ${json} ${text}`;
}

/**
 * The shared conformance kit every connector runs (TypeScript form of upstream's global suites).
 * Checks identity and capabilities, the full flow table, credential narrowing, deterministic
 * request building with a frozen clock, the classification of every answer class, and that no
 * secret appears in any request rendering, outcome or error. Call it at the top level of a
 * `*.spec.ts` file; it registers its own `describe` block with Jest's globals.
 *
 * @param connector - The connector under test.
 * @param fixtures - Its credentials, inputs and canned answers.
 * @example
 * // libs/connectors/nuvei/src/lib/nuvei.conformance.spec.ts
 * import { describeConnectorConformance } from '@prism-sessions/connector-interfaces/testing';
 * describeConnectorConformance(nuveiConnector, nuveiConformanceFixtures);
 */
export function describeConnectorConformance<C>(connector: ConnectorDefinition<C>, fixtures: ConformanceFixtures): void {
  const credentials = connector.credentials.parse(fixtures.credentials);
  const ctx = (): FlowContext<SessionTokenRequestData, C> => ({
    flowData: fixtures.flowData,
    request: fixtures.sessionRequest,
    credentials,
    baseUrl: fixtures.baseUrl,
    clock: fixtures.clock,
  });
  const run = (responder: ConstructorParameters<typeof RecordingTransport>[0]) =>
    executeFlow(connector, 'sessionToken', ctx(), new RecordingTransport(responder));
  const expectNoSecret = (value: unknown) => {
    const text = rendered(value);
    for (const secret of fixtures.secretsNeverOnWire) expect(text).not.toContain(secret);
  };

  describe(`${connector.displayName} connector conformance`, () => {
    it('declares its identity, base URLs and capabilities', () => {
      expect(connector.id).toMatch(/^[a-z][a-z0-9_]*$/);
      expect(connector.credentials.configKey).toMatch(/^[A-Z][A-Za-z0-9]*$/);
      expect(connector.credentials.configKey.toLowerCase()).toBe(connector.id.replace(/_/g, ''));
      expect(connector.displayName.length).toBeGreaterThan(0);
      expect(connector.baseUrls.sandbox).toMatch(/^https:\/\//);
      expect(connector.baseUrls.production).toMatch(/^https:\/\//);
      expect(connector.capabilities.sessionTokenLifetimeSeconds).toBeGreaterThan(0);
      expect(connector.capabilities.supportedCurrencies.length).toBeGreaterThan(0);
      for (const currency of connector.capabilities.supportedCurrencies) {
        expect(isCurrencyCode(currency)).toBe(true);
        expect(UNSUPPORTED_CURRENCIES.has(currency)).toBe(false);
      }
    });

    it('declares every flow, implemented or explicitly unsupported', () => {
      for (const flow of FLOW_NAMES) {
        const entry = connector.flows[flow];
        expect(entry).toBeDefined();
        if (!isUnsupportedFlow(entry)) {
          expect(typeof entry.buildRequest).toBe('function');
          expect(typeof entry.handleResponse).toBe('function');
        }
      }
      expect(isUnsupportedFlow(connector.flows.sessionToken)).toBe(false);
    });

    it('parses its own credentials, every field a Secret, and names a missing field', () => {
      for (const value of Object.values(credentials as object)) expect(isSecret(value)).toBe(true);
      expectNoSecret(credentials);
      const required = Object.entries(connector.credentials.fields).filter(([, field]) => field.optional !== true).map(([name]) => name);
      expect(required.length).toBeGreaterThan(0);
      for (const name of required) {
        const partial = Object.fromEntries(Object.entries(fixtures.credentials).filter(([key]) => key !== name));
        expect(() => connector.credentials.parse(partial)).toThrow(ConnectorConfigError);
        expect(() => connector.credentials.parse(partial)).toThrow(`config.${connector.credentials.configKey}.${name} is missing`);
      }
    });

    it('declares as hints only fields that are not secrets', () => {
      const hints = connector.credentials.hints(fixtures.credentials);
      for (const secret of fixtures.secretsNeverOnWire) expect(JSON.stringify(hints)).not.toContain(secret);
    });

    it('describes its error codes without throwing', () => {
      expect(() => connector.describeErrorCode('definitely-not-a-code')).not.toThrow();
    });

    it('builds the same request twice with a frozen clock, under its base URL, with no secret in clear', () => {
      const first = connector.flows.sessionToken.buildRequest(ctx());
      const second = connector.flows.sessionToken.buildRequest(ctx());
      expect(second.url).toBe(first.url);
      expect(second.body).toBe(first.body);
      expect(first.url.startsWith(fixtures.baseUrl)).toBe(true);
      for (const secret of fixtures.secretsNeverOnWire) expect(first.body ?? '').not.toContain(secret);
      expectNoSecret(first.headers);
    });

    it('maps a success to the token, kept masked', async () => {
      const result = await run(() => fixtures.answers.success.response);
      expect(result.status).toBe('SUCCESS');
      if (result.status !== 'SUCCESS') return;
      expect(result.data.sessionToken.expose()).toBe(fixtures.answers.success.token);
      expect(rendered(result)).not.toContain(fixtures.answers.success.token);
      expectNoSecret(result);
    });

    const decline = fixtures.answers.decline;
    if (decline !== undefined) {
      it('maps a 2xx decline to a FAILURE outcome carrying the gateway code', async () => {
        const result = await run(() => decline.response);
        expect(result.status).toBe('FAILURE');
        if (result.status !== 'FAILURE') return;
        expect(result.error.code).toBe(decline.code);
        expect(result.error.retryable).toBe(false);
        expectNoSecret(result);
      });
    }

    it('has an access-token flow exactly when it says it requires an access token', () => {
      const entry = connector.flows.accessToken;
      expect(entry !== undefined && !isUnsupportedFlow(entry)).toBe(connector.capabilities.requiresAccessToken);
      expect(fixtures.accessToken !== undefined).toBe(connector.capabilities.requiresAccessToken);
      expect(connector.accessTokenOwner !== undefined).toBe(connector.capabilities.requiresAccessToken);
      if (connector.accessTokenOwner !== undefined) {
        const owner = connector.accessTokenOwner(credentials);
        expect(owner.length).toBeGreaterThan(0);
        for (const secret of fixtures.secretsNeverOnWire) expect(owner).not.toContain(secret);
      }
    });

    const accessTokenAnswers = fixtures.accessToken;
    if (accessTokenAnswers !== undefined) {
      const runAccessToken = (response: HttpResponse) =>
        executeFlow(connector, 'accessToken', { ...ctx(), request: {} }, new RecordingTransport(() => response));

      it('builds its access-token request deterministically, with no secret in clear', () => {
        const handler = connector.flows.accessToken;
        if (handler === undefined) throw new Error('accessToken flow missing');
        const first = handler.buildRequest({ ...ctx(), request: {} });
        const second = handler.buildRequest({ ...ctx(), request: {} });
        expect(second).toEqual(first);
        expect(first.url.startsWith(fixtures.baseUrl)).toBe(true);
        for (const secret of fixtures.secretsNeverOnWire) expect(`${first.url} ${first.body ?? ''}`).not.toContain(secret);
        expectNoSecret(first.headers);
      });

      it('maps an access-token answer to the masked token and its lifetime', async () => {
        const result = await runAccessToken(accessTokenAnswers.success.response);
        expect(result.status).toBe('SUCCESS');
        if (result.status !== 'SUCCESS') return;
        expect(result.data.accessToken.expose()).toBe(accessTokenAnswers.success.token);
        expect(result.data.expiresInSeconds).toBe(accessTokenAnswers.success.expiresInSeconds);
        expect(rendered(result)).not.toContain(accessTokenAnswers.success.token);
      });

      it('maps refused client credentials to a non-retryable FAILURE naming the cause', async () => {
        const result = await runAccessToken(accessTokenAnswers.invalidClient.response);
        expect(result.status).toBe('FAILURE');
        if (result.status !== 'FAILURE') return;
        expect(result.error).toMatchObject({ code: accessTokenAnswers.invalidClient.code, unifiedCode: accessTokenAnswers.invalidClient.unifiedCode, retryable: false });
        expectNoSecret(result);
      });

      it('raises ConnectorError for a malformed access-token answer', async () => {
        await expect(runAccessToken(fixtures.answers.malformedSuccess)).rejects.toBeInstanceOf(ConnectorError);
        await expect(runAccessToken(fixtures.answers.emptySuccess)).rejects.toBeInstanceOf(ConnectorError);
      });
    }

    it('maps each known 4xx body shape', async () => {
      for (const answer of fixtures.answers.clientErrors) {
        const result = await run(() => answer.response);
        expect(result.status).toBe('FAILURE');
        expect(result.httpStatus).toBe(answer.response.status);
        if (result.status === 'FAILURE') expect(result.error.code).toBe(answer.code);
        expectNoSecret(result);
      }
    });

    it('maps a 5xx to a retryable FAILURE', async () => {
      const result = await run(() => fixtures.answers.serverError);
      expect(result.status).toBe('FAILURE');
      if (result.status !== 'FAILURE') return;
      expect(result.error.statusCode).toBe(fixtures.answers.serverError.status);
      expect(result.error.retryable).toBe(true);
    });

    it('maps an HTML error page without throwing, keeping at most a short excerpt', async () => {
      const result = await run(() => fixtures.answers.htmlError);
      expect(result.status).toBe('FAILURE');
      if (result.status !== 'FAILURE') return;
      expect(result.error.statusCode).toBe(fixtures.answers.htmlError.status);
      expect((result.error.reason ?? '').length).toBeLessThanOrEqual(220);
    });

    it('raises ConnectorError for a malformed or empty 2xx body', async () => {
      await expect(run(() => fixtures.answers.malformedSuccess)).rejects.toBeInstanceOf(ConnectorError);
      await expect(run(() => fixtures.answers.emptySuccess)).rejects.toBeInstanceOf(ConnectorError);
    });

    it('raises NetworkError for transport failures, saying whether the gateway may have acted', async () => {
      const timeout = run(() => {
        throw new TransportError('timeout', true, 'timed out');
      });
      await expect(timeout).rejects.toMatchObject({ code: 'GATEWAY_TIMEOUT', retryable: true, paymentMayHaveBeenProcessed: true });
      const refused = run(() => {
        throw new TransportError('connection_refused', false, 'refused');
      });
      await expect(refused).rejects.toBeInstanceOf(NetworkError);
      await expect(refused).rejects.toMatchObject({ code: 'CONNECTION_REFUSED', paymentMayHaveBeenProcessed: false });
    });

    it('never renders a secret in any error it raises', async () => {
      const errors: unknown[] = [];
      for (const response of [fixtures.answers.malformedSuccess, fixtures.answers.emptySuccess]) {
        await run(() => response).catch((error: unknown) => errors.push(error));
      }
      await run(() => {
        throw new TransportError('timeout', true, 'timed out');
      }).catch((error: unknown) => errors.push(error));
      expect(errors).toHaveLength(3);
      for (const error of errors) expectNoSecret(error);
    });
  });
}
