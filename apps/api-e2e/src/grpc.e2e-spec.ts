/**
 * Seed 000 as a Prism user runs it, against the built API process (`dist/apps/api/main.js`, gRPC on
 * GRPC_PORT=0) and the gateway simulator: the seed's request body, byte for byte, with our
 * authorization header added, over gRPC (a client generated from our .proto) and over the HTTP alias.
 */
import * as grpc from '@grpc/grpc-js';
import { loadGrpcContract, type CreateSessionTokenResponseMessage } from '@prism-sessions/grpc-contract';
import { DbInspector } from './support/db-inspector';
import { readE2eEnv, startApi, type ApiProcess, type E2eEnv } from './support/stack';

const SEED_BODY = `{
    "merchant_session_id": "session_001",
    "amount": {
      "minor_amount": 10000,
      "currency": "USD"
    },
    "browser_info": {
      "accept_header": "text/html",
      "user_agent": "Mozilla/5.0..."
    },
    "test_mode": true
  }`;

const GRPC_READY = /gRPC \(types\.MerchantAuthenticationService, with reflection\) ready at (\S+)/;

let env: E2eEnv;
let db: DbInspector;
let api: ApiProcess | undefined;
let client: grpc.Client;

type Unary = (request: unknown, metadata: grpc.Metadata, callback: (error: grpc.ServiceError | null, response?: CreateSessionTokenResponseMessage) => void) => void;

beforeAll(async () => {
  env = readE2eEnv();
  db = await DbInspector.connect(env.databaseUrl);
  api = await startApi('api-grpc', { ...env.apiEnv, GRPC_PORT: '0' }, env.logDir);
  const address = (GRPC_READY.exec(api.proc.stdout())?.[1] ?? '').replace(/^localhost:/, '127.0.0.1:');
  const proto = grpc.loadPackageDefinition(loadGrpcContract()) as unknown as { types: { MerchantAuthenticationService: grpc.ServiceClientConstructor } };
  client = new proto.types.MerchantAuthenticationService(address, grpc.credentials.createInsecure());
});

afterAll(async () => {
  client?.close();
  const exit = await api?.proc.stop();
  await db?.close();
  if (exit && exit.signal === null) expect(exit.code).toBe(0);
});

const headers = () => ({ authorization: `Bearer ${env.merchant.apiKey}`, 'x-connector': 'nuvei', 'x-connector-config': env.nuveiConnectorConfig });

describe('seed 000 against the simulator', () => {
  it('answers the seed body over gRPC with a session token and status_code 200, and persists the session', async () => {
    const metadata = new grpc.Metadata();
    for (const [key, value] of Object.entries(headers())) metadata.set(key, value);
    const createSessionToken = (client as unknown as { CreateSessionToken: Unary }).CreateSessionToken.bind(client);
    const response = await new Promise<CreateSessionTokenResponseMessage>((resolve, reject) =>
      createSessionToken(JSON.parse(SEED_BODY), metadata, (error, answer) => (error || !answer ? reject(error ?? new Error('no answer')) : resolve(answer))),
    );
    expect(response.error).toBeUndefined();
    expect(response.status_code).toBe(200);
    expect(response.session_token).not.toBe('');
    expect((await db.session('session_001')).status).toBe('ACTIVE');
  });

  it('replays it through the HTTP alias POST /payments/create_session_token (same body bytes)', async () => {
    const response = await fetch(new URL('/payments/create_session_token', api?.url), { method: 'POST', headers: { 'content-type': 'application/json', ...headers() }, body: SEED_BODY });
    expect(response.status).toBe(200);
    expect(response.headers.get('x-replayed')).toBe('true');
    expect(((await response.json()) as CreateSessionTokenResponseMessage).status_code).toBe(200);
  });
});
