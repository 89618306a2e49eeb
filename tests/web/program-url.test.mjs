// Opening a program from the URL of a raw .py file (web/src/share/program-url.ts), against a
// real local HTTP server: the text arrives; every failure names the URL and what went wrong.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { loadTs, closeTs } from './load-ts.mjs';

let programUrl;
let server;
let base;

before(async () => {
  programUrl = await loadTs('/src/share/program-url.ts');
  server = createServer((request, response) => {
    const path = new URL(request.url, 'http://x').pathname;
    if (path === '/lesson.py') {
      response.writeHead(200, { 'content-type': 'text/x-python', 'access-control-allow-origin': '*' });
      response.end('\uFEFFx = [1, 2]\nprint("héllo", x)\n');
    } else if (path === '/big.py') {
      response.writeHead(200, { 'content-type': 'text/plain' });
      const chunk = '# ' + 'x'.repeat(1000) + '\n';
      for (let i = 0; i < 300; i++) response.write(chunk);
      response.end();
    } else if (path === '/binary.py') {
      response.writeHead(200);
      response.end(Buffer.from([0xff, 0xfe, 0x00, 0x80]));
    } else {
      response.writeHead(404, 'Not Found');
      response.end('no');
    }
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${server.address().port}/`;
});

after(async () => {
  await closeTs();
  await new Promise((resolve) => server.close(resolve));
});

async function refusal(promise) {
  try {
    await promise;
  } catch (error) {
    assert.equal(error.name, 'ProgramUrlError', String(error));
    return error.message;
  }
  assert.fail('the URL was accepted');
}

test('a raw .py file becomes the program (byte order mark dropped)', async () => {
  assert.equal(await programUrl.fetchProgram(base + 'lesson.py'), 'x = [1, 2]\nprint("héllo", x)\n');
  assert.equal(await programUrl.fetchProgram('lesson.py', base), 'x = [1, 2]\nprint("héllo", x)\n');
});

test('failures say what went wrong and name the URL', async () => {
  assert.match(await refusal(programUrl.fetchProgram(base + 'missing.py')), /missing\.py answered 404 Not Found/);
  assert.match(await refusal(programUrl.fetchProgram(base + 'big.py')), /big\.py is larger than 200 kB/);
  assert.match(await refusal(programUrl.fetchProgram(base + 'binary.py')), /is not UTF-8 text/);
  assert.match(await refusal(programUrl.fetchProgram('javascript:alert(1)')), /Only http and https/);
  assert.match(await refusal(programUrl.fetchProgram('not a url')), /is not a URL/);
  assert.match(await refusal(programUrl.fetchProgram('http://127.0.0.1:9/none.py')), /could not be fetched/);
});
