// Issue 8, finding 3: what anonymous POST /api/setup costs a set-up install. Runs a closed loop of
// set-up requests, then of GET /api/health (the trivial baseline), each for the same time with the
// same concurrency, against a running server, and reads the server's CPU time from /proc.
//   node scripts/bench-setup.mjs http://localhost:3000 <server pid> [seconds=5] [concurrency=8]
import { readFileSync } from 'node:fs';

const [base, pidArg, secondsArg = '5', concArg = '8'] = process.argv.slice(2);
if (!base || !pidArg) {
  console.error('usage: node scripts/bench-setup.mjs <base url> <server pid> [seconds] [concurrency]');
  process.exit(2);
}
const pid = Number(pidArg);
const seconds = Number(secondsArg);
const concurrency = Number(concArg);
const TICK_MS = 1000 / 100; // USER_HZ is 100 on Linux

function cpuMs() {
  // Fields 14 and 15 of /proc/<pid>/stat: user and system time in clock ticks (after the comm field).
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) * TICK_MS;
}

async function loop(label, send) {
  const until = Date.now() + seconds * 1000;
  const statuses = {};
  let done = 0;
  const cpu0 = cpuMs();
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (Date.now() < until) {
        const res = await send();
        await res.arrayBuffer();
        statuses[res.status] = (statuses[res.status] ?? 0) + 1;
        done++;
      }
    }),
  );
  const elapsed = (performance.now() - t0) / 1000;
  const cpu = cpuMs() - cpu0;
  const row = { label, requests: done, perSecond: +(done / elapsed).toFixed(1), serverCpuMsPerRequest: +(cpu / done).toFixed(2), statuses };
  console.log(JSON.stringify(row));
  return row;
}

const body = JSON.stringify({ email: 'someone@example.com', password: 'lantern orbit velvet quarry', token: 'guess' });
const health = await loop('GET /api/health (baseline)', () => fetch(`${base}/api/health`));
const setup = await loop('POST /api/setup (set-up install)', () => fetch(`${base}/api/setup`, { method: 'POST', headers: { 'content-type': 'application/json' }, body }));
console.log(
  `set-up/health: throughput ${(setup.perSecond / health.perSecond).toFixed(2)}x, server CPU per request ${(setup.serverCpuMsPerRequest / health.serverCpuMsPerRequest).toFixed(2)}x`,
);
