#!/usr/bin/env node
'use strict';
/**
 * The merchant-server half of the wallet checkout example: Node built-ins only, no framework.
 *
 * - serves the page (`public/index.html`, `public/checkout.js`);
 * - `POST /checkout/payments` `{amount, currency}`: creates a payment through the API's `createPayment`
 *   GraphQL mutation with the merchant's **secret** key (which never leaves this process) and hands the
 *   page what a browser may hold: the payment id, its client secret, the **publishable** key and the API URL.
 *
 * The page then calls the API's `POST /payments/session_tokens` itself (header `api-key: <publishable key>`).
 *
 * Configuration (environment): `API_URL` (default http://127.0.0.1:4000), `SECRET_KEY` + `PUBLISHABLE_KEY`
 * (default: the development merchant in `.data/dev-merchant.json`, written by `npm start` / `npm run dev`),
 * `PORT` (default 4020; 0 picks a free port), `HOST` (default 127.0.0.1).
 */
const { randomUUID } = require('node:crypto');
const { existsSync, readFileSync } = require('node:fs');
const http = require('node:http');
const path = require('node:path');

const PUBLIC_DIR = path.join(__dirname, 'public');
const STATIC_FILES = {
  '/': ['index.html', 'text/html; charset=utf-8'],
  '/index.html': ['index.html', 'text/html; charset=utf-8'],
  '/checkout.js': ['checkout.js', 'text/javascript; charset=utf-8'],
};
const DEV_MERCHANT_FILE = path.join(__dirname, '..', '..', '.data', 'dev-merchant.json');
const MAX_BODY_BYTES = 16 * 1024;

/** The GraphQL document the stub sends (secret key). */
const CREATE_PAYMENT = `mutation CreatePayment($input: CreatePaymentInput!) {
  createPayment(input: $input) {
    clientSecret
    payment { id status clientSecretExpiresAt }
    error { source unifiedDetails { code message } }
  }
}`;

/**
 * Reads the stub's configuration from `env`; the keys fall back to the development merchant file.
 * @throws Error naming what is missing.
 */
function readConfig(env) {
  let secretKey = env.SECRET_KEY;
  let publishableKey = env.PUBLISHABLE_KEY;
  const devFile = env.DEV_MERCHANT_FILE || DEV_MERCHANT_FILE;
  if ((!secretKey || !publishableKey) && existsSync(devFile)) {
    const saved = JSON.parse(readFileSync(devFile, 'utf8'));
    secretKey = secretKey || saved.apiKey;
    publishableKey = publishableKey || saved.publishableKey;
  }
  if (!secretKey || !secretKey.startsWith('sk_')) throw new Error(`SECRET_KEY (sk_…) is missing: set it, or start the API once (npm run dev) so ${devFile} exists`);
  if (!publishableKey || !publishableKey.startsWith('pk_')) throw new Error('PUBLISHABLE_KEY (pk_…) is missing');
  const port = env.PORT === undefined || env.PORT === '' ? 4020 : Number(env.PORT);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error('PORT must be an integer 0-65535');
  return { apiUrl: (env.API_URL || 'http://127.0.0.1:4000').replace(/\/+$/, ''), secretKey, publishableKey, port, host: env.HOST || '127.0.0.1' };
}

function sendJson(res, status, value) {
  const body = JSON.stringify(value);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), 'cache-control': 'no-store' });
  res.end(body);
}

function readJsonBody(req) {
  return new Promise((resolve, reject) => {
    let size = 0;
    const chunks = [];
    req.on('data', (chunk) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        reject(new Error('body too large'));
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => {
      try {
        resolve(chunks.length === 0 ? {} : JSON.parse(Buffer.concat(chunks).toString('utf8')));
      } catch {
        reject(new Error('body is not JSON'));
      }
    });
    req.on('error', reject);
  });
}

