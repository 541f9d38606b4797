import { resolveTarget } from './router';

describe('resolveTarget', () => {
  it.each([
    ['/nuvei/getSessionToken.do', { kind: 'connector', connector: 'nuvei', path: '/getSessionToken.do', query: {} }],
    ['/nuvei', { kind: 'connector', connector: 'nuvei', path: '', query: {} }],
    ['/paytm/theia/api/v1/initiateTransaction?mid=M&orderId=o1', { kind: 'connector', connector: 'paytm', path: '/theia/api/v1/initiateTransaction', query: { mid: 'M', orderId: 'o1' } }],
    ['/paytm//v3/order/status', { kind: 'connector', connector: 'paytm', path: '//v3/order/status', query: {} }],
    ['/__control/requests?connector=nuvei', { kind: 'control', path: '/requests', query: { connector: 'nuvei' } }],
    ['/nuveix/getSessionToken.do', { kind: 'unknown' }],
    ['//nuvei/getSessionToken.do', { kind: 'unknown' }],
    ['/', { kind: 'unknown' }],
  ])('%s', (url, expected) => {
    expect(resolveTarget(url, ['nuvei', 'paytm'])).toEqual(expected);
  });
});
