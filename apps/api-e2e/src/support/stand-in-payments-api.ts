/**
 * A stand-in for the payments API's two client-checkout surfaces, answering the seed's exact shapes
 * (spec seed-003 §5, §7): `POST /graphql` createPayment (secret key) and `POST /payments/session_tokens`
 * (publishable key, CORS open like the API). It checks what the callers send and records every call.
 * Lets the browser example be tested without the payments API; the real API is tested in
 * wallet-checkout.e2e-spec.ts.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export const STAND_IN_SECRET_KEY = 'sk_test_standin_0000000000000000';
export const STAND_IN_PUBLISHABLE_KEY = 'pk_test_standin_0000000000000000';
export const STAND_IN_PAYMENT_ID = 'pay_AbCdEfGhIjKlMnOpQrSt';
export const STAND_IN_CLIENT_SECRET = `${STAND_IN_PAYMENT_ID}_secret_ZyXwVuTsRqPoNmLkJiHg`;

/** The seed's Nuvei Google Pay element (§7), amount 19.99 USD. */
export const GOOGLE_PAY_TOKEN = {
  wallet_name: 'google_pay',
  merchant_info: { merchant_id: 'BCR2DN0000000000', merchant_name: 'Acme' },
  shipping_address_required: false,
  email_required: false,
  shipping_address_parameters: { phone_number_required: false },
  allowed_payment_methods: [
    {
      type: 'CARD',
      parameters: { allowed_auth_methods: ['PAN_ONLY', 'CRYPTOGRAM_3DS'], allowed_card_networks: ['AMEX', 'DISCOVER', 'INTERAC', 'JCB', 'MASTERCARD', 'VISA'], billing_address_required: false },
      tokenization_specification: { type: 'PAYMENT_GATEWAY', parameters: { gateway: 'nuveidigital', gateway_merchant_id: 'googletest' } },
    },
  ],
  transaction_info: { country_code: 'US', currency_code: 'USD', total_price_status: 'Final', total_price: '19.99' },
  delayed_session_token: false,
  connector: 'nuvei',
  sdk_next_action: { next_action: 'confirm' },
  secrets: null,
};

/** The seed's Apple Pay element (§5.3) with a merchant session (web). */
export const APPLE_PAY_TOKEN = {
  wallet_name: 'apple_pay',
  session_token_data: {
    epoch_timestamp: 1_796_461_808_812,
    expires_at: 1_796_465_408_812,
    merchant_session_identifier: 'SSH0000',
    nonce: '39b56bbf',
    merchant_identifier: '8FE7FDD6',
    domain_name: 'localhost',
    display_name: 'Acme',
    signature: 'c2lnbmF0dXJl',
    operational_analytics_identifier: 'Acme:8FE7FDD6',
    retries: 0,
    psp_id: '8FE7FDD6',
  },
  payment_request_data: {
    country_code: 'US',
    currency_code: 'USD',
    total: { label: 'Acme', type: 'final', amount: '19.99' },
    merchant_capabilities: ['supports3DS'],
    supported_networks: ['visa', 'masterCard'],
    merchant_identifier: 'merchant.com.acme',
  },
  connector: 'nuvei',
  delayed_session_token: false,
  sdk_next_action: { next_action: 'confirm' },
  connector_reference_id: null,
  connector_sdk_public_key: null,
  connector_merchant_id: null,
};

/** A recorded call. */
export interface StandInCall {
  readonly path: string;
  readonly headers: Readonly<Record<string, string | string[] | undefined>>;
  readonly body: unknown;
}

/** A running stand-in. */
export interface StandInPaymentsApi {
  readonly url: string;
  readonly calls: StandInCall[];
  /** The next session_tokens answer(s): a seed error body instead of the tokens. */
  failSessionTokens(status: number, error: { type: string; message: string; code: string }): void;
  stop(): Promise<void>;
}

const CORS = { 'access-control-allow-origin': '*', 'access-control-allow-headers': 'api-key, content-type, x-client-platform, x-browser-name, x-merchant-domain', 'access-control-allow-methods': 'POST' };

function send(res: ServerResponse, status: number, value: unknown, headers: Record<string, string> = {}): void {
  const body = JSON.stringify(value);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(body)), ...headers });
  res.end(body);
}

function readBody(req: IncomingMessage): Promise<unknown> {
  return new Promise((resolve) => {
    let text = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => (text += chunk));
    req.on('end', () => {
      try {
        resolve(text === '' ? undefined : JSON.parse(text));
      } catch {
        resolve(text);
      }
    });
  });
}

/** Starts the stand-in on 127.0.0.1 (free port). */
export async function startStandInPaymentsApi(): Promise<StandInPaymentsApi> {
  const calls: StandInCall[] = [];
  let failure: { status: number; error: { type: string; message: string; code: string } } | undefined;

  const server: Server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    if (req.method === 'OPTIONS') {
      res.writeHead(204, CORS);
      res.end();
      return;
    }
    void readBody(req).then((body) => {
      calls.push({ path, headers: req.headers, body });
      if (req.method === 'POST' && path === '/graphql') {
        const query = (body as { query?: string } | undefined)?.query ?? '';
        if (req.headers['authorization'] !== `Bearer ${STAND_IN_SECRET_KEY}`) return send(res, 200, { errors: [{ message: 'unauthenticated', extensions: { code: 'UNAUTHENTICATED' } }] });
        if (!/createPayment\(input: \$input\)/.test(query)) return send(res, 200, { errors: [{ message: 'unexpected document' }] });
        return send(res, 200, { data: { createPayment: { clientSecret: STAND_IN_CLIENT_SECRET, payment: { id: STAND_IN_PAYMENT_ID, status: 'REQUIRES_PAYMENT_METHOD', clientSecretExpiresAt: '2030-01-01T00:15:00.000Z' }, error: null } } });
      }
      if (req.method === 'POST' && path === '/payments/session_tokens') {
        // The seed's checks, in its order: key, then the payment and its secret.
        if (req.headers['api-key'] !== STAND_IN_PUBLISHABLE_KEY) return send(res, 401, { error: { type: 'invalid_request', message: 'API key not provided or invalid API key used', code: 'IR_01' } }, CORS);
        const request = body as { payment_id?: unknown; client_secret?: unknown; wallets?: unknown };
        if (!Array.isArray(request?.wallets)) return send(res, 400, { error: { error_type: 'invalid_request', message: 'Json deserialize error: missing field `wallets`', code: 'IR_06' } }, CORS);
        if (request.payment_id !== STAND_IN_PAYMENT_ID) return send(res, 404, { error: { type: 'invalid_request', message: 'Payment does not exist in our records', code: 'HE_02' } }, CORS);
        if (request.client_secret !== STAND_IN_CLIENT_SECRET) {
          return send(res, 400, { error: { type: 'invalid_request', message: 'The client_secret provided does not match the client_secret associated with the Payment', code: 'IR_09' } }, CORS);
        }
        if (failure) return send(res, failure.status, { error: failure.error }, CORS);
        const wanted = request.wallets as string[];
        const tokens = [GOOGLE_PAY_TOKEN, APPLE_PAY_TOKEN].filter((token) => wanted.length === 0 || wanted.includes(token.wallet_name));
        return send(res, 200, { payment_id: STAND_IN_PAYMENT_ID, client_secret: STAND_IN_CLIENT_SECRET, session_token: tokens }, CORS);
      }
      return send(res, 404, { error: 'not found' });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    calls,
    failSessionTokens(status, error) {
      failure = { status, error };
    },
    stop: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
