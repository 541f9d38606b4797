import type { IncomingMessage, ServerResponse } from 'node:http';
import bodyParser from 'body-parser';
import type { Logger } from '../logging/logger';
import { fail } from './hyper-errors';
import { failureOutcome, type HyperOutcome } from './hyper-envelope';
import type { HyperProcessService } from './hyper-process.service';

/** The REST path of the HyperSDK process call. */
export const HYPERAPI_PROCESS_PATH = '/hyperapi/process';
/** Largest envelope read (the largest valid one is about 12 KB); never more than MAX_BODY_BYTES. */
export const HYPERAPI_MAX_BODY_BYTES = 32 * 1024;

function send(res: ServerResponse, outcome: HyperOutcome, status = outcome.httpStatus): void {
  res.statusCode = status;
  res.setHeader('content-type', 'application/json; charset=utf-8');
  res.setHeader('cache-control', 'no-store');
  res.end(JSON.stringify(outcome.result));
}

/**
 * `POST /hyperapi/process`: the seed's envelope in, the seed's envelope out (HTTP 401 for
 * authentication failures, 200 otherwise). The body is read raw (any content type, at most
 * `maxBodyBytes`), decoded as strict UTF-8 and parsed here, so that even an unreadable body gets an
 * error envelope.
 */
export function hyperapiProcessRoute(service: HyperProcessService, logger: Logger, maxBodyBytes: number): (req: IncomingMessage, res: ServerResponse) => void {
  const limit = Math.min(maxBodyBytes, HYPERAPI_MAX_BODY_BYTES);
  const readRaw = bodyParser.raw({ type: () => true, limit });
  const decoder = new TextDecoder('utf-8', { fatal: true });
  return (req, res) => {
    if (req.method !== 'POST') {
      res.setHeader('allow', 'POST');
      send(res, service.refuseUnreadableBody(`${HYPERAPI_PROCESS_PATH} accepts POST only`), 405);
      return;
    }
    readRaw(req, res, (readError: unknown) => {
      if (readError) {
        const tooLarge = (readError as { type?: string }).type === 'entity.too.large';
        send(res, service.refuseUnreadableBody(tooLarge ? `the body exceeds ${limit} bytes` : 'the body could not be read'));
        return;
      }
      const raw = (req as IncomingMessage & { body?: unknown }).body;
      let body: unknown;
      try {
        body = JSON.parse(decoder.decode(Buffer.isBuffer(raw) ? raw : Buffer.alloc(0)));
      } catch {
        send(res, service.refuseUnreadableBody('the body must be a JSON object in UTF-8'));
        return;
      }
      service.process(body).then(
        (outcome) => send(res, outcome),
        (error: unknown) => {
          logger.error({ err: error }, 'unhandled error serving /hyperapi/process');
          if (!res.headersSent) send(res, failureOutcome('', fail('INTERNAL_ERROR')));
          else res.end();
        },
      );
    });
  };
}
