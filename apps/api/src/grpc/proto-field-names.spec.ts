import { protoFieldName, SERVER_SESSION_FIELDS } from './proto-field-names';

describe('protoFieldName', () => {
  it('turns GraphQL input paths into proto field paths', () => {
    expect(protoFieldName('input.merchantSessionId')).toBe('merchant_session_id');
    expect(protoFieldName('input.amount.minorAmount')).toBe('amount.minor_amount');
    expect(protoFieldName('input.browserInfo.ipAddress')).toBe('browser_info.ip_address');
    expect(protoFieldName('input.metadata')).toBe('metadata.value');
    expect(protoFieldName('input.state.accessToken.token')).toBe('state.access_token.token.value');
    expect(protoFieldName('input')).toBe('request');
  });

  it('keeps header names and already-proto paths', () => {
    expect(protoFieldName('x-connector-config.config.Nuvei.merchant_id')).toBe('x-connector-config.config.Nuvei.merchant_id');
    expect(protoFieldName('amount.currency')).toBe('amount.currency');
  });

  it('names CS-C fields as the caller sent them', () => {
    expect(protoFieldName('input.merchantSessionId', SERVER_SESSION_FIELDS)).toBe('merchant_server_session_id');
    expect(protoFieldName('input.amount.minorAmount', SERVER_SESSION_FIELDS)).toBe('payment.amount.minor_amount');
    expect(protoFieldName('input.browserInfo.referer', SERVER_SESSION_FIELDS)).toBe('payment.browser_info.referer');
    expect(protoFieldName('input.testMode', SERVER_SESSION_FIELDS)).toBe('test_mode');
  });
});
