'use strict';
/**
 * The FLOOR: the thinnest server that does the same job as the API's createSessionToken (and the
 * paymentSession read), used as the lower bound the API is compared with. Started by bench/run.js
 * as its own child process, exactly like the API.
 *
 * Per create request it does, and only does:
 *   1. read the body, JSON.parse it, take `variables.input` (GraphQL text is never parsed);
 *   2. JSON.parse the `x-connector-config` header for the gateway credentials;
 *   3. one gateway call to the same simulator endpoint with the same signed body (Nuvei sha256
 *      checksum / Paytm AES-CBC signature), over a keep-alive undici Agent;
 *   4. AES-256-GCM-seal the token (same layout and AAD as the API) and compute the same request fingerprint;
 *   5. one INSERT of the session row (same columns the API ends up with) through a `pg` Pool;
 *   6. a JSON answer with the API's shape and about its size.
 * It skips: API-key authentication (no merchant lookup/hash), the idempotency look-ups before the
 * gateway call, the PENDING claim + attempt row + completing UPDATE transaction, GraphQL parsing,
 * validation (depth/complexity/class-validator), logging and every error path.
 *
 * Replays: the floor remembers (in memory) the merchantSessionIds it created; a known id is served
 * with one SELECT by the unique key + one decrypt, without a gateway call — the cheapest possible
 * replay (a single-process shortcut the API, which must be correct across processes, cannot take).
 * Reads (`variables.id`): one SELECT by id and merchant + one decrypt.
 *
 * Env: DATABASE_URL, FLOOR_MERCHANT_ID, NUVEI_BASE_URL, PAYTM_BASE_URL, ENCRYPTION_KEY (base64 32 bytes),
 * DATABASE_POOL_MAX (default 10, per process), PORT (default 0), FLOOR_WORKERS (default 1: one process;
 * N > 1: a node:cluster primary with N floor workers on one port, as the API's WEB_CONCURRENCY; only
 * for creates: each worker remembers its own created ids, so replays would not be the floor's).
 * Prints `FLOOR ready at <url>`.
 */
const http = require('node:http');
const crypto = require('node:crypto');
const { Pool } = require('pg');
const { Agent, request } = require('undici');

const cluster = require('node:cluster');

const env = process.env;
const WORKERS = Number(env.FLOOR_WORKERS || 1);
if (WORKERS > 1 && cluster.isPrimary) {
  // The multi-process floor: the same round-robin hand-out of connections as the API's cluster.
  const live = new Set();
  let readyUrl = null;
  let ready = 0;
  for (let i = 0; i < WORKERS; i++) {
    const worker = cluster.fork();
    live.add(worker.process.pid);
    worker.on('message', (message) => {
      readyUrl = message.url;
      if (++ready === WORKERS) process.stdout.write(`FLOOR ready at ${readyUrl} (${WORKERS} workers)\n`);
    });
  }
  cluster.on('exit', (worker) => {
    live.delete(worker.process.pid);
    if (live.size === 0) process.exit(0);
  });
  const stopWorkers = () => {
    for (const pid of live) process.kill(pid, 'SIGTERM');
    setTimeout(() => process.exit(1), 6_000).unref();
  };
  process.on('SIGINT', stopWorkers);
  process.on('SIGTERM', stopWorkers);
  return;
}
const MERCHANT_ID = env.FLOOR_MERCHANT_ID;
const NUVEI_URL = `${env.NUVEI_BASE_URL.replace(/\/+$/, '')}/getSessionToken.do`;
const PAYTM_BASE = env.PAYTM_BASE_URL.endsWith('/') ? env.PAYTM_BASE_URL : `${env.PAYTM_BASE_URL}/`;
const KEY = Buffer.from(env.ENCRYPTION_KEY, 'base64');
const KEY_ID = crypto.createHash('sha256').update(KEY).digest('hex').slice(0, 16);
const LIFETIME_MS = (900 - 60) * 1000; // both gateways: 15 min, minus the API's default 60 s margin
const PAYTM_IV = Buffer.from('@@@@&&&&####$$$$', 'latin1');
const GATEWAY_HEADERS = { 'content-type': 'application/json', via: 'HyperSwitch' };

const pool = new Pool({ connectionString: env.DATABASE_URL, max: Number(env.DATABASE_POOL_MAX || 10), idleTimeoutMillis: 10_000 });
pool.on('error', () => undefined);
const agent = new Agent({ keepAliveTimeout: 10_000, connect: { timeout: 2_000 }, headersTimeout: 10_000, bodyTimeout: 10_000 });
const created = new Set();

