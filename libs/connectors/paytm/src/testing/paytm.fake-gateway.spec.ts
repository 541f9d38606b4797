import PaytmChecksum from 'paytmchecksum';
import { FixedClock, type FakeGatewayRequest, type FakeGatewayResponse } from '@prism-sessions/connector-interfaces/testing';
import { Secret } from '@prism-sessions/masking';
import { signPaytmBody, verifyPaytmSignature } from '../lib/paytm.signature';
import { rawTopLevelMember } from '../lib/wire/paytm.raw-json';
import { createPaytmFakeGateway } from './paytm.fake-gateway';
import { paytmFakeAnswers, signedPaytmAnswer } from './paytm.fake-answers';
import { PAYTM_FIXTURE_MERCHANT_KEY } from './paytm.fixture-values';

const MID = 'M1';
const KEY = 'abcdefgh12345678';
const INITIATE = 'theia/api/v1/initiateTransaction';
const PROCESS = 'theia/api/v1/processTransaction';

// The answer's `body` text exactly as sent, and its head.signature.
function signedParts(text: string): { body: string; signature: string | undefined } {
  const body = rawTopLevelMember(text, 'body');
  if (!body.ok) throw new Error(`answer body: ${body.reason}`);
  const head = (JSON.parse(text) as { head: { signature?: string } }).head;
  return { body: body.raw, signature: head.signature };
}

// Cross-checks an answer's signature with Paytm's official package, as a Paytm client would.
function expectSignedBy(answer: Pick<FakeGatewayResponse, 'body'>, key: string): void {
  const { body, signature } = signedParts(answer.body);
  expect(signature).toHaveLength(108);
  expect(PaytmChecksum.verifySignature(body, key, signature ?? '')).toBe(true);
  expect(PaytmChecksum.verifySignature(`${body} `, key, signature ?? '')).toBe(false);
  expect(verifyPaytmSignature(body, new Secret(key), signature ?? '')).toBe(true);
}

function gateway(options: { tokenLifetimeSeconds?: number; website?: string } = {}) {
  const clock = new FixedClock('2025-01-01T00:00:00Z');
  let n = 0;
  const fake = createPaytmFakeGateway({
    merchants: [{ merchantId: MID, merchantKey: KEY, ...(options.website === undefined ? {} : { website: options.website }) }],
    clock,
    newToken: () => `tok_${++n}`,
    randomBytes: () => Uint8Array.of(9, 9, 9),
    ...(options.tokenLifetimeSeconds === undefined ? {} : { tokenLifetimeSeconds: options.tokenLifetimeSeconds }),
  });
  const route = (path: string) => {
    const found = fake.routes.find((r) => r.path === path);
    if (!found) throw new Error(`no route ${path}`);
    return found;
  };
  const call = (path: string, body: string, query: Record<string, string>, headers: Record<string, string> = { 'content-type': 'application/json' }) => {
    const request: FakeGatewayRequest = { method: 'POST', path, query, headers, body };
    const answer = route(path).handle(request);
    return { status: answer.status, text: answer.body, json: JSON.parse(answer.body) as { head: Record<string, unknown>; body: Record<string, unknown> } };
  };
  return { clock, fake, call };
}

const initiateBody = (orderId: string, extra = '') => `{"mid":"${MID}","orderId":"${orderId}","websiteName":"WEB","txnAmount":{"value":"10.00","currency":"INR"}${extra}}`;
const signed = (bodyJson: string, key = KEY) => `{"head":{"clientId":null,"version":"v1","requestTimestamp":"1","signature":"${signPaytmBody(bodyJson, new Secret(key), Uint8Array.of(4, 5, 6))}"},"body":${bodyJson}}`;
const code = (result: { json: { body: Record<string, unknown> } }) => (result.json.body['resultInfo'] as { resultCode: string }).resultCode;
const message = (result: { json: { body: Record<string, unknown> } }) => (result.json.body['resultInfo'] as { resultMsg: string }).resultMsg;

