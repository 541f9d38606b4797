import { IntegrationError, type Clock, type FlowName } from '@prism-sessions/connector-interfaces';
import type { BrowserInformation } from '@prism-sessions/domain-types';
import { CHANNEL_ID_WAP, CHANNEL_ID_WEB, ORDER_ID_PATTERN } from '../paytm.constants';
import type { PaytmChannelId } from '../wire/paytm.requests';

/**
 * Paytm `channelId` from the client's OS: Android or iOS (case-insensitive substring) → `WAP`,
 * any other OS → `WEB`, no OS → `undefined` (each request decides between omit and null).
 */
export function paytmChannelId(browserInfo: BrowserInformation | undefined): PaytmChannelId | undefined {
  const osType = browserInfo?.osType;
  if (osType === undefined) return undefined;
  const os = osType.toLowerCase();
  return os.includes('android') || os.includes('ios') ? CHANNEL_ID_WAP : CHANNEL_ID_WEB;
}

/** `requestTimestamp`: Unix epoch seconds as a decimal string, from the injected clock. */
export function paytmRequestTimestamp(clock: Clock): string {
  return String(Math.floor(clock.now().getTime() / 1000));
}

/**
 * Checks the reference id against Paytm's orderId rule (1-50 of `[A-Za-z0-9_-]`) before anything
 * is built. The message never echoes the value.
 * @throws IntegrationError `INVALID_ORDER_ID`
 */
export function assertPaytmOrderId(orderId: string, flow: FlowName, field: string): string {
  if (typeof orderId !== 'string' || !ORDER_ID_PATTERN.test(orderId)) {
    throw new IntegrationError('INVALID_ORDER_ID', `${field} must be 1-50 characters of letters, digits, "_" or "-" (Paytm orderId rule)`, {
      connector: 'paytm',
      flow,
      field,
      suggestedAction: 'Use a merchant reference of at most 50 characters from A-Z, a-z, 0-9, "_" and "-"',
    });
  }
  return orderId;
}
