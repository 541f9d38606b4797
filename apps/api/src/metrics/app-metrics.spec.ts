import { parsePromText, sumOf } from '../testing/prometheus-text';
import { AppMetrics } from './app-metrics';

const samplesOf = async (metrics: AppMetrics) => parsePromText((await metrics.exposition()).body);

describe('AppMetrics', () => {
  it('keeps each app on its own registry', async () => {
    const a = new AppMetrics({ processMetrics: false });
    const b = new AppMetrics({ processMetrics: false });
    a.replay('nuvei');
    expect(sumOf(await samplesOf(a), 'payment_session_replays_total')).toBe(1);
    expect(sumOf(await samplesOf(b), 'payment_session_replays_total')).toBe(0);
  });

  it('labels merchants only when opted in', async () => {
    const off = new AppMetrics({ processMetrics: false });
    const on = new AppMetrics({ processMetrics: false, merchantLabel: true });
    for (const metrics of [off, on]) {
      metrics.sessionCreated('paytm', 'ACTIVE', 'merchant-1');
      metrics.rateLimitRejected('merchant-1');
    }
    expect((await off.exposition()).body).not.toContain('merchant-1');
    expect(sumOf(await samplesOf(on), 'payment_sessions_created_total', { merchant_id: 'merchant-1', status: 'ACTIVE' })).toBe(1);
    expect(sumOf(await samplesOf(on), 'rate_limit_rejections_total', { merchant_id: 'merchant-1' })).toBe(1);
    expect(sumOf(await samplesOf(off), 'rate_limit_rejections_total')).toBe(1);
  });

  it('reads the pool at scrape time and classifies HTTP outcomes by status', async () => {
    const metrics = new AppMetrics({ processMetrics: false });
    const pool = { totalCount: 4, idleCount: 1, waitingCount: 2 };
    metrics.watchPool(pool);
    for (const status of [200, 400, 401, 503]) metrics.httpRequest('connectors', status);
    metrics.gatewayCall('nuvei', 'fault', 'GATEWAY_TIMEOUT', 0.6);
    const samples = await samplesOf(metrics);
    expect(sumOf(samples, 'db_pool_connections', { state: 'in_use' })).toBe(3);
    expect(sumOf(samples, 'db_pool_connections', { state: 'waiting' })).toBe(2);
    expect(sumOf(samples, 'http_requests_total', { outcome: 'client_error' })).toBe(2);
    expect(sumOf(samples, 'http_requests_total', { outcome: 'server_error' })).toBe(1);
    expect(sumOf(samples, 'gateway_calls_total', { connector: 'nuvei', outcome: 'fault', unified_code: 'GATEWAY_TIMEOUT' })).toBe(1);
    expect(sumOf(samples, 'gateway_call_duration_seconds_bucket', { connector: 'nuvei', le: '1' })).toBe(1);
    expect(sumOf(samples, 'gateway_call_duration_seconds_bucket', { connector: 'nuvei', le: '0.5' })).toBe(0);
  });
});
