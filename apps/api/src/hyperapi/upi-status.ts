/** A device binding as held for a customer. */
export interface DeviceBindingState {
  readonly deviceFingerPrint: string;
  readonly maskedMobileNumber: string;
  readonly boundAt: Date;
  readonly activatedAt: Date | null;
  readonly revokedAt: Date | null;
}

/** A bank account linked to a VPA. */
export interface LinkedAccountState {
  readonly vpa: string;
  readonly isDefault: boolean;
  readonly referenceId: string;
  readonly bankCode: string;
  readonly bankName: string;
  readonly maskedAccountNumber: string;
  readonly mpinSet: boolean;
  readonly mpinLength: number;
  readonly otpLength: number;
  readonly atmPinLength: number;
  readonly isPrimary: boolean;
  readonly type: string | null;
  readonly branchName: string | null;
  readonly ifsc: string | null;
  readonly name: string | null;
}

/** Everything held for one (merchant, customer). */
export interface UpiCustomerState {
  readonly bindings: readonly DeviceBindingState[];
  readonly accounts: readonly LinkedAccountState[];
}

/**
 * Onboarding status the server can derive (spec §10.3). `NOPERMISSION` exists in the seed's enum but is
 * a device fact (OS permissions) the server never sees, so it is never derived here.
 */
export type DerivedUpiStatus = 'FRESH' | 'BOUND' | 'LINKED';

/** What the server can honestly say about a customer's onboarding. */
export interface UpiOnboarding {
  readonly status: DerivedUpiStatus;
  /** The customer has an active (not revoked) binding; the envelope carries no device id, so not "this handset". */
  readonly isDeviceBound: boolean;
  /** The customer has an active binding that was activated. */
  readonly isDeviceActivated: boolean;
  readonly activeBindings: readonly DeviceBindingState[];
  /** Only when LINKED: the linked accounts, default first. */
  readonly accounts: readonly LinkedAccountState[];
}

/** Derives the status: no active binding → FRESH; active binding, no VPA → BOUND; else LINKED. */
export function deriveOnboarding(state: UpiCustomerState): UpiOnboarding {
  const activeBindings = state.bindings.filter((binding) => binding.revokedAt === null);
  const isDeviceBound = activeBindings.length > 0;
  const isDeviceActivated = activeBindings.some((binding) => binding.activatedAt !== null);
  const status: DerivedUpiStatus = !isDeviceBound ? 'FRESH' : state.accounts.length === 0 ? 'BOUND' : 'LINKED';
  const accounts = status === 'LINKED' ? [...state.accounts].sort((a, b) => Number(b.isDefault) - Number(a.isDefault) || a.vpa.localeCompare(b.vpa)) : [];
  return { status, isDeviceBound, isDeviceActivated, activeBindings, accounts };
}
