/** The client's browser/device details (upstream `BrowserInformation`, the 15 fields in camelCase). All optional. */
export interface BrowserInformation {
  /** Screen colour depth in bits per pixel (upstream field 1). */
  readonly colorDepth?: number;
  /** Screen height in pixels. */
  readonly screenHeight?: number;
  /** Screen width in pixels. */
  readonly screenWidth?: number;
  /** Whether Java is enabled in the browser. */
  readonly javaEnabled?: boolean;
  /** Whether JavaScript is enabled in the browser. */
  readonly javaScriptEnabled?: boolean;
  /** Browser language, e.g. `en-US`. */
  readonly language?: string;
  /** Offset from UTC in minutes, as `Date#getTimezoneOffset` returns it. */
  readonly timeZoneOffsetMinutes?: number;
  /** The browser's `Accept` header. */
  readonly acceptHeader?: string;
  /** The browser's `User-Agent` header. */
  readonly userAgent?: string;
  /** The browser's `Accept-Language` header. */
  readonly acceptLanguage?: string;
  /** The page the customer came from. */
  readonly referer?: string;
  /** The customer's IP address (Nuvei `deviceDetails.ipAddress`, required for authorize). */
  readonly ipAddress?: string;
  /** Operating system; Paytm sends `channelId` `WAP` when it contains `android` or `ios`, else `WEB`. */
  readonly osType?: string;
  /** Operating-system version. */
  readonly osVersion?: string;
  /** Device model. */
  readonly deviceModel?: string;
}
