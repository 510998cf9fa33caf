// The preload must replace, not trust, a client's own x-factdesk-peer-address: otherwise anyone
// could claim to be a trusted proxy. Runs it in front of a plain node:http server.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { resolve } from 'node:path';
import { test } from 'node:test';
import { pathToFileURL } from 'node:url';

test('peer-address.mjs stamps the socket address over whatever the client sent', async () => {
  const server = spawn(process.execPath, ['--import', pathToFileURL(resolve('scripts/peer-address.mjs')).href, '-e', `
    require('node:http').createServer((req, res) => res.end(JSON.stringify(req.headers['x-factdesk-peer-address'])))
      .listen(0, '127.0.0.1', function () { console.log(this.address().port); });
  `], { stdio: ['ignore', 'pipe', 'inherit'] });
  try {
    const [line] = (await once(server.stdout!, 'data')) as [Buffer];
    const port = Number(line.toString().trim());
    const forged = await fetch(`http://127.0.0.1:${port}/`, { headers: { 'x-factdesk-peer-address': '10.0.0.5' } });
    assert.equal(await forged.json(), '127.0.0.1');
    const plain = await fetch(`http://127.0.0.1:${port}/`);
    assert.equal(await plain.json(), '127.0.0.1');
  } finally {
    server.kill();
  }
});
