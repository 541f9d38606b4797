'use strict';
/** Child processes of the bench: started with a readiness line, stopped by PID only. */
const { spawn } = require('node:child_process');

const children = new Set();

/**
 * Spawns `node <args>` and resolves once a stdout line matches `ready` (with the match), or rejects
 * when the process exits first or `timeoutMs` passes. stderr lines are forwarded with a prefix.
 */
function startChild(name, args, { env, ready, timeoutMs = 60_000, cwd, onStderr } = {}) {
  const child = spawn(process.execPath, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
  const entry = { name, child, pid: child.pid, exited: null, stdout: [], stderr: [] };
  children.add(entry);
  const exited = new Promise((resolve) => {
    child.on('exit', (code, signal) => {
      entry.exited = { code, signal };
      children.delete(entry);
      resolve(entry.exited);
    });
  });
  entry.exitedPromise = exited;
  let stdoutBuffer = '';
  let stderrBuffer = '';
  const lineListeners = [];
  child.stdout.setEncoding('utf8');
  child.stderr.setEncoding('utf8');
  child.stdout.on('data', (chunk) => {
    stdoutBuffer += chunk;
    let index;
    while ((index = stdoutBuffer.indexOf('\n')) >= 0) {
      const line = stdoutBuffer.slice(0, index);
      stdoutBuffer = stdoutBuffer.slice(index + 1);
      entry.stdout.push(line);
      if (entry.stdout.length > 200) entry.stdout.shift();
      for (const listener of lineListeners) listener(line);
    }
  });
  child.stderr.on('data', (chunk) => {
    stderrBuffer += chunk;
    let index;
    while ((index = stderrBuffer.indexOf('\n')) >= 0) {
      const line = stderrBuffer.slice(0, index);
      stderrBuffer = stderrBuffer.slice(index + 1);
      entry.stderr.push(line);
      if (entry.stderr.length > 200) entry.stderr.shift();
      if (onStderr) onStderr(line);
    }
  });
  if (!ready) return Promise.resolve({ entry, match: null });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${name}: not ready after ${timeoutMs} ms; stderr: ${entry.stderr.slice(-5).join(' | ')}`)), timeoutMs);
    lineListeners.push((line) => {
      const match = ready.exec(line);
      if (match) {
        clearTimeout(timer);
        resolve({ entry, match });
      }
    });
    exited.then(({ code, signal }) => {
      clearTimeout(timer);
      reject(new Error(`${name} exited (code ${code}, signal ${signal}) before it was ready; stderr: ${entry.stderr.slice(-5).join(' | ')}`));
    });
  });
}

/** Runs `node <args>` to completion; resolves with stdout lines, rejects on a non-zero exit. */
async function runToCompletion(name, args, { env, cwd, timeoutMs = 120_000 } = {}) {
  const { entry } = await startChild(name, args, { env, cwd });
  const timer = setTimeout(() => stopChild(entry, 'SIGTERM'), timeoutMs);
  const { code, signal } = await entry.exitedPromise;
  clearTimeout(timer);
  if (code !== 0) throw new Error(`${name} failed (code ${code}, signal ${signal}): ${entry.stderr.slice(-5).join(' | ')}`);
  return entry.stdout;
}

/** Sends `signal` to the child's PID, then SIGKILL after `graceMs`. Resolves with its exit status. */
async function stopChild(entry, signal = 'SIGTERM', graceMs = 10_000) {
  if (entry.exited) return entry.exited;
  try {
    process.kill(entry.pid, signal);
  } catch {
    /* already gone */
  }
  const timer = setTimeout(() => {
    try {
      process.kill(entry.pid, 'SIGKILL');
    } catch {
      /* already gone */
    }
  }, graceMs);
  const status = await entry.exitedPromise;
  clearTimeout(timer);
  return status;
}

/** Stops every child still running (each by its own PID), most recently started first. */
async function stopAll(signalFor = () => 'SIGTERM') {
  const running = [...children].reverse();
  await Promise.all(running.map((entry) => stopChild(entry, signalFor(entry.name))));
}

/** Synchronous last resort (process 'exit'): SIGKILL every child still known by PID. */
function killAllSync() {
  for (const entry of children) {
    try {
      process.kill(entry.pid, 'SIGKILL');
    } catch {
      /* already gone */
    }
  }
}

module.exports = { startChild, runToCompletion, stopChild, stopAll, killAllSync };
