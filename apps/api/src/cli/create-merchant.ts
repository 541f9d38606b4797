import 'reflect-metadata';
import { parseArgs } from 'node:util';
import { createPrismaClient } from '../db/prisma';
import { MerchantRepository } from '../merchants/merchant.repository';

/** `npm run merchant:create -- --name <name>`: prints `{"merchantId","apiKey"}` as its last stdout line. The key is shown only once. */
async function main(): Promise<void> {
  const { values } = parseArgs({ options: { name: { type: 'string' } } });
  const name = values.name?.trim();
  if (!name) throw new Error('Usage: npm run merchant:create -- --name <name>');
  const databaseUrl = process.env['DATABASE_URL'];
  if (!databaseUrl) throw new Error('DATABASE_URL is required');
  const prisma = createPrismaClient(databaseUrl);
  const { merchant, apiKey } = await new MerchantRepository(prisma).create(name);
  process.stderr.write(`Created merchant "${merchant.name}". Store the API key now: it is not kept and cannot be shown again.\n`);
  process.stdout.write(JSON.stringify({ merchantId: merchant.id, apiKey }) + '\n');
  await prisma.$disconnect();
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(`merchant:create failed: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
