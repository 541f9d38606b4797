import { perWorkerConfig, workerCount } from './worker-count';

const DB = 'postgresql://db.internal/app';

describe('workerCount', () => {
  it('takes WEB_CONCURRENCY when it is set, in any mode', () => {
    expect(workerCount({ WEB_CONCURRENCY: 3, NODE_ENV: 'production', DATABASE_URL: DB }, 8)).toBe(3);
    expect(workerCount({ WEB_CONCURRENCY: 2, NODE_ENV: 'development', DATABASE_URL: DB }, 8)).toBe(2);
    expect(workerCount({ WEB_CONCURRENCY: 1, NODE_ENV: 'production', DATABASE_URL: DB }, 8)).toBe(1);
  });

  it('runs one worker per available core in production by default', () => {
    expect(workerCount({ WEB_CONCURRENCY: undefined, NODE_ENV: 'production', DATABASE_URL: DB }, 2)).toBe(2);
    expect(workerCount({ WEB_CONCURRENCY: undefined, NODE_ENV: 'production', DATABASE_URL: DB }, 16)).toBe(16);
    expect(workerCount({ WEB_CONCURRENCY: undefined, NODE_ENV: 'production', DATABASE_URL: DB }, 0)).toBe(1);
  });

  it('runs a single process in production without DATABASE_URL (the embedded Postgres belongs to one process)', () => {
    expect(workerCount({ WEB_CONCURRENCY: undefined, NODE_ENV: 'production', DATABASE_URL: undefined }, 8)).toBe(1);
  });

  it('runs a single process in development and test by default (embedded Postgres, development merchant)', () => {
    expect(workerCount({ WEB_CONCURRENCY: undefined, NODE_ENV: 'development', DATABASE_URL: DB }, 8)).toBe(1);
    expect(workerCount({ WEB_CONCURRENCY: undefined, NODE_ENV: 'test', DATABASE_URL: DB }, 8)).toBe(1);
  });
});

describe('perWorkerConfig', () => {
  const config = { RATE_LIMIT_PER_SECOND: 100, RATE_LIMIT_BURST: 200, LOG_LEVEL: 'info' };

  it('leaves a single process as configured', () => {
    expect(perWorkerConfig(config, 1)).toBe(config);
  });

  it("gives each worker its share of the per-merchant rate and burst, so the host keeps the configured limit", () => {
    expect(perWorkerConfig(config, 4)).toEqual({ RATE_LIMIT_PER_SECOND: 25, RATE_LIMIT_BURST: 50, LOG_LEVEL: 'info' });
    expect(perWorkerConfig(config, 3)).toEqual({ RATE_LIMIT_PER_SECOND: 100 / 3, RATE_LIMIT_BURST: 66, LOG_LEVEL: 'info' });
  });

  it('never gives a worker a burst below one request', () => {
    expect(perWorkerConfig({ RATE_LIMIT_PER_SECOND: 1, RATE_LIMIT_BURST: 1 }, 8)).toEqual({ RATE_LIMIT_PER_SECOND: 0.125, RATE_LIMIT_BURST: 1 });
  });
});