/** Validates the page's request: a positive integer amount in minor units and a 3-letter currency. */
function parseCheckoutRequest(body) {
  const amount = String(body.amount ?? '');
  const currency = String(body.currency ?? '').toUpperCase();
  if (!/^[1-9][0-9]{0,15}$/.test(amount)) return { error: 'amount must be a positive integer in minor units' };
  if (!/^[A-Z]{3}$/.test(currency)) return { error: 'currency must be a 3-letter ISO 4217 code' };
  return { amount, currency };
}

/** Creates a payment through the API (secret key); returns what the page may hold. */
async function createPayment(config, { amount, currency }) {
  const response = await fetch(`${config.apiUrl}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${config.secretKey}` },
    body: JSON.stringify({
      query: CREATE_PAYMENT,
      variables: { input: { amount: { minorAmount: amount, currency }, merchantReference: `checkout_${randomUUID()}`, description: 'Wallet checkout example' } },
    }),
  });
  const json = await response.json().catch(() => null);
  if (!json || json.errors) throw new Error(`createPayment failed: ${json && json.errors ? json.errors.map((e) => e.message).join('; ') : `HTTP ${response.status}`}`);
  const payload = json.data.createPayment;
  if (payload.error) throw new Error(`createPayment refused: ${payload.error.unifiedDetails.code} ${payload.error.unifiedDetails.message}`);
  return { paymentId: payload.payment.id, clientSecret: payload.clientSecret, clientSecretExpiresAt: payload.payment.clientSecretExpiresAt };
}

/** The stub's request handler. */
function createHandler(config, log = () => undefined) {
  return async (req, res) => {
    const { pathname } = new URL(req.url || '/', 'http://stub.invalid');
    const file = STATIC_FILES[pathname];
    if (req.method === 'GET' && file) {
      const body = readFileSync(path.join(PUBLIC_DIR, file[0]));
      res.writeHead(200, { 'content-type': file[1], 'content-length': body.length, 'cache-control': 'no-store' });
      res.end(body);
      return;
    }
    if (req.method === 'POST' && pathname === '/checkout/payments') {
      let parsed;
      try {
        parsed = parseCheckoutRequest(await readJsonBody(req));
      } catch (error) {
        sendJson(res, 400, { error: error.message });
        return;
      }
      if (parsed.error) {
        sendJson(res, 400, { error: parsed.error });
        return;
      }
      try {
        const payment = await createPayment(config, parsed);
        log(`created payment ${payment.paymentId}`);
        sendJson(res, 200, { ...payment, publishableKey: config.publishableKey, apiUrl: config.apiUrl });
      } catch (error) {
        log(error.message);
        sendJson(res, 502, { error: error.message });
      }
      return;
    }
    sendJson(res, 404, { error: 'Not found' });
  };
}

/** Starts the stub; resolves with the server and its URL. */
function startCheckoutServer(config, log) {
  const handler = createHandler(config, log);
  const server = http.createServer((req, res) => {
    handler(req, res).catch((error) => {
      if (!res.headersSent) sendJson(res, 500, { error: error.message });
      else res.destroy();
    });
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.port, config.host, () => {
      const { port } = server.address();
      resolve({ server, url: `http://${config.host}:${port}/` });
    });
  });
}

module.exports = { CREATE_PAYMENT, createHandler, parseCheckoutRequest, readConfig, startCheckoutServer };

if (require.main === module) {
  let config;
  try {
    config = readConfig(process.env);
  } catch (error) {
    process.stderr.write(`${error.message}\n`);
    process.exit(1);
  }
  startCheckoutServer(config, (line) => process.stdout.write(`[checkout] ${line}\n`)).then(({ server, url }) => {
    process.stdout.write(`Wallet checkout example at ${url} (API ${config.apiUrl})\n`);
    const stop = () => {
      server.close(() => process.exit(0));
      server.closeAllConnections();
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  }, (error) => {
    process.stderr.write(`Wallet checkout example failed to start: ${error.message}\n`);
    process.exit(1);
  });
}
