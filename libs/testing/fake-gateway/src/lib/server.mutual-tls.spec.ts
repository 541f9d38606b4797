import { request, type RequestOptions } from 'node:https';
import { createApplePayFakeGateway } from './apple-pay/apple-pay-fake-gateway';
import { startFakeGatewayServer, type FakeGatewayServer } from './server';
import { createTestCertificateAuthority } from './test-pki/test-certificate-authority';

const ca = createTestCertificateAuthority();
const serverCertificate = ca.issueServerCertificate();
const identity = ca.issueApplePayMerchantIdentity({ merchantIdentifier: 'merchant.com.example' });
const body = JSON.stringify({ merchantIdentifier: 'merchant.com.example', displayName: 'Shop', initiative: 'web', initiativeContext: 'shop.example.com' });

function post(url: string, tls: Pick<RequestOptions, 'cert' | 'key'>): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method: 'POST', ca: ca.certificatePem, ...tls, headers: { 'content-type': 'application/json' } }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (text += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

describe('startFakeGatewayServer with a mutual-TLS listener', () => {
  let server: FakeGatewayServer;
  const fake = createApplePayFakeGateway({ merchants: [{ merchantIdentifier: 'merchant.com.example' }] });

  beforeAll(async () => {
    server = await startFakeGatewayServer({
      mutualTls: { serverCertificatePem: serverCertificate.certificatePem, serverPrivateKeyPem: serverCertificate.privateKeyPem, clientCaPem: ca.certificatePem, gateways: { apple_pay: fake } },
      onReset: () => fake.reset(),
    });
  });
  afterEach(() => server.reset());
  afterAll(() => server.stop());

  it('serves the TLS gateways under https and lists them with the others', () => {
    expect(server.tlsUrl).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
    expect(server.baseUrl('apple_pay')).toBe(`${server.tlsUrl}/apple_pay`);
    expect(server.connectors).toEqual(['apple_pay']);
  });

  it('hands the route the verified client certificate and records the request', async () => {
    const answer = await post(`${server.baseUrl('apple_pay')}/paymentservices/paymentSession`, { cert: identity.certificatePem, key: identity.privateKeyPem });
    expect(answer.status).toBe(200);
    expect(fake.requests[0]?.clientCertificate.subject['UID']).toBe('merchant.com.example');
    expect(server.callCount('apple_pay')).toBe(1);
  });

  it('drops a client without a certificate, or with one from another CA, before any request is recorded', async () => {
    const foreign = createTestCertificateAuthority().issueApplePayMerchantIdentity({ merchantIdentifier: 'merchant.com.example' });
    await expect(post(`${server.baseUrl('apple_pay')}/paymentservices/paymentSession`, {})).rejects.toThrow();
    await expect(post(`${server.baseUrl('apple_pay')}/paymentservices/paymentSession`, { cert: foreign.certificatePem, key: foreign.privateKeyPem })).rejects.toThrow();
    expect(server.callCount('apple_pay')).toBe(0);
  });

  it('takes faults for the TLS gateway through the control endpoint of the plain listener', async () => {
    const armed = await fetch(`${server.url}/__control/faults`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ connector: 'apple_pay', fault: { kind: 'status', status: 503, body: 'down' }, times: 1 }) });
    expect(armed.status).toBe(204);
    const tls = { cert: identity.certificatePem, key: identity.privateKeyPem };
    expect((await post(`${server.baseUrl('apple_pay')}/paymentservices/paymentSession`, tls)).status).toBe(503);
    expect((await post(`${server.baseUrl('apple_pay')}/paymentservices/paymentSession`, tls)).status).toBe(200);
  });

  it('serves neither the control endpoint nor plain gateways on the TLS listener', async () => {
    const answer = await post(`${server.tlsUrl}/__control/health`, { cert: identity.certificatePem, key: identity.privateKeyPem });
    expect(answer.status).toBe(404);
  });

  it('refuses the same id on both listeners', async () => {
    await expect(
      startFakeGatewayServer({
        gateways: { apple_pay: { routes: [] } },
        mutualTls: { serverCertificatePem: serverCertificate.certificatePem, serverPrivateKeyPem: serverCertificate.privateKeyPem, clientCaPem: ca.certificatePem, gateways: { apple_pay: fake } },
      }),
    ).rejects.toThrow('served both in plain HTTP and over mutual TLS');
  });
});
