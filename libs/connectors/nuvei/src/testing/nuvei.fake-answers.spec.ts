import { parseNuveiErrorResponse } from '../lib/nuvei.errors';
import { nuveiFakeAnswers } from './nuvei.fake-answers';

describe('nuveiFakeAnswers', () => {
  it('builds a 200 + status ERROR answer with a numeric errCode', () => {
    const answer = nuveiFakeAnswers.statusError(1021, 'Invalid timestamp');
    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.body)).toMatchObject({ status: 'ERROR', errCode: 1021, reason: 'Invalid timestamp' });
  });

  it('builds 4xx bodies with numeric and string error codes', () => {
    expect(JSON.parse(nuveiFakeAnswers.clientErrorNumericCode().body)).toMatchObject({ errCode: 1022 });
    expect(JSON.parse(nuveiFakeAnswers.clientErrorStringCode(401).body)).toMatchObject({ errCode: '1001' });
    expect(nuveiFakeAnswers.clientErrorStringCode(401).status).toBe(401);
  });

  it('builds answers the connector classifies as intended', () => {
    expect(parseNuveiErrorResponse(nuveiFakeAnswers.serverError(503)).retryable).toBe(true);
    expect(parseNuveiErrorResponse(nuveiFakeAnswers.htmlError(403)).code).toBe('403');
    expect(nuveiFakeAnswers.htmlError(502).headers['content-type']).toBe('text/html');
  });

  it('builds broken success bodies', () => {
    expect(() => JSON.parse(nuveiFakeAnswers.malformedJson().body) as unknown).toThrow();
    expect(nuveiFakeAnswers.emptyBody().body).toBe('');
    expect(JSON.parse(nuveiFakeAnswers.successWithoutToken().body)).not.toHaveProperty('sessionToken');
    expect(JSON.parse(nuveiFakeAnswers.sessionSuccess('t').body)).toMatchObject({ sessionToken: 't', status: 'SUCCESS' });
  });
});
