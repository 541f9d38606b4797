import { createServer, type Server, type Socket } from 'node:net';
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
    const started = Date.now();
    try {
      await expect(prisma.merchant.findMany()).rejects.toThrow();
      expect(Date.now() - started).toBeLessThan(5_000);
    } finally {
      await prisma.$disconnect();
    }
  });

  it('rejects an empty URL', () => {
    expect(() => createPrismaClient('')).toThrow(/databaseUrl/);
  });
});
