import { CREATE_CLIENT_AUTH_TOKEN, LINK_UPI_ACCOUNT, RECORD_UPI_DEVICE_BINDING, REVOKE_UPI_DEVICE_BINDING, UNLINK_UPI_ACCOUNT, UPI_CUSTOMER } from '@prism-sessions/testing-graphql-documents';
import { authHeaders, startIntegrationEnv, type IntegrationEnv } from '../testing/integration-harness';

jest.setTimeout(120_000);

// The bad-input corpus of the UPI customer mutations and createClientAuthToken: each case is
// BAD_USER_INPUT naming the field, nothing is written, and no account or mobile number is echoed.
const ACCOUNT = '50100203891';
const MOBILE = '919876543210';
const binding = (input: Record<string, unknown>) => ({ query: RECORD_UPI_DEVICE_BINDING, variables: { input: { customerId: 'c1', deviceFingerPrint: 'fp', mobileNumber: MOBILE, activated: true, ...input } } });
const link = (input: Record<string, unknown>) => ({
  query: LINK_UPI_ACCOUNT,
  variables: { input: { customerId: 'c1', vpa: 'ab@psp', bankCode: '11111', bankName: 'ABCD', accountNumber: ACCOUNT, mpinSet: true, mpinLength: 6, otpLength: 6, atmPinLength: 6, isPrimary: true, isDefault: true, ...input } },
});

const cases: Array<{ name: string; field: string; query: string; variables: Record<string, unknown> }> = [
  { name: 'empty customerId', field: 'input.customerId', ...binding({ customerId: '' }) },
  { name: 'customerId with a space', field: 'input.customerId', ...binding({ customerId: 'a b' }) },
  { name: '257-character customerId', field: 'input.customerId', ...binding({ customerId: 'c'.repeat(257) }) },
  { name: 'mobile with 10 digits', field: 'input.mobileNumber', ...binding({ mobileNumber: '9876543210' }) },
  { name: 'mobile with letters', field: 'input.mobileNumber', ...binding({ mobileNumber: '91987654321x' }) },
  { name: 'mobile of another country', field: 'input.mobileNumber', ...binding({ mobileNumber: '449876543210' }) },
  { name: 'empty fingerprint', field: 'input.deviceFingerPrint', ...binding({ deviceFingerPrint: '' }) },
  { name: 'fingerprint with a newline', field: 'input.deviceFingerPrint', ...binding({ deviceFingerPrint: 'a\nb' }) },
  { name: 'activated as a string', field: 'input.activated', ...binding({ activated: 'yes' }) },
  { name: 'VPA without a handle', field: 'input.vpa', ...link({ vpa: 'abc' }) },
  { name: 'VPA with a space', field: 'input.vpa', ...link({ vpa: 'a b@psp' }) },
  { name: 'account number with letters', field: 'input.accountNumber', ...link({ accountNumber: '5010020389X' }) },
  { name: 'account number too short', field: 'input.accountNumber', ...link({ accountNumber: '12345' }) },
  { name: 'account number too long', field: 'input.accountNumber', ...link({ accountNumber: '1'.repeat(21) }) },
  { name: 'bank code with letters', field: 'input.bankCode', ...link({ bankCode: 'AB123' }) },
  { name: 'blank bank name', field: 'input.bankName', ...link({ bankName: '  ' }) },
  { name: 'holder name with a bidi override', field: 'input.name', ...link({ name: 'abc\u202edef' }) },
  { name: 'malformed IFSC', field: 'input.ifsc', ...link({ ifsc: 'HDFC1234567' }) },
  { name: 'mpinLength 0', field: 'input.mpinLength', ...link({ mpinLength: 0 }) },
  { name: 'otpLength 99', field: 'input.otpLength', ...link({ otpLength: 99 }) },
  { name: 'over-long branch name', field: 'input.branchName', ...link({ branchName: 'b'.repeat(101) }) },
  { name: 'revoke an unknown binding', field: 'input.deviceFingerPrint', query: REVOKE_UPI_DEVICE_BINDING, variables: { input: { customerId: 'c1', deviceFingerPrint: 'never' } } },
  { name: 'unlink an unknown VPA', field: 'input.vpa', query: UNLINK_UPI_ACCOUNT, variables: { input: { customerId: 'c1', vpa: 'never@psp' } } },
  { name: 'upiCustomer with a bad customerId', field: 'customerId', query: UPI_CUSTOMER, variables: { customerId: 'a/b' } },
  { name: 'clientAuthToken for a bad customerId', field: 'input.customerId', query: CREATE_CLIENT_AUTH_TOKEN, variables: { input: { customerId: 'x y' } } },
];

let env: IntegrationEnv;

beforeAll(async () => {
  env = await startIntegrationEnv();
});

afterAll(async () => {
  await env?.close();
});

describe('UPI customer inputs: bad-input corpus', () => {
  it.each(cases.map((c) => [c.name, c] as const))('%s → BAD_USER_INPUT naming the field', async (_name, c) => {
    const answer = await env.gql(c.query, c.variables, authHeaders(env.merchantA.apiKey));
    expect(answer.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: c.field });
    expect(answer.raw).not.toContain(ACCOUNT);
    expect(answer.raw).not.toContain(MOBILE);
  });

  it('wrote nothing', async () => {
    const counts = await Promise.all([env.prisma.upiCustomer.count(), env.prisma.upiDeviceBinding.count(), env.prisma.upiLinkedAccount.count(), env.prisma.clientAuthToken.count()]);
    expect(counts).toEqual([0, 0, 0, 0]);
  });
});
