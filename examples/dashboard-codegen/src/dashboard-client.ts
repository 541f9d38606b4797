import { print } from 'graphql';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { RecentSessionsDocument, RevokeSessionDocument, type RecentSessionsQuery } from './generated/graphql';

/** Where the dashboard's server side reaches the API, and with which merchant API key. */
export interface ApiClientOptions {
  readonly url: string;
  readonly apiKey: string;
}

/** Sends one generated operation; the result and variables types come from the document. */
export async function execute<Result, Variables>(options: ApiClientOptions, document: TypedDocumentNode<Result, Variables>, variables: Variables): Promise<Result> {
  const response = await fetch(options.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${options.apiKey}` },
    body: JSON.stringify({ query: print(document), variables }),
  });
  const body = (await response.json()) as { data?: Result; errors?: Array<{ message: string }> };
  if (body.errors?.length || body.data === undefined) throw new Error(body.errors?.map((error) => error.message).join('; ') ?? `HTTP ${response.status}`);
  return body.data;
}

type SessionRow = RecentSessionsQuery['paymentSessions']['edges'][number]['node'];

/** One table row of the dashboard: every field below is typed from the schema. */
export function describeSession(session: SessionRow): string {
  const problem = session.error ? ` (${session.error.unifiedDetails.code}${session.error.retryable ? ', retryable' : ''})` : '';
  return `${session.merchantSessionId} ${session.connector} ${session.amount.formatted} ${session.amount.currency}: ${session.status}${problem}`;
}

/** The first page of recent sessions, one line each. */
export async function recentSessionLines(options: ApiClientOptions): Promise<string[]> {
  const data = await execute(options, RecentSessionsDocument, { first: 20 });
  return data.paymentSessions.edges.map((edge) => describeSession(edge.node));
}

/** Revokes a session; returns its new status, or the error the API explained. */
export async function revoke(options: ApiClientOptions, id: string): Promise<string> {
  const { revokePaymentSession } = await execute(options, RevokeSessionDocument, { id });
  return revokePaymentSession.session?.status ?? `not revoked: ${revokePaymentSession.error?.unifiedDetails.message ?? 'unknown'}`;
}
