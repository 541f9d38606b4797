import { defineConfig } from 'prisma/config';

// `prisma generate` needs no database; DATABASE_URL may be unset then (an empty string is fine).
export default defineConfig({
  schema: 'prisma/schema.prisma',
  migrations: { path: 'prisma/migrations' },
  datasource: { url: process.env['DATABASE_URL'] ?? '' },
});