const pad = (n) => (n < 10 ? `0${n}` : String(n));
function nuveiTimestamp(d) {
  return `${d.getUTCFullYear()}${pad(d.getUTCMonth() + 1)}${pad(d.getUTCDate())}${pad(d.getUTCHours())}${pad(d.getUTCMinutes())}${pad(d.getUTCSeconds())}`;
}
const sha256 = (text) => crypto.createHash('sha256').update(text, 'utf8').digest('hex');
/** Major-unit string for 2-decimal currencies (the bench only sends USD and INR). */
function major(minor) {
  const s = String(minor).padStart(3, '0');
  return `${s.slice(0, -2)}.${s.slice(-2)}`;
}

/** Paytm signature, the algorithm of libs/connectors/paytm/src/lib/paytm.signature.ts (signPaytmBody). */
function signPaytm(bodyJson, merchantKey) {
  const salt = crypto.randomBytes(3).toString('base64');
  const checksum = sha256(`${bodyJson}|${salt}`) + salt;
  const raw = Buffer.from(merchantKey, 'utf8');
  let algorithm = 'aes-256-cbc';
  let key = raw;
  if (raw.length === 16) algorithm = 'aes-128-cbc';
  else if (raw.length === 24) algorithm = 'aes-192-cbc';
  else {
    key = Buffer.alloc(32);
    raw.copy(key, 0, 0, 32);
  }
  const cipher = crypto.createCipheriv(algorithm, key, PAYTM_IV);
  return Buffer.concat([cipher.update(checksum, 'latin1'), cipher.final()]).toString('base64');
}

function seal(plaintext, aad) {
  const iv = crypto.randomBytes(12);
  const cipher = crypto.createCipheriv('aes-256-gcm', KEY, iv);
  cipher.setAAD(Buffer.from(aad, 'utf8'));
  const ct = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return Buffer.concat([Buffer.from([1]), iv, cipher.getAuthTag(), ct]);
}
function open(sealed, aad) {
  const decipher = crypto.createDecipheriv('aes-256-gcm', KEY, sealed.subarray(1, 13));
  decipher.setAAD(Buffer.from(aad, 'utf8'));
  decipher.setAuthTag(sealed.subarray(13, 29));
  return Buffer.concat([decipher.update(sealed.subarray(29)), decipher.final()]).toString('utf8');
}

async function callGateway(connector, input, config, now) {
  if (connector === 'NUVEI') {
    const c = config.Nuvei;
    const timeStamp = nuveiTimestamp(now);
    const checksum = sha256(c.merchant_id + c.merchant_site_id + input.merchantSessionId + timeStamp + c.merchant_secret);
    const body = JSON.stringify({ merchantId: c.merchant_id, merchantSiteId: c.merchant_site_id, clientRequestId: input.merchantSessionId, timeStamp, checksum });
    const res = await request(NUVEI_URL, { method: 'POST', headers: GATEWAY_HEADERS, body, dispatcher: agent });
    const answer = await res.body.json();
    if (res.statusCode !== 200 || typeof answer.sessionToken !== 'string') throw new Error(`nuvei answered ${res.statusCode}`);
    return answer.sessionToken;
  }
  const c = config.Paytm;
  const orderId = input.merchantSessionId;
  const txnAmount = { value: major(input.amount.minorAmount), currency: input.amount.currency };
  const bodyJson = JSON.stringify({
    requestType: 'Payment',
    mid: c.merchant_id,
    orderId,
    websiteName: c.website,
    txnAmount,
    userInfo: { custId: 'cus_default', mobile: null, email: null, firstName: null, lastName: null },
    enablePaymentMode: [{ mode: 'UPI', channels: ['UPIPUSH', 'UPI'] }],
    callbackUrl: 'https://default-callback.com',
    shippingInfo: [{ trackingNo: orderId, chargeAmount: { ...txnAmount } }],
  });
  const head = { clientId: null, version: 'v1', requestTimestamp: String(Math.floor(now.getTime() / 1000)), signature: signPaytm(bodyJson, c.merchant_key) };
  const url = `${PAYTM_BASE}theia/api/v1/initiateTransaction?mid=${encodeURIComponent(c.merchant_id)}&orderId=${encodeURIComponent(orderId)}`;
  const res = await request(url, { method: 'POST', headers: GATEWAY_HEADERS, body: `{"head":${JSON.stringify(head)},"body":${bodyJson}}`, dispatcher: agent });
  const answer = await res.body.json();
  const token = answer && answer.body && answer.body.txnToken;
  if (res.statusCode !== 200 || typeof token !== 'string') throw new Error(`paytm answered ${res.statusCode}`);
  return token;
}

const INSERT = `INSERT INTO payment_sessions (id, merchant_id, connector, merchant_session_id, request_fingerprint, minor_amount, currency, test_mode,
  status, token_ciphertext, encryption_key_id, expires_at, http_status, attempt_count, created_at, updated_at)
  VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 'ACTIVE', $9, $10, $11, 200, 1, $12, $12)`;
