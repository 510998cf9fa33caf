// Operators' account command (docs/API.md). Passwords are read from standard input (one line),
// never from the command line, so they stay out of shell history and process lists.
//   printf '%s\n' "$PASSWORD" | npm run --silent user -- create --email e@x --role editor [--name "Jo"]
//   npm run --silent user -- deactivate --email e@x       (ends all of the account's sessions)
//   npm run --silent user -- reactivate --email e@x
//   npm run --silent user -- set-role --email e@x --role reviewer
//   printf '%s\n' "$PASSWORD" | npm run --silent user -- set-password --email e@x
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { AppError } from '../lib/api/errors';
import { createUserAsOperator, operator, type UserDto } from '../lib/db/users';

const USAGE = `usage: npm run --silent user -- <command> --email <e> [options]
  create --email <e> --role admin|editor|reviewer [--name <n>]   (password on stdin)
  set-password --email <e>                                       (password on stdin)
  set-role --email <e> --role admin|editor|reviewer
  deactivate --email <e>
  reactivate --email <e>
Changing the password or role, or deactivating, signs the account out everywhere.`;

function flag(args: string[], name: string): string | undefined {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : undefined;
}

const stdinPassword = () => readFileSync(0, 'utf8').split(/\r?\n/)[0] ?? '';

const COMMANDS: Record<string, { needsRole?: boolean; run: (email: string, args: string[]) => Promise<UserDto>; done: (u: UserDto) => string }> = {
  create: {
    needsRole: true,
    run: (email, args) => createUserAsOperator({ email, role: flag(args, 'role'), name: flag(args, 'name') ?? '', password: stdinPassword() }),
    done: (u) => `Created ${u.role} account ${u.email}.`,
  },
  'set-password': { run: (email) => operator.setPassword(email, stdinPassword()), done: (u) => `Changed the password of ${u.email}; its sessions have ended.` },
  'set-role': { needsRole: true, run: (email, args) => operator.setRole(email, flag(args, 'role')), done: (u) => `${u.email} is now ${u.role}; its sessions have ended.` },
  deactivate: { run: (email) => operator.deactivate(email), done: (u) => `Deactivated ${u.email}; its sessions have ended.` },
  reactivate: { run: (email) => operator.reactivate(email), done: (u) => `Reactivated ${u.email}.` },
};

async function main(): Promise<void> {
  const [command = '', ...args] = process.argv.slice(2);
  const spec = COMMANDS[command];
  if (!spec) {
    console.error(USAGE);
    process.exit(2);
  }
  const email = flag(args, 'email');
  if (!email || (spec.needsRole && !flag(args, 'role'))) {
    console.error(`user: --email${spec.needsRole ? ' and --role are' : ' is'} required.`);
    process.exit(2);
  }
  // Make sure the database exists and is migrated (idempotent).
  execFileSync(process.execPath, ['scripts/db-migrate.mjs'], { stdio: ['ignore', 'ignore', 'inherit'] });
  console.log(spec.done(await spec.run(email, args)));
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
