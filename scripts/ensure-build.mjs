// Runs `next build` when there is no build or any source changed since the last one (a hash of the
// paths, sizes and modification times of app/, components/, lib/, generated/ and the config files).
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

function sourceHash() {
  const h = createHash('sha256');
  const walk = (dir) => {
    for (const name of readdirSync(dir).sort()) {
      const p = join(dir, name);
      const st = statSync(p);
      if (st.isDirectory()) walk(p);
      else h.update(`${p}:${st.size}:${st.mtimeMs}\n`);
    }
  };
  for (const d of ['app', 'components', 'lib', 'generated']) if (existsSync(d)) walk(d);
  for (const f of ['next.config.js', 'package-lock.json', 'proxy.ts', 'instrumentation.ts']) if (existsSync(f)) h.update(`${f}:${statSync(f).mtimeMs}\n`);
  return h.digest('hex');
}

const stamp = join('.next', 'factdesk-source-hash');
const hash = sourceHash();
if (!existsSync(join('.next', 'BUILD_ID')) || !existsSync(stamp) || readFileSync(stamp, 'utf8') !== hash) {
  console.log('Building the app (about 30 s)...');
  execFileSync(process.execPath, ['node_modules/next/dist/bin/next', 'build'], { stdio: 'inherit', env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' } });
  writeFileSync(stamp, hash);
}
