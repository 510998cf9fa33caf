// Operators' account command (docs/API.md). The password is read from standard input (one line),
// never from the command line, so it stays out of shell history and process lists.
//   printf '%s\n' "$PASSWORD" | npm run --silent user -- create --email e@x --role editor [--name "Jo"]
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { AppError } from '../lib/api/errors';
import { createUserAsOperator } from '../lib/db/users';

function flag(args: string[], name: string): string | undefined {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : undefined;
}

async function main(): Promise<void> {
  const [command, ...args] = process.argv.slice(2);
  if (command !== 'create') {
    console.error('usage: npm run --silent user -- create --email <e> --role admin|editor|reviewer [--name <n>]  (password on stdin)');
    process.exit(2);
  }
  const email = flag(args, 'email');
  const role = flag(args, 'role');
  if (!email || !role) {
    console.error('user: --email and --role are required.');
    process.exit(2);
  }
  const password = readFileSync(0, 'utf8').split(/\r?\n/)[0] ?? '';
  // Make sure the database exists and is migrated (idempotent).
  execFileSync(process.execPath, ['scripts/db-migrate.mjs'], { stdio: ['ignore', 'ignore', 'inherit'] });
  const user = await createUserAsOperator({ email, role, name: flag(args, 'name') ?? '', password });
  console.log(`Created ${user.role} account ${user.email}.`);
}

main()
  .then(() => process.exit(0))
  .catch((e: unknown) => {
    if (e instanceof AppError) {
      const fields = e.fields ? ` ${Object.entries(e.fields).map(([k, v]) => `${k}: ${v}`).join('; ')}` : '';
      console.error(`user: ${e.message}${fields}`);
    } else {
      console.error(`user: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}`);
    }
    process.exit(1);
  });
