'use strict';
/**
 * Holds a CPU wake-up latency request of 0 µs through Linux PM QoS (`/dev/cpu_dma_latency`) for as
 * long as the returned handle is open: the cpuidle governor then keeps idle CPUs polling instead of
 * halting. On a VM a halted vCPU is handed back to the host, and waking it costs a VM exit and a
 * host scheduling decision whose delay depends on the host's other guests; at concurrency 1 every
 * request crosses four processes, so that delay, not our code, dominated the run-to-run spread.
 * The request is released when the file is closed (or the process exits): nothing persists.
 * Needs root (the device is root-only); without it the bench runs as before and says so.
 */
const fs = require('node:fs');

const DEVICE = '/dev/cpu_dma_latency';

/** @returns {{ held: boolean, reason?: string, release(): void }} */
function holdZeroCpuLatency() {
  let fd;
  try {
    fd = fs.openSync(DEVICE, 'w');
    const zero = Buffer.alloc(4); // a binary s32: 0 µs
    fs.writeSync(fd, zero);
  } catch (error) {
    if (fd !== undefined) fs.closeSync(fd);
    return { held: false, reason: `${error.code || ''} ${error.message}`.trim(), release() {} };
  }
  let open = true;
  return {
    held: true,
    release() {
      if (open) fs.closeSync(fd);
      open = false;
    },
  };
}

module.exports = { holdZeroCpuLatency };
