import type { LinkedAccountState, UpiOnboarding } from './upi-status';

/** The account object of a `vpaAccounts` entry (decision 1: a single `account`), every leaf a string. */
export function accountPayload(account: LinkedAccountState): Record<string, string> {
  return {
    bankCode: account.bankCode,
    bankName: account.bankName,
    maskedAccountNumber: account.maskedAccountNumber,
    mpinLength: String(account.mpinLength),
    mpinSet: String(account.mpinSet),
    referenceId: account.referenceId,
    isPrimary: String(account.isPrimary),
    otpLength: String(account.otpLength),
    atmPinLength: String(account.atmPinLength),
    ...(account.type !== null ? { type: account.type } : {}),
    ...(account.branchName !== null ? { branchName: account.branchName } : {}),
    ...(account.ifsc !== null ? { ifsc: account.ifsc } : {}),
    ...(account.name !== null ? { name: account.name } : {}),
  };
}

/** What goes into a `upiGetSessionToken` answer besides the held state. */
export interface SessionTokenContext {
  /** Echoed as sent (`upiGetSessionToken` or `getSessionToken`). */
  readonly action: string;
  readonly prefix: string;
  readonly expiresAt: Date;
  /** `udfParameters` of the request, echoed as `otherInfo`. */
  readonly udfParameters?: string;
}

/**
 * The seed's response `payload` (S1), every leaf a string: status and device flags derived from the
 * held state, `vpaAccounts` only when LINKED, the masked mobile of the active binding(s),
 * `deviceFingerPrint` only when exactly one binding is active, `expiryTimestamp` ISO-8601 UTC with ms.
 */
export function sessionTokenPayload(onboarding: UpiOnboarding, context: SessionTokenContext): Record<string, unknown> {
  const mobiles = [...new Set(onboarding.activeBindings.map((binding) => binding.maskedMobileNumber))];
  const only = onboarding.activeBindings.length === 1 ? onboarding.activeBindings[0] : undefined;
  return {
    action: context.action,
    status: onboarding.status,
    isDeviceBound: String(onboarding.isDeviceBound),
    isDeviceActivated: String(onboarding.isDeviceActivated),
    ...(onboarding.status === 'LINKED' ? { vpaAccounts: onboarding.accounts.map((account) => ({ account: accountPayload(account), vpa: account.vpa, isDefault: String(account.isDefault) })) } : {}),
    prefix: context.prefix,
    ...(mobiles.length === 1 ? { customerMobileNumber: mobiles[0] } : {}),
    ...(only ? { deviceFingerPrint: only.deviceFingerPrint } : {}),
    expiryTimestamp: context.expiresAt.toISOString(),
    ...(context.udfParameters !== undefined ? { otherInfo: context.udfParameters } : {}),
  };
}
