import type { FakeGatewayResponse } from '@prism-sessions/connector-interfaces/testing';

const JSON_HEADERS = Object.freeze({ 'content-type': 'application/json' });

/** A canned answer: a `FakeGatewayResponse` whose headers are always set, so it is also an `HttpResponse`. */
export type NuveiFakeAnswer = FakeGatewayResponse & { readonly headers: Readonly<Record<string, string>> };

/** A JSON answer as Nuvei sends it. */
export function nuveiJsonAnswer(status: number, body: unknown): NuveiFakeAnswer {
  return { status, headers: JSON_HEADERS, body: JSON.stringify(body) };
}

/**
 * Canned Nuvei answers for every error shape (and a success), for `enqueue`, conformance fixtures
 * and `RecordingTransport` responders.
 */
export const nuveiFakeAnswers = Object.freeze({
  /** HTTP 200 with a session token. */
  sessionSuccess(sessionToken: string, clientRequestId = ''): NuveiFakeAnswer {
    return nuveiJsonAnswer(200, {
      sessionToken,
      internalRequestId: 1,
      status: 'SUCCESS',
      errCode: 0,
      reason: '',
      merchantId: 'fake_merchant',
      merchantSiteId: 'fake_site',
      version: '1.0',
      clientRequestId,
    });
  },
  /** Nuvei's usual failure: HTTP 200, `status: "ERROR"`, numeric `errCode`. */
  statusError(errCode: number, reason: string): NuveiFakeAnswer {
    return nuveiJsonAnswer(200, { internalRequestId: 1, status: 'ERROR', errCode, reason, version: '1.0' });
  },
  /** A 4xx JSON body whose `errCode` is a number (1022, invalid merchant site id). */
  clientErrorNumericCode(status = 400): NuveiFakeAnswer {
    return nuveiJsonAnswer(status, { reason: 'Invalid merchant site ID', errCode: 1022, status: 'ERROR' });
  },
  /** A 4xx JSON body whose `errCode` is a string ("1001", invalid checksum): upstream's declared shape. */
  clientErrorStringCode(status = 400): NuveiFakeAnswer {
    return nuveiJsonAnswer(status, { reason: 'Invalid checksum', errCode: '1001', status: 'ERROR' });
  },
  /** A 5xx JSON body. */
  serverError(status: 500 | 502 | 503 = 500): NuveiFakeAnswer {
    return nuveiJsonAnswer(status, { reason: 'Internal error', status: 'ERROR' });
  },
  /** An HTML error page, as a proxy or WAF in front of Nuvei would send. */
  htmlError(status = 403): NuveiFakeAnswer {
    return {
      status,
      headers: { 'content-type': 'text/html' },
      body: `<!DOCTYPE html><html><head><title>${status} Error</title></head><body><h1>Request blocked</h1><p>${'x'.repeat(400)}</p></body></html>`,
    };
  },
  /** HTTP 200 with a truncated JSON body. */
  malformedJson(): NuveiFakeAnswer {
    return { status: 200, headers: JSON_HEADERS, body: '{"status":"SUCC' };
  },
  /** HTTP 200 with an empty body. */
  emptyBody(): NuveiFakeAnswer {
    return { status: 200, headers: JSON_HEADERS, body: '' };
  },
  /** HTTP 200, `status: "SUCCESS"`, but no `sessionToken`. */
  successWithoutToken(): NuveiFakeAnswer {
    return nuveiJsonAnswer(200, { internalRequestId: 1, status: 'SUCCESS', errCode: 0, reason: '', version: '1.0' });
  },
});
