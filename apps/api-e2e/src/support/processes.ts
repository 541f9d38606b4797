/**
 * Child processes of the e2e suite: each one's stdout/stderr go to files under the log directory
 * (and to an in-memory buffer for assertions), and each one is stopped by its PID.
 * Only Node built-ins here: the global setup loads this file outside jest's module registry.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, mkdirSync, type WriteStream } from 'node:fs';
import * as path from 'node:path';

/** How a process ended. */
export interface ProcessExit {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
}

/** A running (or finished) child process started by the suite. */
export interface ManagedProcess {
  readonly name: string;
  readonly pid: number;
  readonly stdoutFile: string;
  readonly stderrFile: string;
  /** Everything the process wrote to stdout so far. */
  stdout(): string;
  /** Everything the process wrote to stderr so far. */
  stderr(): string;
  /** Resolves with the first match of `pattern` in stdout (or stderr); rejects on exit or after `timeoutMs`. */
  waitForOutput(pattern: RegExp, timeoutMs: number): Promise<RegExpMatchArray>;
  /** Resolves when the process has exited. */
  readonly exited: Promise<ProcessExit>;
  /** Whether the process has exited. */
  hasExited(): boolean;
  /** SIGTERM by PID, then SIGKILL by PID after `graceMs`. Safe to call twice. */
  stop(graceMs?: number): Promise<ProcessExit>;
}

export interface StartProcessOptions {
  /** Short unique name, used for the log file names. */
  readonly name: string;
  /** Script run with this Node binary. */
  readonly script: string;
  readonly args?: readonly string[];
  readonly env: NodeJS.ProcessEnv;
  readonly cwd: string;
  readonly logDir: string;
}

const MAX_BUFFER = 4 * 1024 * 1024;
/** PIDs to kill if the runner exits without teardown, with the signal to use. */
const live = new Map<number, NodeJS.Signals>();
let exitHookInstalled = false;

/** Last resort when the runner exits without teardown: signal every tracked child still alive, by PID. */
function installExitHook(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.once('exit', () => {
    for (const [pid, sig] of live) signal(pid, sig);
  });
}

/** Tracks a PID started outside {@link startProcess} (e.g. the embedded Postgres) for the exit hook. */
export function trackPid(pid: number, sig: NodeJS.Signals = 'SIGKILL'): void {
  live.set(pid, sig);
  installExitHook();
}

/** Stops tracking a PID (it was stopped properly). */
export function untrackPid(pid: number): void {
  live.delete(pid);
}

function append(buffer: { text: string }, chunk: Buffer): void {
  buffer.text += chunk.toString('utf8');
  if (buffer.text.length > MAX_BUFFER) buffer.text = buffer.text.slice(-MAX_BUFFER);
}

function closeStream(stream: WriteStream): Promise<void> {
  return new Promise((resolve) => stream.end(() => resolve()));
}

/** Starts `node <script> <args>` with stdout/stderr captured to `<logDir>/<name>.{stdout,stderr}.log`. */
export function startProcess(options: StartProcessOptions): ManagedProcess {
  mkdirSync(options.logDir, { recursive: true });
  const stdoutFile = path.join(options.logDir, `${options.name}.stdout.log`);
  const stderrFile = path.join(options.logDir, `${options.name}.stderr.log`);
  const stdoutLog = createWriteStream(stdoutFile);
  const stderrLog = createWriteStream(stderrFile);
  const child: ChildProcess = spawn(process.execPath, [options.script, ...(options.args ?? [])], {
    cwd: options.cwd,
    env: options.env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  if (child.pid === undefined) throw new Error(`could not start ${options.name} (${options.script})`);
  const pid = child.pid;
  const out = { text: '' };
  const err = { text: '' };
  const listeners = new Set<() => void>();
  let exit: ProcessExit | undefined;

  child.stdout?.on('data', (chunk: Buffer) => {
    stdoutLog.write(chunk);
    append(out, chunk);
    for (const listener of listeners) listener();
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    stderrLog.write(chunk);
    append(err, chunk);
    for (const listener of listeners) listener();
  });
  const exited = new Promise<ProcessExit>((resolve) => {
    child.once('close', (code, signal) => {
      exit = { code, signal };
      live.delete(pid);
      Promise.all([closeStream(stdoutLog), closeStream(stderrLog)]).then(() => resolve({ code, signal }));
      for (const listener of listeners) listener();
    });
    child.once('error', () => undefined);
  });

  let stopping: Promise<ProcessExit> | undefined;
  const managed: ManagedProcess = {
    name: options.name,
    pid,
    stdoutFile,
    stderrFile,
    stdout: () => out.text,
    stderr: () => err.text,
    exited,
    hasExited: () => exit !== undefined,
    waitForOutput(pattern, timeoutMs) {
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          listeners.delete(check);
          reject(new Error(`${options.name} (pid ${pid}) did not print ${pattern} within ${timeoutMs} ms; see ${stdoutFile} and ${stderrFile}`));
        }, timeoutMs);
        function check(): void {
          const match = pattern.exec(out.text) ?? pattern.exec(err.text);
          if (!match && exit === undefined) return;
          clearTimeout(timer);
          listeners.delete(check);
          if (match) resolve(match);
          else reject(new Error(`${options.name} (pid ${pid}) exited (code ${exit?.code}, signal ${exit?.signal}) before printing ${pattern}; see ${stdoutFile} and ${stderrFile}\n${err.text.slice(-2000)}`));
        }
        listeners.add(check);
        check();
      });
    },
    stop(graceMs = 5_000) {
      stopping ??= (async () => {
        if (exit !== undefined) return exited;
        signal(pid, 'SIGTERM');
        const timer = setTimeout(() => signal(pid, 'SIGKILL'), graceMs);
        try {
          return await exited;
        } finally {
          clearTimeout(timer);
        }
      })();
      return stopping;
    },
  };
  trackPid(pid);
  return managed;
}

function signal(pid: number, name: NodeJS.Signals): void {
  try {
    process.kill(pid, name);
  } catch {
    // already gone
  }
}

/** Runs a short-lived script to completion; rejects with its output on a non-zero exit or after `timeoutMs`. */
export async function runToCompletion(options: StartProcessOptions, timeoutMs = 120_000): Promise<ManagedProcess> {
  const proc = startProcess(options);
  const timer = setTimeout(() => void proc.stop(1_000), timeoutMs);
  try {
    const { code, signal: sig } = await proc.exited;
    if (code !== 0) {
      throw new Error(`${options.name} failed (code ${code}, signal ${sig}):\n${proc.stderr().slice(-2000)}\n${proc.stdout().slice(-2000)}`);
    }
    return proc;
  } finally {
    clearTimeout(timer);
  }
}

/** Is a process with this PID alive? */
export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Stops a process known only by its PID (e.g. read back from the env file): SIGTERM, then SIGKILL. */
export async function stopPid(pid: number, graceMs = 5_000, first: NodeJS.Signals = 'SIGTERM'): Promise<void> {
  if (!isAlive(pid)) return;
  signal(pid, first);
  const deadline = Date.now() + graceMs;
  while (Date.now() < deadline) {
    if (!isAlive(pid)) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  signal(pid, 'SIGKILL');
}
