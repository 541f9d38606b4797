#!/usr/bin/env node
'use strict';
/**
 * Issue 19, lever 2: CPU time per gateway call of the two undici client APIs the transport could use,
 * measured with process.cpuUsage() (not wall clock, so it holds on a busy machine): `fetch` (the old
 * FetchHttpTransport path: WHATWG Request/Response/Headers, body cloning) against `Agent.request` (the
 * GatewayHttpTransport path), same Agent options, same headers/body handling as the two transports,
 * 16 calls in flight, against a keep-alive server in a child process (its CPU is not counted).
 * Six interleaved rounds of 4000 calls after an 800-call warm-up; prints µs per call. Run: node bench/micro/transport-cpu.js
 */
const { fork } = require('node:child_process');
const { Agent, fetch } = require('undici');
if (process.argv[2] === 'server') {
  const http = require('node:http');
  const body = JSON.stringify({ sessionToken: 'x'.repeat(36), internalRequestId: 1, status: 'SUCCESS', errCode: 0, reason: '', merchantId: 'm', merchantSiteId: 's', version: '1.0', clientRequestId: 'c' });
  const srv = http.createServer((req, res) => { req.resume(); req.on('end', () => { res.writeHead(200, { 'content-type': 'application/json' }); res.end(body); }); });
  srv.keepAliveTimeout = 65000;
  srv.listen(0, '127.0.0.1', () => process.send(srv.address().port));
  return;
}
const child = fork(__filename, ['server']);
child.once('message', async (port) => {
  const url = `http://127.0.0.1:${port}/ppp/api/v1/getSessionToken.do`;
  const reqBody = JSON.stringify({ merchantId: 'demo', merchantSiteId: 'site', clientRequestId: 'abc', timeStamp: '20261205093000', checksum: 'f'.repeat(64) });
  const headers = { 'content-type': 'application/json', via: 'HyperSwitch' };
  const opts = { connect: { timeout: 2000 }, headersTimeout: 11000, bodyTimeout: 11000, keepAliveTimeout: 10000 };
  const viaFetch = async (agent) => {
    const signal = AbortSignal.timeout(10000);
    const r = await fetch(url, { method: 'POST', headers, body: reqBody, redirect: 'manual', signal, dispatcher: agent });
    const text = await r.text(); const h = {}; r.headers.forEach((v, k) => { h[k] = v; }); return [r.status, h, text];
  };
  const viaRequest = async (agent) => {
    const signal = AbortSignal.timeout(10000);
    const u = new URL(url);
    const r = await agent.request({ origin: u.origin, path: `${u.pathname}${u.search}`, method: 'POST', headers, body: reqBody, signal });
    const text = await r.body.text(); const h = {}; for (const k of Object.keys(r.headers)) { const v = r.headers[k]; if (v !== undefined) h[k] = Array.isArray(v) ? v.join(', ') : v; } return [r.statusCode, h, text];
  };
  const CONC = 16, CALLS = 4000;
  const round = async (fn) => {
    const agent = new Agent(opts);
    const run = async (n) => { const workers = Array.from({ length: CONC }, async () => { for (let i = 0; i < n / CONC; i++) await fn(agent); }); await Promise.all(workers); };
    await run(800); // warm-up
    const c0 = process.cpuUsage();
    await run(CALLS);
    const c = process.cpuUsage(c0);
    await agent.close();
    return (c.user + c.system) / CALLS; // µs per call
  };
  const res = { fetch: [], request: [] };
  for (let i = 0; i < 6; i++) {
    for (const [name, fn] of i % 2 ? [['request', viaRequest], ['fetch', viaFetch]] : [['fetch', viaFetch], ['request', viaRequest]]) res[name].push(await round(fn));
  }
  const med = (a) => [...a].sort((x, y) => x - y)[Math.floor(a.length / 2)];
  console.log(JSON.stringify({ concurrency: CONC, callsPerRound: CALLS, usPerCall: { fetch: res.fetch.map(Math.round), request: res.request.map(Math.round) }, median: { fetch: Math.round(med(res.fetch)), request: Math.round(med(res.request)) } }));
  child.kill();
});
