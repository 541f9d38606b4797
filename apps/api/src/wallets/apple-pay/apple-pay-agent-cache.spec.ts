import { Secret } from '@prism-sessions/masking';
import { ApplePayAgentCache, identityFingerprint } from './apple-pay-agent-cache';

// The cache never parses the PEMs (the TLS layer does, at connect time): plain strings suffice here.
const identity = (certificate: string, key: string) => ({ certificatePem: new Secret(certificate), privateKeyPem: new Secret(key) });

describe('ApplePayAgentCache', () => {
  let cache: ApplePayAgentCache;
  afterEach(() => cache.closeAll());

  it('keeps one agent per identity', () => {
    cache = new ApplePayAgentCache({ timeoutMs: 1000 });
    const first = cache.agentFor(identity('cert-a', 'key-a'));
    expect(cache.agentFor(identity('cert-a', 'key-a'))).toBe(first);
    expect(cache.agentFor(identity('cert-a', 'key-b'))).not.toBe(first);
    expect(cache.agentFor(identity('cert-b', 'key-a'))).not.toBe(first);
    expect(cache.size).toBe(3);
  });

  it('closes the least recently used agent beyond its size', async () => {
    cache = new ApplePayAgentCache({ timeoutMs: 1000 }, 2);
    const a = cache.agentFor(identity('a', 'k'));
    const b = cache.agentFor(identity('b', 'k'));
    cache.agentFor(identity('a', 'k')); // a is now the most recent
    cache.agentFor(identity('c', 'k'));
    expect(cache.size).toBe(2);
    expect(cache.agentFor(identity('a', 'k'))).toBe(a);
    await new Promise((resolve) => setImmediate(resolve));
    expect(b.closed).toBe(true);
  });

  it('keys by a SHA-256 digest, never by the PEM text', () => {
    const fingerprint = identityFingerprint(identity('-----BEGIN CERTIFICATE-----MIIB', '-----BEGIN PRIVATE KEY-----MIIE'));
    expect(fingerprint).toMatch(/^[0-9a-f]{64}$/);
    expect(identityFingerprint(identity('ab', 'c'))).not.toBe(identityFingerprint(identity('a', 'bc')));
  });
});
