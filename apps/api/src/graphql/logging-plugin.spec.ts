import { Writable } from 'node:stream';
import type { GraphQLRequestContext, GraphQLRequestListener } from '@apollo/server';
import { createLogger } from '../logging/logger';
import type { GraphQLContext } from './context';
import { loggingPlugin } from './logging-plugin';

function capture(level: string) {
  const lines: Record<string, unknown>[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(JSON.parse(chunk.toString('utf8')) as Record<string, unknown>);
      done();
    },
  });
  return { logger: createLogger(level, destination), lines };
}

/** A request context as the plugin reads it: a context whose child logger is made on first use (as createContext does). */
function requestContext(root: ReturnType<typeof createLogger>) {
  let made = 0;
  let child: ReturnType<typeof createLogger> | undefined;
  const contextValue = {
    requestId: 'req-1',
    get logger() {
      made += 1;
      return (child ??= root.child({ requestId: 'req-1' }));
    },
  } as unknown as GraphQLContext;
  return { request: { contextValue } as GraphQLRequestContext<GraphQLContext>, childLoggersMade: () => made };
}

async function start(level: string) {
  const { logger, lines } = capture(level);
  const { request, childLoggersMade } = requestContext(logger);
  const listener = (await loggingPlugin(logger).requestDidStart?.(request)) as GraphQLRequestListener<GraphQLContext>;
  return { listener, lines, request, childLoggersMade };
}

describe('loggingPlugin', () => {
  it('logs each operation with its name, duration and request id at info', async () => {
    const { listener, lines, request } = await start('info');
    await listener.willSendResponse?.({ ...request, operationName: 'Create' } as never);
    await new Promise((resolve) => setImmediate(resolve));
    expect(lines).toEqual([expect.objectContaining({ level: 'info', msg: 'graphql operation', operationName: 'Create', requestId: 'req-1', durationMs: expect.any(Number) })]);
  });

  it('installs no per-operation hook when info is off, and never makes the request logger for a request without errors', async () => {
    const { listener, lines, childLoggersMade } = await start('warn');
    expect(listener.willSendResponse).toBeUndefined();
    expect(lines).toEqual([]);
    expect(childLoggersMade()).toBe(0);
  });

  it('still logs unexpected errors at warn, with the request id', async () => {
    const { listener, lines, request } = await start('warn');
    const error = Object.assign(new Error('boom'), { extensions: { code: 'INTERNAL_SERVER_ERROR' }, path: ['createSessionToken'] });
    await listener.didEncounterErrors?.({ ...request, errors: [error] } as never);
    await new Promise((resolve) => setImmediate(resolve));
    expect(lines).toEqual([expect.objectContaining({ level: 'error', msg: 'operation failed', requestId: 'req-1', path: ['createSessionToken'] })]);
  });

  it('logs expected rejections at info only', async () => {
    const warn = await start('warn');
    const info = await start('info');
    const rejected = Object.assign(new Error('bad'), { extensions: { code: 'BAD_USER_INPUT' }, path: undefined });
    await warn.listener.didEncounterErrors?.({ ...warn.request, errors: [rejected] } as never);
    await info.listener.didEncounterErrors?.({ ...info.request, errors: [rejected] } as never);
    await new Promise((resolve) => setImmediate(resolve));
    expect(warn.lines).toEqual([]);
    expect(info.lines).toEqual([expect.objectContaining({ level: 'info', msg: 'request rejected', code: 'BAD_USER_INPUT' })]);
  });
});
