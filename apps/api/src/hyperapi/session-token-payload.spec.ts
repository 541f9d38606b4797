import { sessionTokenPayload } from './session-token-payload';
import { deriveOnboarding, type DeviceBindingState, type LinkedAccountState } from './upi-status';
import { maskAccountNumber, maskIndianMobile } from './upi-masking';

const at = new Date('2026-12-05T04:00:00.000Z');
const binding = (overrides: Partial<DeviceBindingState> = {}): DeviceBindingState => ({ deviceFingerPrint: 'fp-1', maskedMobileNumber: '+91XXXXXX3210', boundAt: at, activatedAt: at, revokedAt: null, ...overrides });
const account = (overrides: Partial<LinkedAccountState> = {}): LinkedAccountState => ({
  vpa: 'abc@xyz', isDefault: true, referenceId: 'ref-1', bankCode: '11111', bankName: 'ABCD', maskedAccountNumber: 'XXXX3891', mpinSet: true, mpinLength: 6,
  otpLength: 6, atmPinLength: 6, isPrimary: true, type: null, branchName: null, ifsc: null, name: null, ...overrides,
});
const context = { action: 'getSessionToken', prefix: 'XYZ', expiresAt: new Date('2026-12-05T04:20:53.318Z') };

describe('deriveOnboarding', () => {
  it('FRESH without an active binding (revoked ones do not count), even with accounts held', () => {
    expect(deriveOnboarding({ bindings: [], accounts: [] })).toMatchObject({ status: 'FRESH', isDeviceBound: false, isDeviceActivated: false });
    expect(deriveOnboarding({ bindings: [binding({ revokedAt: at })], accounts: [account()] })).toMatchObject({ status: 'FRESH', isDeviceBound: false, accounts: [] });
  });

  it('BOUND with an active binding and no VPA; activation is its own flag', () => {
    expect(deriveOnboarding({ bindings: [binding({ activatedAt: null })], accounts: [] })).toMatchObject({ status: 'BOUND', isDeviceBound: true, isDeviceActivated: false });
  });

  it('LINKED with an active binding and a VPA, default account first', () => {
    const onboarding = deriveOnboarding({ bindings: [binding()], accounts: [account({ vpa: 'a@x', isDefault: false }), account({ vpa: 'b@x', isDefault: true })] });
    expect(onboarding.status).toBe('LINKED');
    expect(onboarding.accounts.map((a) => a.vpa)).toEqual(['b@x', 'a@x']);
  });
});

describe('sessionTokenPayload', () => {
  it('renders the seed sample shape for LINKED: every leaf a string, one account object per VPA', () => {
    const payload = sessionTokenPayload(deriveOnboarding({ bindings: [binding()], accounts: [account()] }), context);
    expect(payload).toEqual({
      action: 'getSessionToken',
      status: 'LINKED',
      isDeviceBound: 'true',
      isDeviceActivated: 'true',
      vpaAccounts: [
        {
          account: { bankCode: '11111', bankName: 'ABCD', maskedAccountNumber: 'XXXX3891', mpinLength: '6', mpinSet: 'true', referenceId: 'ref-1', isPrimary: 'true', otpLength: '6', atmPinLength: '6' },
          vpa: 'abc@xyz',
          isDefault: 'true',
        },
      ],
      prefix: 'XYZ',
      customerMobileNumber: '+91XXXXXX3210',
      deviceFingerPrint: 'fp-1',
      expiryTimestamp: '2026-12-05T04:20:53.318Z',
    });
    const leaves = JSON.stringify(payload).match(/:(true|false|\d+)[,}]/g);
    expect(leaves).toBeNull();
  });

  it('FRESH: no vpaAccounts, mobile or fingerprint; otherInfo echoes udfParameters', () => {
    expect(sessionTokenPayload(deriveOnboarding({ bindings: [], accounts: [] }), { ...context, udfParameters: '{"k":"v"}' })).toEqual({
      action: 'getSessionToken', status: 'FRESH', isDeviceBound: 'false', isDeviceActivated: 'false', prefix: 'XYZ', expiryTimestamp: '2026-12-05T04:20:53.318Z', otherInfo: '{"k":"v"}',
    });
  });

  it('omits deviceFingerPrint when two bindings are active', () => {
    const payload = sessionTokenPayload(deriveOnboarding({ bindings: [binding(), binding({ deviceFingerPrint: 'fp-2' })], accounts: [] }), context);
    expect(payload).not.toHaveProperty('deviceFingerPrint');
    expect(payload['customerMobileNumber']).toBe('+91XXXXXX3210');
  });
});

describe('masking', () => {
  it('keeps only the last 4 digits', () => {
    expect(maskAccountNumber('50100203891')).toBe('XXXX3891');
    expect(maskIndianMobile('919876543210')).toBe('+91XXXXXX3210');
    expect(maskIndianMobile('+919876543210')).toBe('+91XXXXXX3210');
  });
});
