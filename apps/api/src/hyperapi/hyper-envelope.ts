import { errorMessageOf, HYPER_ERRORS, type HyperFailure } from './hyper-errors';

/** The literal `service` of every HyperSDK envelope. */
export const HYPER_SERVICE = 'in.juspay.hyperapi';
/** The `event` of a process call's answer. */
export const PROCESS_RESULT = 'process_result';

/** The answer envelope (spec §2.2): every leaf inside `payload` is a string; `error` is a real boolean. */
export interface HyperProcessResult {
  readonly requestId: string;
  readonly service: typeof HYPER_SERVICE;
  readonly payload: Readonly<Record<string, unknown>>;
  readonly error: boolean;
  readonly errorMessage: string;
  readonly errorCode: string;
  readonly event: typeof PROCESS_RESULT;
}

/** An answer and the HTTP status `POST /hyperapi/process` sends it with. */
export interface HyperOutcome {
  readonly httpStatus: number;
  readonly result: HyperProcessResult;
}

/** A success envelope around an action's payload. */
export function successOutcome(requestId: string, payload: Readonly<Record<string, unknown>>): HyperOutcome {
  return { httpStatus: 200, result: { requestId, service: HYPER_SERVICE, payload, error: false, errorMessage: '', errorCode: '', event: PROCESS_RESULT } };
}

/** An error envelope (decision 2: `payload` is `{}`), echoing the requestId (or `""`). */
export function failureOutcome(requestId: string, failure: HyperFailure): HyperOutcome {
  const entry = HYPER_ERRORS[failure.reason];
  return {
    httpStatus: entry.httpStatus,
    result: { requestId, service: HYPER_SERVICE, payload: {}, error: true, errorMessage: errorMessageOf(failure), errorCode: entry.errorCode, event: PROCESS_RESULT },
  };
}
