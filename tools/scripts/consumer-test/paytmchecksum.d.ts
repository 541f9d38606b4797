// paytmchecksum ships no types: the part of its API the consumer checks use.
declare module 'paytmchecksum' {
  const PaytmChecksum: {
    generateSignature(params: string | Record<string, string>, key: string): Promise<string>;
    verifySignature(params: string | Record<string, string>, key: string, checksum: string): boolean;
  };
  export default PaytmChecksum;
}
