/** The client's browser/device details (upstream `BrowserInformation`, the 15 fields in camelCase). All optional. */
export interface BrowserInformation {
  readonly colorDepth?: number;
  readonly screenHeight?: number;
  readonly screenWidth?: number;
  readonly javaEnabled?: boolean;
  readonly javaScriptEnabled?: boolean;
  readonly language?: string;
  readonly timeZoneOffsetMinutes?: number;
  readonly acceptHeader?: string;
  readonly userAgent?: string;
  readonly acceptLanguage?: string;
  readonly referer?: string;
  readonly ipAddress?: string;
  readonly osType?: string;
  readonly osVersion?: string;
  readonly deviceModel?: string;
}
