'use strict';
/**
 * The GraphQL documents the integration harness (apps/api/src/testing), the e2e suite (apps/api-e2e)
 * and the benchmark (bench/) send to the API. Plain CommonJS so that `node bench/run.js` can require
 * it without a build step; the types are in index.d.ts. Every document is checked against the API's
 * schema by apps/api/src/testing/graphql-documents.spec.ts.
 *
 * The benchmark sends CREATE_SESSION_TOKEN and PAYMENT_SESSION as they are: a change to their text
 * changes what the benchmark measures.
 */

/** createSessionToken with every field a client may read. */
const CREATE_SESSION_TOKEN = `
  mutation Create($input: CreateSessionTokenInput!) {
    createSessionToken(input: $input) {
      sessionToken
      statusCode
      replayed
      error {
        retryable
        source
        gatewayHttpStatus
        unifiedDetails { code message description userGuidanceMessage }
        connectorDetails { code message reason }
      }
      session {
        id merchantSessionId connector status testMode expiresAt createdAt attemptCount
        amount { minorAmount currency formatted }
      }
    }
  }
`;

/** One session by id, with its token (null for another merchant's or a missing id). */
const PAYMENT_SESSION = `
  query Session($id: ID!) {
    paymentSession(id: $id) {
      id merchantSessionId connector status testMode expiresAt createdAt attemptCount token
      amount { minorAmount currency formatted }
    }
  }
`;

/** A page of the calling merchant's sessions, with why each failed; every variable is optional (`first` defaults to 20). */
const PAYMENT_SESSIONS = `
  query Sessions($first: Int, $after: String, $filter: PaymentSessionFilter) {
    paymentSessions(first: $first, after: $after, filter: $filter) {
      edges {
        cursor
        node {
          id merchantSessionId connector status testMode expiresAt createdAt attemptCount token
          amount { minorAmount currency formatted }
          error { retryable source unifiedDetails { code message } }
        }
      }
      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
    }
  }
`;

/** revokePaymentSession: the session's new status and token (null once revoked), or why not. */
const REVOKE_PAYMENT_SESSION = `
  mutation Revoke($id: ID!) {
    revokePaymentSession(id: $id) {
      session { status token }
      error { retryable source unifiedDetails { code message } }
    }
  }
`;

/** The connectors and what each supports (any merchant may ask). */
const CONNECTORS_QUERY = `
  query Connectors {
    connectors { id }
  }
`;

module.exports = { CREATE_SESSION_TOKEN, PAYMENT_SESSION, PAYMENT_SESSIONS, REVOKE_PAYMENT_SESSION, CONNECTORS_QUERY };