const SELECT_COLUMNS = 'id, connector, merchant_session_id, minor_amount, currency, test_mode, status, token_ciphertext, expires_at, attempt_count, created_at, updated_at';
const BY_KEY = `SELECT ${SELECT_COLUMNS} FROM payment_sessions WHERE merchant_id = $1 AND connector = $2 AND merchant_session_id = $3`;
const BY_ID = `SELECT ${SELECT_COLUMNS} FROM payment_sessions WHERE id = $1 AND merchant_id = $2`;

function sessionJson(row) {
  const minor = String(row.minor_amount);
  return {
    id: row.id,
    merchantSessionId: row.merchant_session_id,
    connector: row.connector,
    status: row.status,
    testMode: row.test_mode,
    expiresAt: row.expires_at === null ? null : row.expires_at.toISOString(),
    createdAt: row.created_at.toISOString(),
    attemptCount: row.attempt_count,
    amount: { minorAmount: minor, currency: row.currency, formatted: major(minor) },
  };
}
function payload(sessionToken, replayed, session) {
  return { data: { createSessionToken: { sessionToken, statusCode: 200, replayed, error: null, session } } };
}

async function create(input, headers) {
  const connector = input.connector;
  const key = `${connector}|${input.merchantSessionId}`;
  if (created.has(key)) {
    const { rows } = await pool.query({ name: 'floor_by_key', text: BY_KEY, values: [MERCHANT_ID, connector, input.merchantSessionId] });
    const row = rows[0];
    return payload(open(row.token_ciphertext, `payment_sessions.token:${row.id}`), true, sessionJson(row));
  }
  const { config } = JSON.parse(headers['x-connector-config']);
  const now = new Date();
  const token = await callGateway(connector, input, config, now);
  const id = crypto.randomUUID();
  const testMode = input.testMode ?? true;
  const minor = String(input.amount.minorAmount);
  const fingerprint = sha256(JSON.stringify([connector.toLowerCase(), input.merchantSessionId, minor, input.amount.currency, testMode]));
  const expiresAt = new Date(now.getTime() + LIFETIME_MS);
  await pool.query({ name: 'floor_insert', text: INSERT, values: [id, MERCHANT_ID, connector, input.merchantSessionId, fingerprint, minor, input.amount.currency, testMode, seal(token, `payment_sessions.token:${id}`), KEY_ID, expiresAt, now] });
  created.add(key);
  const session = {
    id,
    merchantSessionId: input.merchantSessionId,
    connector,
    status: 'ACTIVE',
    testMode,
    expiresAt: expiresAt.toISOString(),
    createdAt: now.toISOString(),
    attemptCount: 1,
    amount: { minorAmount: minor, currency: input.amount.currency, formatted: major(minor) },
  };
  return payload(token, false, session);
}

async function read(id) {
  const { rows } = await pool.query({ name: 'floor_by_id', text: BY_ID, values: [id, MERCHANT_ID] });
  const row = rows[0];
  if (!row) return { data: { paymentSession: null } };
  const session = sessionJson(row);
  session.token = row.status === 'ACTIVE' && row.expires_at > new Date() ? open(row.token_ciphertext, `payment_sessions.token:${row.id}`) : null;
  return { data: { paymentSession: session } };
}

function send(res, status, body) {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

const server = http.createServer((req, res) => {
  const chunks = [];
  req.on('data', (chunk) => chunks.push(chunk));
  req.on('end', () => {
    let variables;
    try {
      variables = JSON.parse(Buffer.concat(chunks).toString('utf8')).variables;
    } catch {
      send(res, 400, { errors: [{ message: 'Request body is not valid JSON' }] });
      return;
    }
    const work = variables.id !== undefined ? read(variables.id) : create(variables.input, req.headers);
    work.then(
      (body) => send(res, 200, body),
      (error) => send(res, 500, { errors: [{ message: String(error && error.message) }] }),
    );
  });
});
server.keepAliveTimeout = 65_000;

server.listen(Number(env.PORT || 0), '127.0.0.1', () => {
  const url = `http://127.0.0.1:${server.address().port}/graphql`;
  if (cluster.isWorker) process.send({ url });
  else process.stdout.write(`FLOOR ready at ${url}\n`);
});

let stopping = false;
function shutdown() {
  if (stopping) return;
  stopping = true;
  server.close();
  server.closeIdleConnections();
  Promise.allSettled([pool.end(), agent.close()]).then(() => process.exit(0));
  setTimeout(() => process.exit(1), 5_000).unref();
}
process.on('SIGINT', shutdown);
process.on('SIGTERM', shutdown);
