// Typing of Paytm's official checksum package, used only by specs to cross-check our signatures.
declare module 'paytmchecksum' {
  const PaytmChecksum: {
    generateSignature(params: string | Record<string, string>, key: string): Promise<string>;
    verifySignature(params: string | Record<string, string>, key: string, checksum: string): boolean;
    calculateChecksum(params: string, key: string, salt: string): string;
  };
  export default PaytmChecksum;
}
