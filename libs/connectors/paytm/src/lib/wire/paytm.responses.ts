import { z } from 'zod';

const optionalString = z.string().nullish();

/** `resultInfo`: all three fields required (upstream `PaytmResultInfo`). */
export const paytmResultInfoSchema = z.object({
  resultStatus: z.string(),
  resultCode: z.string(),
  resultMsg: z.string(),
});

/** Response head (upstream `PaytmRespHead`): only `version` is required. */
export const paytmResponseHeadSchema = z.object({
  responseTimestamp: optionalString,
  version: z.string(),
  clientId: optionalString,
  signature: optionalString,
});

/**
 * initiateTransaction 2xx answer. The body is untagged upstream: a string `txnToken` makes it the
 * success shape, otherwise it is the failure shape. Other body fields are ignored.
 */
export const paytmInitiateTransactionResponseSchema = z.object({
  head: paytmResponseHeadSchema,
  body: z.object({ resultInfo: paytmResultInfoSchema, txnToken: z.unknown().optional() }),
});

/** A parsed initiateTransaction answer. */
export type PaytmInitiateTransactionResponse = z.infer<typeof paytmInitiateTransactionResponseSchema>;

/** processTransaction 2xx answer (intent: `deepLinkInfo`; collect: top-level `transId`). */
export const paytmProcessTransactionResponseSchema = z.object({
  head: z.object({}),
  body: z.object({
    resultInfo: paytmResultInfoSchema,
    deepLinkInfo: z.object({ deepLink: z.string(), transId: optionalString, orderId: optionalString }).nullish(),
    transId: optionalString,
  }),
});

/** A parsed processTransaction answer. */
export type PaytmProcessTransactionResponse = z.infer<typeof paytmProcessTransactionResponseSchema>;

const resultInfoErrorSchema = z.object({
  head: paytmResponseHeadSchema,
  body: z.object({ extraParamsMap: z.unknown().optional(), resultInfo: paytmResultInfoSchema }),
});

const callbackErrorSchema = z.object({
  head: paytmResponseHeadSchema,
  body: z.object({
    resultInfo: paytmResultInfoSchema,
    txnInfo: z.object({ respCode: optionalString, RESPCODE: optionalString, respMsg: optionalString, RESPMSG: optionalString }),
  }),
});

const flatErrorSchema = z.object({
  errorCode: optionalString,
  errorMessage: optionalString,
  errorDescription: optionalString,
  transactionId: optionalString,
});

/** Non-2xx shape 1: `{head, body:{extraParamsMap?, resultInfo}}`. */
export function parsePaytmResultInfoError(json: unknown): z.infer<typeof resultInfoErrorSchema> | undefined {
  const parsed = resultInfoErrorSchema.safeParse(json);
  return parsed.success ? parsed.data : undefined;
}

/** Non-2xx shape 2 (callback): `{head, body:{resultInfo, txnInfo:{respCode|RESPCODE, respMsg|RESPMSG}}}`. */
export function parsePaytmCallbackError(json: unknown): z.infer<typeof callbackErrorSchema> | undefined {
  const parsed = callbackErrorSchema.safeParse(json);
  return parsed.success ? parsed.data : undefined;
}

/** Non-2xx shape 3: `{errorCode?, errorMessage?, errorDescription?, transactionId?}`. */
export function parsePaytmFlatError(json: unknown): z.infer<typeof flatErrorSchema> | undefined {
  const parsed = flatErrorSchema.safeParse(json);
  return parsed.success ? parsed.data : undefined;
}
