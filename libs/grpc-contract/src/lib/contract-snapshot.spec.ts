import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { contractSnapshot, type ContractSnapshot } from './contract-snapshot';
import { loadGrpcContract, SERVICE_NAME } from './load-contract';
import { protoDirectory } from './proto-files';

// The breaking-change guard. The committed snapshot holds every message, field number, type, label,
// enum value and RPC path of the contract. A deliberate, compatible addition updates it with
// UPDATE_CONTRACT_SNAPSHOT=1; a renumbered or retyped field must never be "fixed" that way.
const SNAPSHOT_FILE = path.join(__dirname, 'contract-snapshot.json');

function loadEdited(edit: (text: string) => string, file = 'payment.proto'): ContractSnapshot {
  const dir = mkdtempSync(path.join(tmpdir(), 'grpc-contract-'));
  try {
    cpSync(protoDirectory(), dir, { recursive: true });
    const target = path.join(dir, file);
    const before = readFileSync(target, 'utf8');
    const after = edit(before);
    expect(after).not.toBe(before); // the edit must apply, or the test proves nothing
    writeFileSync(target, after);
    return contractSnapshot(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('gRPC contract breaking-change guard', () => {
  const current = contractSnapshot();
  if (process.env['UPDATE_CONTRACT_SNAPSHOT'] === '1') writeFileSync(SNAPSHOT_FILE, `${JSON.stringify(current, null, 2)}\n`);
  const committed = JSON.parse(readFileSync(SNAPSHOT_FILE, 'utf8')) as ContractSnapshot;

  it('matches the committed snapshot of names, numbers and types', () => {
    expect(current).toEqual(committed);
  });

  it('notices a renumbered field', () => {
    expect(loadEdited((text) => text.replace('int64 minor_amount = 1;', 'int64 minor_amount = 9;'))).not.toEqual(committed);
  });

  it('notices a retyped field', () => {
    expect(loadEdited((text) => text.replace('uint32 status_code = 2;', 'int32 status_code = 2;'))).not.toEqual(committed);
  });

  it('notices a lost proto3 optional (presence) and a renumbered enum value', () => {
    expect(loadEdited((text) => text.replace('optional bool test_mode = 7;', 'bool test_mode = 7;'))).not.toEqual(committed);
    expect(loadEdited((text) => text.replace('  USD = 146;', '  USD = 147;').replace('  UYU = 147;', '  UYU = 146;'))).not.toEqual(committed);
  });

  it('notices a renamed RPC', () => {
    expect(loadEdited((text) => text.replace('rpc CreateSessionToken(', 'rpc CreateSession('), 'services.proto')).not.toEqual(committed);
  });
});

describe('upstream facts (spec §1)', () => {
  const snapshot = contractSnapshot();

  it('is the contract the loader serves', () => {
    expect(Object.keys(loadGrpcContract()[SERVICE_NAME] ?? {})).toEqual(['CreateSessionToken', 'CreateServerSessionAuthenticationToken']);
  });

  it('serves types.MerchantAuthenticationService/CreateSessionToken and its CS-C name', () => {
    expect(snapshot.services['types.MerchantAuthenticationService']).toEqual({
      CreateSessionToken: {
        path: '/types.MerchantAuthenticationService/CreateSessionToken',
        request: 'types.MerchantAuthenticationServiceCreateSessionTokenRequest',
        response: 'types.MerchantAuthenticationServiceCreateSessionTokenResponse',
      },
      CreateServerSessionAuthenticationToken: {
        path: '/types.MerchantAuthenticationService/CreateServerSessionAuthenticationToken',
        request: 'types.MerchantAuthenticationServiceCreateServerSessionAuthenticationTokenRequest',
        response: 'types.MerchantAuthenticationServiceCreateServerSessionAuthenticationTokenResponse',
      },
    });
  });

  it('numbers the Currency enum as upstream (alphabetical 1-160)', () => {
    const currency = snapshot.enums['types.Currency'] ?? {};
    expect(Object.keys(currency)).toHaveLength(161);
    expect(currency).toMatchObject({ CURRENCY_UNSPECIFIED: 0, AED: 1, EUR: 45, GBP: 48, INR: 63, USD: 146, ZWL: 160 });
  });

  it('keeps the request and response field numbers of §1.2-§1.3', () => {
    const numbers = (name: string) => Object.fromEntries(Object.entries(snapshot.messages[`types.${name}`] ?? {}).map(([field, value]) => [field, value.number]));
    expect(numbers('MerchantAuthenticationServiceCreateSessionTokenRequest')).toEqual({
      merchant_session_id: 1,
      amount: 2,
      metadata: 3,
      connector_feature_data: 4,
      state: 5,
      browser_info: 6,
      test_mode: 7,
    });
    expect(numbers('MerchantAuthenticationServiceCreateSessionTokenResponse')).toEqual({ error: 1, status_code: 2, session_token: 3 });
    expect(numbers('ErrorInfo')).toEqual({ unified_details: 1, issuer_details: 2, connector_details: 3 });
    expect(snapshot.messages['types.Money']).toEqual({ minor_amount: { number: 1, type: 'int64', label: 'singular' }, currency: { number: 2, type: 'types.Currency', label: 'singular' } });
    expect(snapshot.messages['types.SecretString']?.['value']).toEqual({ number: 1, type: 'string', label: 'singular' });
    expect(snapshot.messages['types.MerchantAuthenticationServiceCreateSessionTokenRequest']?.['test_mode']).toEqual({ number: 7, type: 'bool', label: 'optional' });
    expect(snapshot.messages['types.MerchantAuthenticationServiceCreateServerSessionAuthenticationTokenRequest']?.['payment']).toMatchObject({ number: 5, oneof: 'domain_context' });
  });
});
