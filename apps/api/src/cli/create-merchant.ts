import 'reflect-metadata';
import { parseArgs } from 'node:util';
import { createPrismaClient } from '../db/prisma';
import { MerchantRepository } from '../merchants/merchant.repository';

/** `npm run merchant:create -- --name <name>`: prints `{"merchantId","apiKey","publishableKey"}` as its last stdout line (`apiKey` is the secret key). The keys are shown only once. */
async function main(): Promise<void> {
  const { values } = parseArgs({ options: { name: { type: 'string' } } });
  const name = values.name?.trim();
  if (!name) throw new Error('Usage: npm run merchant:create -- --name <name>');
  const databaseUrl = process.env['DATABASE_URL'];
  if (!databaseUrl) throw new Error('DATABASE_URL is required');
  const prisma = createPrismaClient(databaseUrl);
  const { merchant, apiKey, publishableKey } = await new MerchantRepository(prisma).create(name);
  process.stderr.write(`Created merchant "${merchant.name}". Store the keys now: they are not kept and cannot be shown again.\n`);
  process.stdout.write(JSON.stringify({ merchantId: merchant.id, apiKey, publishableKey }) + '\n');
  await prisma.$disconnect();
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(`merchant:create failed: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
