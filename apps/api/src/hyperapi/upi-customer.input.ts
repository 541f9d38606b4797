import { InvalidInputError } from '../errors/app-errors';
import type { BindingReport, LinkReport } from './upi-customer.repository';
import type { LinkUpiAccountInput, RecordUpiDeviceBindingInput } from './upi-customer.types';
import { maskAccountNumber, maskIndianMobile } from './upi-masking';
import { CUSTOMER_ID } from './signed-claims';

const FINGERPRINT = /^[\x21-\x7e]{1,256}$/;
const MOBILE = /^\+?91\d{10}$/;
const VPA = /^[A-Za-z0-9._-]{2,256}@[A-Za-z][A-Za-z0-9]{1,63}$/;
const BANK_CODE = /^\d{3,11}$/;
const ACCOUNT_NUMBER = /^\d{6,20}$/;
const IFSC = /^[A-Z]{4}0[A-Z0-9]{6}$/;
/** Control characters and bidi overrides (as for API key names). */
const FORBIDDEN_TEXT_CHARS = /[\p{Cc}\u202a-\u202e\u2066-\u2069]/u;

function refuse(field: string, message: string): never {
  throw new InvalidInputError('INVALID_FIELD', field, `${field} ${message}`);
}

/** A customer reference (the same rule as the signed `customer_id`). */
export function validCustomerId(value: string, field = 'input.customerId'): string {
  if (!CUSTOMER_ID.test(value)) refuse(field, 'must be 1–256 of A–Z a–z 0–9 . _ - @ :');
  return value;
}

export function validFingerPrint(value: string, field = 'input.deviceFingerPrint'): string {
  if (!FINGERPRINT.test(value)) refuse(field, 'must be 1–256 printable ASCII characters');
  return value;
}

export function validVpa(value: string, field = 'input.vpa'): string {
  if (!VPA.test(value)) refuse(field, 'must be a VPA (handle@psp)');
  return value;
}

function text(value: string | null | undefined, field: string, max: number): string | null {
  if (value === null || value === undefined) return null;
  if (value.trim() === '' || value.length > max || FORBIDDEN_TEXT_CHARS.test(value)) refuse(field, `must be 1–${max} characters without control characters`);
  return value;
}

function length(value: number, field: string): number {
  if (!Number.isInteger(value) || value < 1 || value > 12) refuse(field, 'must be an integer from 1 to 12');
  return value;
}

/** Validates recordUpiDeviceBinding's input and masks the mobile number (the full number goes no further). */
export function bindingReportOf(input: RecordUpiDeviceBindingInput): BindingReport {
  validCustomerId(input.customerId);
  if (!MOBILE.test(input.mobileNumber)) refuse('input.mobileNumber', 'must be 91 followed by 10 digits (optionally with a leading +)');
  return { deviceFingerPrint: validFingerPrint(input.deviceFingerPrint), maskedMobileNumber: maskIndianMobile(input.mobileNumber), activated: input.activated };
}

/** Validates linkUpiAccount's input and masks the account number (the full number goes no further). */
export function linkReportOf(input: LinkUpiAccountInput): LinkReport {
  validCustomerId(input.customerId);
  if (!BANK_CODE.test(input.bankCode)) refuse('input.bankCode', 'must be 3–11 digits');
  if (!ACCOUNT_NUMBER.test(input.accountNumber)) refuse('input.accountNumber', 'must be 6–20 digits');
  if (input.ifsc !== null && input.ifsc !== undefined && !IFSC.test(input.ifsc)) refuse('input.ifsc', 'must be an IFSC (4 letters, 0, 6 letters or digits)');
  return {
    vpa: validVpa(input.vpa),
    bankCode: input.bankCode,
    bankName: text(input.bankName, 'input.bankName', 100) ?? refuse('input.bankName', 'is required'),
    maskedAccountNumber: maskAccountNumber(input.accountNumber),
    ifsc: input.ifsc ?? null,
    type: text(input.type, 'input.type', 32),
    branchName: text(input.branchName, 'input.branchName', 100),
    name: text(input.name, 'input.name', 100),
    mpinSet: input.mpinSet,
    mpinLength: length(input.mpinLength, 'input.mpinLength'),
    otpLength: length(input.otpLength, 'input.otpLength'),
    atmPinLength: length(input.atmPinLength, 'input.atmPinLength'),
    isPrimary: input.isPrimary,
    isDefault: input.isDefault,
  };
}