describe('fake Paytm initiateTransaction', () => {
  it('issues a token for a correctly signed request, in Paytm’s shape', () => {
    const { fake, call } = gateway();
    const result = call(INITIATE, signed(initiateBody('o1')), { mid: MID, orderId: 'o1' });
    expect(result.status).toBe(200);
    expect(result.json).toEqual({
      head: { responseTimestamp: '1735689600000', version: 'v1', signature: expect.any(String) },
      body: { extraParamsMap: null, resultInfo: { resultStatus: 'S', resultCode: '0000', resultMsg: 'Success' }, txnToken: 'tok_1', isPromoCodeValid: false, authenticated: false },
    });
    expect(Object.keys(result.json.head)).toEqual(['responseTimestamp', 'version', 'signature']);
    expectSignedBy({ body: result.text }, KEY);
    // Signed with the fake's salt source (09 09 09 → "CQkJ"), over exactly the body it sent.
    expect(result.json.head['signature']).toBe(signPaytmBody(signedParts(result.text).body, new Secret(KEY), Uint8Array.of(9, 9, 9)));
    expect(fake.issuedTokens).toEqual(['tok_1']);
    expect(fake.requests).toHaveLength(1);
  });

  it('verifies the signature over the raw body bytes, not a re-serialisation', () => {
    const { call } = gateway();
    const spaced = `{"mid": "${MID}", "orderId": "o2", "txnAmount": {"value": "1.00", "currency": "INR"}}`;
    expect(code(call(INITIATE, signed(spaced), { mid: MID, orderId: 'o2' }))).toBe('0000');
    const compactSignature = signPaytmBody(JSON.stringify(JSON.parse(spaced)), new Secret(KEY), Uint8Array.of(1, 1, 1));
    const mismatched = `{"head":{"signature":"${compactSignature}"},"body":${spaced}}`;
    expect(code(call(INITIATE, mismatched, { mid: MID, orderId: 'o2' }))).toBe('2005');
  });

  it('answers 2005 "Checksum provided is invalid" for a wrong key', () => {
    const { fake, call } = gateway();
    const result = call(INITIATE, signed(initiateBody('o3'), 'wrongwrongwrong1'), { mid: MID, orderId: 'o3' });
    expect(result.json.body['resultInfo']).toEqual({ resultStatus: 'F', resultCode: '2005', resultMsg: 'Checksum provided is invalid' });
    expect(result.json.body['txnToken']).toBeUndefined();
    expect(fake.issuedTokens).toHaveLength(0);
  });

  it('answers 0002 "Success Idempotent" with the original token for a repeated orderId', () => {
    const { fake, call } = gateway();
    call(INITIATE, signed(initiateBody('o4')), { mid: MID, orderId: 'o4' });
    const again = call(INITIATE, signed(initiateBody('o4')), { mid: MID, orderId: 'o4' });
    expect(again.json.body['resultInfo']).toEqual({ resultStatus: 'S', resultCode: '0002', resultMsg: 'Success Idempotent' });
    expect(again.json.body['txnToken']).toBe('tok_1');
    expect(fake.issuedTokens).toEqual(['tok_1']);
    expectSignedBy({ body: again.text }, KEY);
  });

  it('signs declines with the key of the merchant the request names, and leaves unknown merchants unsigned', () => {
    const { call } = gateway();
    const wrongKey = call(INITIATE, signed(initiateBody('o9'), 'wrongwrongwrong1'), { mid: MID, orderId: 'o9' });
    expect(code(wrongKey)).toBe('2005');
    expectSignedBy({ body: wrongKey.text }, KEY);
    const unknown = call(INITIATE, signed(initiateBody('o9').replace(MID, 'M2')), { mid: 'M2', orderId: 'o9' });
    expect(unknown.json.head['signature']).toBeUndefined();
  });

  it('refuses a request with two top-level "body" members', () => {
    const { fake, call } = gateway();
    const bodyJson = initiateBody('o10');
    const twice = signed(bodyJson).replace(/\}$/, `,"body":${bodyJson}}`);
    expect(message(call(INITIATE, twice, { mid: MID, orderId: 'o10' }))).toMatch(/more than one body member/);
    expect(fake.issuedTokens).toHaveLength(0);
  });

  it('refuses unknown merchants, query/body mismatches, bad orderIds, bad amounts, bad websites and malformed requests', () => {
    const { call } = gateway({ website: 'WEBSTAGING' });
    const bad = initiateBody('bad id');
    expect(message(call(INITIATE, signed(initiateBody('o5').replace(MID, 'M2')), { mid: 'M2', orderId: 'o5' }))).toMatch(/^Request parameters are not valid: unknown mid/);
    expect(message(call(INITIATE, signed(initiateBody('o5')), { mid: 'M9', orderId: 'o5' }))).toMatch(/mid in the query/);
    expect(message(call(INITIATE, signed(initiateBody('o5')), { mid: MID, orderId: 'o6' }))).toMatch(/orderId in the query/);
    expect(code(call(INITIATE, signed(bad), { mid: MID, orderId: 'bad id' }))).toBe('309');
    expect(code(call(INITIATE, signed(initiateBody('o5').replace('WEB"', 'WEBSTAGING"')), { mid: MID, orderId: 'o5' }))).toBe('0000');
    expect(message(call(INITIATE, signed(initiateBody('o7')), { mid: MID, orderId: 'o7' }))).toMatch(/websiteName/);
    expect(message(call(INITIATE, signed(initiateBody('o8').replace('10.00', 'ten').replace('WEB"', 'WEBSTAGING"')), { mid: MID, orderId: 'o8' }))).toMatch(/txnAmount/);
    expect(code(call(INITIATE, '{"head":', { mid: MID, orderId: 'o5' }))).toBe('1007');
    expect(code(call(INITIATE, signed(initiateBody('o5')), { mid: MID, orderId: 'o5' }, { 'content-type': 'text/plain' }))).toBe('1007');
  });
});

