'use strict';
/** CPU accounting from /proc: per process, for Postgres' backends, and for the machine (other programs, steal). */
const fs = require('node:fs');
const { NOISY_PCT } = require('./settings');
const { log, sleep, round } = require('./util');

/**
 * CPU time (ms, user+system) of one process (with `tree`: of it and all its descendants, e.g. a
 * node:cluster primary and its workers), and per PID of the embedded Postgres and its backends
 * (backends come and go with the pools: cpuDelta() only counts PIDs alive at the end).
 */
function processCpu(pid, postgresPid, { tree = false } = {}) {
  const read = (p) => {
    const text = fs.readFileSync(`/proc/${p}/stat`, 'utf8');
    const rest = text.slice(text.lastIndexOf(')') + 2).split(' ');
    return { ppid: Number(rest[1]), ms: (Number(rest[11]) + Number(rest[12])) * TICK_MS };
  };
  const all = new Map();
  if (postgresPid || tree) {
    for (const entry of fs.readdirSync('/proc')) {
      if (!/^\d+$/.test(entry)) continue;
      try {
        all.set(Number(entry), read(entry));
      } catch {
        /* exited */
      }
    }
  }
  let target = null;
  if (tree) {
    const members = new Set([pid]);
    for (let grew = true; grew; ) {
      grew = false;
      for (const [p, st] of all) {
        if (!members.has(p) && members.has(st.ppid)) {
          members.add(p);
          grew = true;
        }
      }
    }
    target = all.has(pid) ? [...members].reduce((sum, p) => sum + (all.get(p)?.ms ?? 0), 0) : null;
  } else {
    try {
      target = read(pid).ms;
    } catch {
      /* gone */
    }
  }
  let db = null;
  if (postgresPid) {
    db = new Map();
    for (const [p, st] of all) if (p === postgresPid || st.ppid === postgresPid) db.set(p, st.ms);
  }
  return { target, db };
}
function dbCpuDelta(before, after) {
  if (!before || !after) return null;
  let ms = 0;
  for (const [pid, value] of after) ms += value - (before.get(pid) ?? 0);
  return ms;
}
const TICK_MS = 10; // USER_HZ = 100 on Linux

/**
 * CPU counters (jiffies): the whole machine (/proc/stat) and the bench's own process tree (this
 * process, its children and the embedded Postgres' backends), to tell how much CPU *other*
 * programs took during a measurement (the machine is shared).
 */
function cpuTimes() {
  try {
    const fields = fs.readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1).map(Number);
    const idle = fields[3] + (fields[4] || 0);
    const steal = fields[7] || 0;
    const total = fields.reduce((a, b) => a + b, 0);
    const stats = new Map();
    for (const pid of fs.readdirSync('/proc')) {
      if (!/^\d+$/.test(pid)) continue;
      try {
        const text = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
        const rest = text.slice(text.lastIndexOf(')') + 2).split(' ');
        stats.set(Number(pid), { ppid: Number(rest[1]), jiffies: Number(rest[11]) + Number(rest[12]) });
      } catch {
        /* exited */
      }
    }
    const ours = new Set([process.pid]);
    for (let grew = true; grew; ) {
      grew = false;
      for (const [pid, st] of stats) {
        if (!ours.has(pid) && ours.has(st.ppid)) {
          ours.add(pid);
          grew = true;
        }
      }
    }
    const own = new Map();
    for (const pid of ours) own.set(pid, stats.get(pid)?.jiffies ?? 0);
    return { busy: total - idle, total, own, steal };
  } catch {
    return null;
  }
}
/** Share (in %) of the machine's time the hypervisor gave to other guests ("steal") between two cpuTimes(). */
function stealPct(before, after) {
  if (!before || !after || after.total === before.total) return null;
  return round((100 * (after.steal - before.steal)) / (after.total - before.total), 1);
}
/** Share of all cores (in %) used by programs outside the bench between two cpuTimes(). */
function otherCpuPct(before, after) {
  if (!before || !after || after.total === before.total) return null;
  // Per PID: a process of ours that exited in between (e.g. a Postgres backend closed by a pool)
  // is simply not counted, which can only overstate "other", slightly.
  let ownDelta = 0;
  for (const [pid, jiffies] of after.own) ownDelta += jiffies - (before.own.get(pid) ?? 0);
  const machineDelta = after.busy - before.busy;
  return round(Math.max(0, (100 * (machineDelta - ownDelta)) / (after.total - before.total)), 1);
}

/**
 * Waits (at most 8 s, and within the run's budget) for a 0.5 s window in which programs outside the
 * bench use less than NOISY_PCT of the machine. Returns the seconds waited.
 */
async function waitForQuiet(budget) {
  let waited = 0;
  while (budget.quietWaitS > 0 && waited < 8) {
    const before = cpuTimes();
    await sleep(500);
    const other = otherCpuPct(before, cpuTimes());
    if (other === null || other <= NOISY_PCT) break;
    waited += 0.5;
    budget.quietWaitS -= 0.5;
    if (waited === 1) log(`other programs are using ${other}% of the machine; waiting for it to calm down`);
  }
  return waited;
}

module.exports = { processCpu, dbCpuDelta, cpuTimes, stealPct, otherCpuPct, waitForQuiet };
