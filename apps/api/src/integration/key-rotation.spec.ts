import { createFieldEncryptor, DecryptionError, generateEncryptionKey, parseEncryptionKey } from '../crypto/field-encryption';
import { tokenAad, metadataAad, accessTokenAad, connectorAccountCredentialsAad, connectorAccountWalletConfigAad } from '../crypto/column-aad';
import { rotateEncryptionKeys } from '../crypto/key-rotation';
import { CREATE_CONNECTOR_ACCOUNT, CREATE_SESSION_TOKEN } from '@prism-sessions/testing-graphql-documents';
import { authHeaders, nuveiConfigHeader, startIntegrationEnv, TEST_NUVEI, type IntegrationEnv } from '../testing/integration-harness';

jest.setTimeout(60_000);

let env: IntegrationEnv;

beforeAll(async () => {
  env = await startIntegrationEnv();
});
afterAll(async () => {
  await env?.close();
});

describe('encryption at rest and key rotation', () => {
  it('stores tokens, metadata and access tokens only as ciphertext, and keys:rotate re-seals them under the new key', async () => {
    const input = {
      connector: 'NUVEI',
      merchantSessionId: 'rotate_1',
      amount: { minorAmount: 1000, currency: 'USD' },
      metadata: 'order-notes-plaintext',
      state: { accessToken: { token: 'access-token-plaintext', expiresInSeconds: 60 } },
    };
    const res = await env.gql<{ createSessionToken: { sessionToken: string; session: { id: string } } }>(CREATE_SESSION_TOKEN, { input }, authHeaders(env.merchantA.apiKey, nuveiConfigHeader()));
    const { sessionToken, session } = res.data?.createSessionToken ?? { sessionToken: '', session: { id: '' } };
    const oldKeyId = parseEncryptionKey(env.encryptionKey).id;

    const before = await env.prisma.paymentSession.findUniqueOrThrow({ where: { id: session.id } });
    expect(before.encryptionKeyId).toBe(oldKeyId);
    for (const column of [before.tokenCiphertext, before.metadataCiphertext]) expect(Buffer.from(column ?? []).toString('latin1')).not.toMatch(/plaintext|[0-9a-f]{8}-/);

    const credentials = { merchant_id: TEST_NUVEI.merchantId, merchant_site_id: TEST_NUVEI.merchantSiteId, merchant_secret: TEST_NUVEI.merchantSecret };
    const created = await env.gql<{ createConnectorAccount: { connectorAccount: { id: string } } }>(
      CREATE_CONNECTOR_ACCOUNT,
      { input: { connector: 'NUVEI', label: 'rotate', testMode: true, credentials, walletConfig: { googlePay: { merchantName: 'Rotate', gatewayMerchantId: 'googletest' } } } },
      authHeaders(env.merchantA.apiKey),
    );
    const accountId = created.data?.createConnectorAccount.connectorAccount.id ?? '';
    const accountBefore = await env.prisma.connectorAccount.findUniqueOrThrow({ where: { id: accountId } });
    expect(accountBefore.encryptionKeyId).toBe(oldKeyId);
    expect(Buffer.from(accountBefore.credentialsCiphertext).toString('latin1')).not.toContain(TEST_NUVEI.merchantSecret);

    const newKey = generateEncryptionKey();
    const rotator = createFieldEncryptor(newKey, env.encryptionKey);
    expect(await rotateEncryptionKeys(env.prisma, rotator)).toEqual({ sessions: 1, connectorStates: 1, connectorAccounts: 1, walletConfigs: 1 });
    expect(await rotateEncryptionKeys(env.prisma, rotator)).toEqual({ sessions: 0, connectorStates: 0, connectorAccounts: 0, walletConfigs: 0 });

    const after = await env.prisma.paymentSession.findUniqueOrThrow({ where: { id: session.id } });
    const state = await env.prisma.connectorState.findFirstOrThrow({ where: { merchantId: env.merchantA.id } });
    const newOnly = createFieldEncryptor(newKey);
    expect(after.encryptionKeyId).toBe(newOnly.currentKeyId);
    expect(newOnly.decrypt(after.tokenCiphertext ?? new Uint8Array(), after.encryptionKeyId ?? '', tokenAad(session.id))).toBe(sessionToken);
    expect(newOnly.decrypt(after.metadataCiphertext ?? new Uint8Array(), after.encryptionKeyId ?? '', metadataAad(session.id))).toBe('order-notes-plaintext');
    expect(newOnly.decrypt(state.accessTokenCiphertext ?? new Uint8Array(), state.encryptionKeyId ?? '', accessTokenAad(env.merchantA.id, 'nuvei'))).toBe('access-token-plaintext');
    const account = await env.prisma.connectorAccount.findUniqueOrThrow({ where: { id: accountId } });
    expect(account.encryptionKeyId).toBe(newOnly.currentKeyId);
    expect(JSON.parse(newOnly.decrypt(account.credentialsCiphertext, account.encryptionKeyId, connectorAccountCredentialsAad(env.merchantA.id, accountId)))).toEqual(credentials);
    expect(account.walletConfigKeyId).toBe(newOnly.currentKeyId);
    expect(JSON.parse(newOnly.decrypt(account.walletConfigCiphertext ?? new Uint8Array(), account.walletConfigKeyId ?? '', connectorAccountWalletConfigAad(env.merchantA.id, accountId)))).toMatchObject({ googlePay: { merchantName: 'Rotate' } });
    // Bound to its row: the same ciphertext does not open as another account's.
    expect(() => newOnly.decrypt(account.credentialsCiphertext, account.encryptionKeyId, connectorAccountCredentialsAad(env.merchantB.id, accountId))).toThrow(DecryptionError);
    const oldOnly = createFieldEncryptor(env.encryptionKey);
    expect(() => oldOnly.decrypt(after.tokenCiphertext ?? new Uint8Array(), after.encryptionKeyId ?? '', tokenAad(session.id))).toThrow(DecryptionError);
  });
});