describe('fake Paytm processTransaction', () => {
  const issue = (call: ReturnType<typeof gateway>['call'], orderId: string) => {
    const result = call(INITIATE, signed(initiateBody(orderId)), { mid: MID, orderId });
    return result.json.body['txnToken'] as string;
  };
  const intent = (token: string, orderId: string) => `{"head":{"version":"v1","txnToken":"${token}"},"body":{"mid":"${MID}","orderId":"${orderId}","paymentMode":"UPI_INTENT"}}`;

  it('answers an intent with a upi:// deep link', () => {
    const { call } = gateway();
    const token = issue(call, 'p1');
    const result = call(PROCESS, intent(token, 'p1'), { mid: MID, orderId: 'p1' });
    expect(code(result)).toBe('0000');
    expect((result.json.body['deepLinkInfo'] as { deepLink: string }).deepLink).toMatch(/^upi:\/\/pay\?pa=m1@paytm&.*am=10\.00&cu=INR/);
    expectSignedBy({ body: result.text }, KEY);
  });

  it('answers a collect with its transId', () => {
    const { call } = gateway();
    const token = issue(call, 'p2');
    const body = `{"head":{"txnToken":"${token}"},"body":{"mid":"${MID}","orderId":"p2","paymentMode":"UPI","payerAccount":"a@upi","txnToken":"${token}"}}`;
    const result = call(PROCESS, body, { mid: MID, orderId: 'p2' });
    expect(code(result)).toBe('0000');
    expect(result.json.body['transId']).toEqual(expect.any(String));
    const noVpa = body.replace('a@upi', 'nobody');
    expect(code(call(PROCESS, noVpa, { mid: MID, orderId: 'p2' }))).toBe('1001');
  });

  it('answers 2004 for unknown tokens, 1001 for another order, 1006 once the lifetime has passed', () => {
    const { clock, call } = gateway({ tokenLifetimeSeconds: 60 });
    const token = issue(call, 'p3');
    expect(code(call(PROCESS, intent('nope', 'p3'), { mid: MID, orderId: 'p3' }))).toBe('2004');
    expect(code(call(PROCESS, intent(token, 'p4'), { mid: MID, orderId: 'p4' }))).toBe('1001');
    clock.advance(60_000);
    expect(code(call(PROCESS, intent(token, 'p3'), { mid: MID, orderId: 'p3' }))).toBe('0000');
    clock.advance(1);
    const expired = call(PROCESS, intent(token, 'p3'), { mid: MID, orderId: 'p3' });
    expect(expired.json.body['resultInfo']).toEqual({ resultStatus: 'F', resultCode: '1006', resultMsg: 'Your Session has expired' });
  });
});

