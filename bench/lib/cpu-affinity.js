'use strict';
/**
 * CPU placement of the bench's processes, with util-linux `taskset`. The server under test (the API
 * or the floor, one at a time) gets a CPU to itself; the load generator, the gateway simulator and
 * the embedded Postgres share the others. Left to the scheduler, the four to six runnable processes
 * of a 2-CPU machine land differently from one slice to the next (the API's thread sharing a core with
 * a Postgres backend in one slice, not in the next), and that placement moved the API's throughput
 * between runs (419 and 338 Nuvei creates/s at concurrency 16 in two short unpinned runs). In production the API has its cores and Postgres and the gateway are
 * elsewhere, which this placement is also closer to.
 *
 * Only processes the bench started are pinned (a Postgres server from DATABASE_URL is not ours).
 */
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');

/** PIDs of `pid`'s children, from /proc (every thread's `children` list). */
function childPids(pid) {
  const pids = new Set();
  let tasks = [];
  try {
    tasks = fs.readdirSync(`/proc/${pid}/task`);
  } catch {
    return [];
  }
  for (const tid of tasks) {
    try {
      for (const child of fs.readFileSync(`/proc/${pid}/task/${tid}/children`, 'utf8').trim().split(/\s+/)) {
        if (child) pids.add(Number(child));
      }
    } catch {
      /* thread gone */
    }
  }
  return [...pids];
}

/** Pins every thread of `pid` and of its descendants to `cpus` (a taskset list such as "1" or "0,2-3"). */
function pinTree(pid, cpus) {
  execFileSync('taskset', ['--all-tasks', '--cpu-list', '--pid', cpus, String(pid)], { stdio: 'ignore' });
  for (const child of childPids(pid)) pinTree(child, cpus);
}

/**
 * The placement for this machine: `{ server, others }` CPU lists, or `{ server: null, reason }` when
 * the bench should leave placement to the scheduler (fewer than 2 CPUs we may use, no taskset, or
 * BENCH_PIN=0).
 */
function placement(env = process.env) {
  if (env.BENCH_PIN === '0') return { server: null, reason: 'BENCH_PIN=0' };
  let allowed;
  try {
    const out = execFileSync('taskset', ['--cpu-list', '--pid', String(process.pid)], { encoding: 'utf8' });
    allowed = expandList(out.slice(out.lastIndexOf(':') + 1).trim());
  } catch (error) {
    return { server: null, reason: `taskset unavailable: ${error.message}` };
  }
  if (allowed.length < 2) return { server: null, reason: `only ${allowed.length} CPU allowed` };
  // The last CPU for the server: CPU 0 takes most device interrupts on a small VM.
  return { server: String(allowed[allowed.length - 1]), others: allowed.slice(0, -1).join(','), all: allowed.join(',') };
}

/** "0-2,5" -> [0, 1, 2, 5] */
function expandList(list) {
  return list.split(',').flatMap((part) => {
    const [from, to = from] = part.split('-').map(Number);
    return Array.from({ length: to - from + 1 }, (_, i) => from + i);
  });
}

module.exports = { pinTree, placement };
