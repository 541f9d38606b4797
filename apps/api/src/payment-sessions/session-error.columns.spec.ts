import { errorColumns, errorFromColumns, type SessionError } from './session-error';

const NO_ERROR = { unifiedErrorCode: null, errorCode: null, errorMessage: null, errorReason: null, errorDescription: null, retryable: null };

describe('errorColumns / errorFromColumns', () => {
  it('stores no error as all-null columns and reads them back as null', () => {
    expect(errorColumns(null)).toEqual(NO_ERROR);
    expect(errorFromColumns({ ...NO_ERROR, httpStatus: 200 })).toBeNull();
  });

  it('round-trips a gateway error, taking the gateway HTTP status from the row', () => {
    const error: SessionError = {
      unifiedCode: 'INVALID_SIGNATURE',
      source: 'GATEWAY',
      retryable: false,
      description: 'Nuvei 1001: invalid checksum',
      connector: { code: '1001', message: 'Invalid checksum', reason: 'checksum' },
      gatewayHttpStatus: 200,
    };
    const columns = errorColumns(error);
    expect(columns).toEqual({ unifiedErrorCode: 'INVALID_SIGNATURE', errorCode: '1001', errorMessage: 'Invalid checksum', errorReason: 'checksum', errorDescription: 'Nuvei 1001: invalid checksum', retryable: false });
    expect(errorFromColumns({ ...columns, httpStatus: 200 })).toEqual(error);
  });

  it('derives the source from the code and omits what was not stored', () => {
    const stored = errorColumns({ unifiedCode: 'GATEWAY_TIMEOUT', source: 'NETWORK', retryable: true });
    expect(errorFromColumns({ ...stored, httpStatus: null })).toEqual({ unifiedCode: 'GATEWAY_TIMEOUT', source: 'NETWORK', retryable: true });
    expect(errorFromColumns({ ...NO_ERROR, unifiedErrorCode: 'INTERNAL_ERROR', httpStatus: null })).toEqual({ unifiedCode: 'INTERNAL_ERROR', source: 'SERVICE', retryable: false });
  });

  it('keeps partial connector details', () => {
    expect(errorFromColumns({ ...NO_ERROR, unifiedErrorCode: 'GATEWAY_UNAVAILABLE', errorCode: '500', retryable: true, httpStatus: 503 })).toEqual({
      unifiedCode: 'GATEWAY_UNAVAILABLE',
      source: 'GATEWAY',
      retryable: true,
      connector: { code: '500' },
      gatewayHttpStatus: 503,
    });
  });
});
