// Runs one SQL statement on a PostgreSQL server (used by the test runner to create and drop its
// database): node scripts/pg-admin.mjs <url> "<sql>"
import pg from 'pg';

const [url, sql] = process.argv.slice(2);
const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000 });
try {
  await client.connect();
  await client.query(sql);
} catch (e) {
  console.error(`PostgreSQL: ${e.message}`);
  process.exitCode = 1;
} finally {
  await client.end().catch(() => undefined);
}
