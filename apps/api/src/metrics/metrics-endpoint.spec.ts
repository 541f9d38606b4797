import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import { Secret } from '@prism-sessions/masking';
import { createLogger } from '../logging/logger';
import { AppMetrics } from './app-metrics';
import { metricsHandler, type MetricsAccess } from './metrics-endpoint';

const TOKEN = 'metrics_token_CANARY_0123456789';
const servers: Server[] = [];

async function serve(access: MetricsAccess): Promise<string> {
  const metrics = new AppMetrics({ processMetrics: false });
  metrics.replay('nuvei');
  const logger = createLogger('info', new Writable({ write: (_chunk, _encoding, callback) => callback() }));
  const handler = metricsHandler(metrics, access, logger);
  const server = createServer(handler);
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/metrics`;
}

afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => new Promise((resolve) => server.close(resolve))));
});

describe('GET /metrics access', () => {
  it('is open in development and test without a token', async () => {
    const res = await fetch(await serve({ production: false }));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/plain; version=0.0.4');
    expect(await res.text()).toContain('payment_session_replays_total{connector="nuvei"} 1');
  });

  it('is off (404) in production without METRICS_TOKEN', async () => {
    const res = await fetch(await serve({ production: true }));
    expect(res.status).toBe(404);
    expect(await res.text()).not.toContain('payment_session');
  });

  it.each([true, false])('requires the bearer token whenever METRICS_TOKEN is set (production: %s)', async (production) => {
    const url = await serve({ production, token: new Secret(TOKEN) });
    for (const authorization of [undefined, 'Bearer wrong', TOKEN, `Bearer ${TOKEN}x`, `Basic ${TOKEN}`]) {
      const res = await fetch(url, { headers: authorization === undefined ? {} : { authorization } });
      const body = await res.text();
      expect([authorization, res.status]).toEqual([authorization, 401]);
      expect(res.headers.get('www-authenticate')).toBe('Bearer');
      expect(body).not.toContain(TOKEN);
    }
    const ok = await fetch(url, { headers: { authorization: `Bearer ${TOKEN}` } });
    const body = await ok.text();
    expect(ok.status).toBe(200);
    expect(body).toContain('payment_session_replays_total');
    expect(body).not.toContain(TOKEN);
  });

  it('answers only GET and HEAD', async () => {
    const res = await fetch(await serve({ production: false }), { method: 'POST' });
    expect(res.status).toBe(405);
  });
});
