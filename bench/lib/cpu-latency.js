'use strict';
/**
 * Holds a CPU wake-up latency request of 0 µs through Linux PM QoS (`/dev/cpu_dma_latency`) for as
 * long as the returned handle is open: the cpuidle governor then keeps idle CPUs polling instead of
 * halting. On a VM a halted vCPU is handed back to the host, and waking it costs a VM exit and a
 * host scheduling decision whose delay depends on the host's other guests; at concurrency 1 every
 * request crosses four processes and pays that delay at each hop.
 * The request is released when the file is closed (or the process exits): nothing persists.
 * Needs root (the device is root-only); without it the bench runs as before and says so.
 *
 * The request only reaches the cpuidle governor. A kernel without a cpuidle driver
 * (`/sys/devices/system/cpu/cpuidle/current_driver` = `none`, as on the Firecracker guests this
 * bench was measured on) halts idle CPUs with HLT whatever PM QoS asks, so there is nothing to hold.
 */
const fs = require('node:fs');

const DEVICE = '/dev/cpu_dma_latency';
const CPUIDLE_DRIVER = '/sys/devices/system/cpu/cpuidle/current_driver';

/** The kernel's cpuidle driver, or null when it has none (or the file cannot be read). */
function cpuidleDriver() {
  try {
    const driver = fs.readFileSync(CPUIDLE_DRIVER, 'utf8').trim();
    return driver && driver !== 'none' ? driver : null;
  } catch {
    return null;
  }
}

/** The handle when no request is held. */
const notHeld = (reason) => ({ held: false, reason, release: () => undefined });

/** @returns {{ held: boolean, reason?: string, release(): void }} */
function holdZeroCpuLatency() {
  const driver = cpuidleDriver();
  if (driver === null) return notHeld('no cpuidle driver: idle CPUs halt whatever PM QoS asks');
  let fd;
  try {
    fd = fs.openSync(DEVICE, 'w');
    const zero = Buffer.alloc(4); // a binary s32: 0 µs
    fs.writeSync(fd, zero);
  } catch (error) {
    if (fd !== undefined) fs.closeSync(fd);
    return notHeld(`${error.code || ''} ${error.message}`.trim());
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

module.exports = { holdZeroCpuLatency, notHeld };
