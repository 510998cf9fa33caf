// The one-time set-up link `npm start` prints while the install has no account (issue 8, finding 3):
// a fresh install is not claimable by whoever reaches it first on the network. The token is
// FACTDESK_SETUP_TOKEN when set (tests, or several instances behind one load balancer), otherwise
// random for this start; the server receives it in its environment (lib/auth/setup-token.ts).
import { randomBytes } from 'node:crypto';
import Database from 'better-sqlite3';
import pg from 'pg';

async function hasAccounts(url) {
  if (/^postgres(ql)?:/.test(url)) {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      return (await client.query('select exists (select 1 from "User") as any')).rows[0].any;
    } finally {
      await client.end();
    }
  }
  const db = new Database(url.replace(/^file:/, ''), { readonly: true });
  try {
    return Boolean(db.prepare('select 1 from "User" limit 1').get());
  } finally {
    db.close();
  }
}

/** Sets env.FACTDESK_SETUP_TOKEN and prints the link when set-up is still open. */
export async function prepareSetupLink(env) {
  if (env.FACTDESK_SETUP_TOKEN && env.FACTDESK_SETUP_TOKEN.length < 16) {
    console.error('FACTDESK_SETUP_TOKEN must be at least 16 characters (or leave it unset for a random one).');
    process.exit(1);
  }
  env.FACTDESK_SETUP_TOKEN ||= randomBytes(24).toString('base64url');
  if (await hasAccounts(env.DATABASE_URL)) return;
  console.log(`\nThis install has no admin yet. Create it with this one-time link (valid until the admin exists;\na new one is printed at every start):\n\n  ${env.NEXTAUTH_URL}/setup?token=${encodeURIComponent(env.FACTDESK_SETUP_TOKEN)}\n`);
}
