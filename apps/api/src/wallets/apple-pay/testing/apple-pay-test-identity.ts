// Placeholder: replaced by the applepay branch at merge.
export function createApplePayTestIdentity(options?: { notBefore?: Date; notAfter?: Date }): { certificatePem: string; privateKeyPem: string } {
  void options;
  throw new Error('createApplePayTestIdentity comes with the applepay branch');
}
