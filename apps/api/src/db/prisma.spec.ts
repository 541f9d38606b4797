import { createServer, type Server, type Socket } from 'node:net';
import { createTestDatabase, type TestDatabase } from '@prism-sessions/platform-database';
import { createPrismaClient } from './prisma';

jest.setTimeout(60_000);

describe('createPrismaClient', () => {
  // A "database" that accepts TCP connections and never answers, like a hung or half-dead server.
  let server: Server;
  const sockets = new Set<Socket>();
  let port = 0;

  beforeAll(async () => {
    server = createServer((socket) => {
      sockets.add(socket);
      socket.on('close', () => sockets.delete(socket));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const address = server.address();
    port = typeof address === 'object' && address !== null ? address.port : 0;
  });

  afterAll(async () => {
    for (const socket of sockets) socket.destroy();
    await new Promise((resolve) => server.close(resolve));
  });

  it('fails fast instead of hanging when the database does not answer', async () => {
    const prisma = createPrismaClient(`postgresql://postgres@127.0.0.1:${port}/app`, { connectionTimeoutMs: 500 });
    const started = performance.now();
    try {
      await expect(prisma.merchant.findMany()).rejects.toThrow();
      expect(performance.now() - started).toBeLessThan(10_000); // 500 ms connect timeout; without it, this hangs
    } finally {
      await prisma.$disconnect();
    }
  });

  it('rejects an empty URL', () => {
    expect(() => createPrismaClient('')).toThrow(/databaseUrl/);
  });
});

describe('createPrismaClient on a real database', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase('api_prisma');
  });
  afterAll(() => database.drop());

  it('prepares each statement once per connection, and plans it for each execution', async () => {
    const prisma = createPrismaClient(database.databaseUrl, { poolMax: 1 });
    try {
      // Postgres would switch to a generic plan after 5 executions; ours stay custom.
      for (let i = 0; i < 8; i++) await prisma.$queryRaw`SELECT ${i}::int AS n`;
      const prepared = await prisma.$queryRaw<{ custom: bigint; generic: bigint }[]>`
        SELECT custom_plans AS custom, generic_plans AS generic FROM pg_prepared_statements WHERE statement LIKE 'SELECT $1::int AS n%'`;
      expect(prepared).toHaveLength(1);
      expect({ custom: Number(prepared[0]?.custom), generic: Number(prepared[0]?.generic) }).toEqual({ custom: 8, generic: 0 });
    } finally {
      await prisma.$disconnect();
    }
  });
});