describe('fake Paytm queue and reset', () => {
  it('enqueue answers the next request whatever the route; reset forgets everything', () => {
    const { fake, call } = gateway();
    fake.enqueue(paytmFakeAnswers.failure('501', 'System Error'));
    expect(code(call(PROCESS, '{}', {}))).toBe('501');
    expect(code(call(INITIATE, signed(initiateBody('r1')), { mid: MID, orderId: 'r1' }))).toBe('0000');
    expect(fake.requests).toHaveLength(2);
    fake.enqueue(paytmFakeAnswers.emptyBody());
    fake.reset();
    expect(fake.requests).toHaveLength(0);
    expect(fake.issuedTokens).toHaveLength(0);
    expect(code(call(INITIATE, signed(initiateBody('r1')), { mid: MID, orderId: 'r1' }))).toBe('0000');
  });

  it('defaults to random 32-hex-digit tokens', () => {
    const fake = createPaytmFakeGateway({ merchants: [{ merchantId: MID, merchantKey: KEY }] });
    const route = fake.routes[0];
    const answer = route?.handle({ method: 'POST', path: INITIATE, query: { mid: MID, orderId: 'x1' }, headers: { 'Content-Type': 'application/json' }, body: signed(initiateBody('x1')) });
    expect(fake.issuedTokens[0]).toMatch(/^[0-9a-f]{32}$/);
    expect(answer?.body).toContain(fake.issuedTokens[0]);
  });
});

describe('paytmFakeAnswers', () => {
  it('signs every {head, body} answer with the fixture key by default, or the key given', () => {
    for (const answer of [
      paytmFakeAnswers.success('t'),
      paytmFakeAnswers.failure('2005', 'Checksum provided is invalid'),
      paytmFakeAnswers.duplicate('t'),
      paytmFakeAnswers.clientErrorResultInfo(400),
      paytmFakeAnswers.clientErrorCallbackShape(400),
      paytmFakeAnswers.serverError(503),
    ]) {
      expectSignedBy(answer, PAYTM_FIXTURE_MERCHANT_KEY);
    }
    expectSignedBy(paytmFakeAnswers.duplicate('t', { merchantKey: 'otherKey12345678' }), 'otherKey12345678');
    expect(paytmFakeAnswers.success('t', { salt: Uint8Array.of(1, 2, 3) }).body).toBe(paytmFakeAnswers.success('t', { salt: Uint8Array.of(1, 2, 3) }).body);
  });

  it('signedPaytmAnswer signs any body, head fields first and signature last', () => {
    const answer = signedPaytmAnswer(201, { a: 1 }, { merchantKey: KEY, salt: Uint8Array.of(0, 0, 0) }, { version: 'v1' });
    expect(answer.status).toBe(201);
    expect(answer.body).toBe(`{"head":{"version":"v1","signature":"${signPaytmBody('{"a":1}', new Secret(KEY), Uint8Array.of(0, 0, 0))}"},"body":{"a":1}}`);
  });

  it('builds each answer with the expected status and JSON validity', () => {
    expect(paytmFakeAnswers.duplicate('t').body).toContain('"resultCode":"0002"');
    expect(paytmFakeAnswers.success('t').status).toBe(200);
    expect(paytmFakeAnswers.clientErrorResultInfo(400).status).toBe(400);
    expect(paytmFakeAnswers.clientErrorCallbackShape(404).status).toBe(404);
    expect(paytmFakeAnswers.clientErrorFlatShape(401).status).toBe(401);
    expect(paytmFakeAnswers.serverError(500).status).toBe(500);
    expect(paytmFakeAnswers.htmlError(502).headers).toEqual({ 'content-type': 'text/html' });
    expect(() => JSON.parse(paytmFakeAnswers.malformedJson().body)).toThrow();
    expect(paytmFakeAnswers.emptyBody().body).toBe('');
  });
});
