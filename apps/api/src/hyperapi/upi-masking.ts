/** `XXXX` + the last 4 digits of an account number (the seed's `maskedAccountNumber` style). */
export function maskAccountNumber(accountNumber: string): string {
  return `XXXX${accountNumber.slice(-4)}`;
}

/** `+91XXXXXX` + the last 4 digits of an Indian mobile number given as `91` + 10 digits or `+91` + 10 digits. */
export function maskIndianMobile(mobileNumber: string): string {
  return `+91XXXXXX${mobileNumber.slice(-4)}`;
}
