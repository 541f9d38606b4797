import { createHash } from 'node:crypto';
import type { Secret } from '@prism-sessions/masking';
import { Agent } from 'undici';

/** A merchant identity as the TLS layer needs it; both stay {@link Secret} until the agent is built. */
export interface MerchantIdentity {
  readonly certificatePem: Secret<string>;
  readonly privateKeyPem: Secret<string>;
}

/** How every agent connects: Apple's CA (or the simulator's) and the call's time bound. */
export interface AgentSettings {
  /** Trusted CA for Apple's server certificate; Node's bundled roots when absent. */
  readonly caPem?: string;
  readonly timeoutMs: number;
}

/** Agents kept at most (one per merchant identity in use); the least recently used one is closed beyond. */
export const MAX_CACHED_AGENTS = 32;

/**
 * An identity's cache key: SHA-256 over the certificate and the key, so a renewed certificate or
 * a replaced key gets a fresh agent. A digest, not the PEM, is kept as the key (and it is never logged).
 */
export function identityFingerprint(identity: MerchantIdentity): string {
  return createHash('sha256').update(identity.certificatePem.peek()).update('\0').update(identity.privateKeyPem.peek()).digest('hex');
}

/**
 * One undici `Agent` per merchant identity (mutual TLS: the identity is the client certificate), so
 * TLS contexts and sessions are reused across calls of the same connector account.
 */
export class ApplePayAgentCache {
  readonly #agents = new Map<string, Agent>();

  constructor(
    private readonly settings: AgentSettings,
    private readonly maxAgents = MAX_CACHED_AGENTS,
  ) {}

  /** The agent presenting `identity` as client certificate, created on first use. */
  agentFor(identity: MerchantIdentity): Agent {
    const key = identityFingerprint(identity);
    const cached = this.#agents.get(key);
    if (cached) {
      // Re-insert: Map order is the recency order.
      this.#agents.delete(key);
      this.#agents.set(key, cached);
      return cached;
    }
    const agent = new Agent({
      connect: {
        cert: identity.certificatePem.expose(),
        key: identity.privateKeyPem.expose(),
        ...(this.settings.caPem === undefined ? {} : { ca: this.settings.caPem }),
        timeout: this.settings.timeoutMs,
      },
      headersTimeout: this.settings.timeoutMs,
      bodyTimeout: this.settings.timeoutMs,
    });
    this.#agents.set(key, agent);
    this.#evict();
    return agent;
  }

  /** Agents currently cached. */
  get size(): number {
    return this.#agents.size;
  }

  /** Closes every agent (in-flight calls finish first). */
  async closeAll(): Promise<void> {
    const agents = [...this.#agents.values()];
    this.#agents.clear();
    await Promise.all(agents.map((agent) => agent.close()));
  }

  #evict(): void {
    while (this.#agents.size > this.maxAgents) {
      const [oldestKey, oldest] = this.#agents.entries().next().value as [string, Agent];
      this.#agents.delete(oldestKey);
      void oldest.close().catch(() => undefined);
    }
  }
}
