/** `pnpm --filter @parley/db migrate`: applies the committed migrations to the configured database. */
import { createDb } from "../client";
import { migrateDb } from "../migrate";

const handle = createDb({ url: process.env.DATABASE_URL || undefined });
const started = performance.now();
await migrateDb(handle);
console.log(`Migrations applied to ${handle.location} in ${Math.round(performance.now() - started)} ms.`);
await handle.close();
