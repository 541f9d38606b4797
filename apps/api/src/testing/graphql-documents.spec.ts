import 'reflect-metadata';
import * as allDocuments from '@org/testing-graphql-documents';
import { parse, validate, type GraphQLSchema } from 'graphql';
import type { ConnectorResolver } from '../connectors/connector.resolver';
import { buildAppSchema } from '../graphql/schema';
import type { PaymentSessionResolver } from '../payment-sessions/payment-session.resolver';
import type { ConnectorAccountResolver } from '../connector-accounts/connector-account.resolver';

// The documents shared by the integration specs, the e2e suite and the benchmark must stay valid
// against the schema: a renamed field fails here, not in a 25-minute benchmark run.
const {
  CREATE_SESSION_TOKEN,
  PAYMENT_SESSION,
  PAYMENT_SESSIONS,
  REVOKE_PAYMENT_SESSION,
  CREATE_CONNECTOR_ACCOUNT,
  UPDATE_CONNECTOR_ACCOUNT,
  DISABLE_CONNECTOR_ACCOUNT,
  ENABLE_CONNECTOR_ACCOUNT,
  CONNECTOR_ACCOUNTS,
} = allDocuments;
const documents = {
  CREATE_SESSION_TOKEN,
  PAYMENT_SESSION,
  PAYMENT_SESSIONS,
  REVOKE_PAYMENT_SESSION,
  CREATE_CONNECTOR_ACCOUNT,
  UPDATE_CONNECTOR_ACCOUNT,
  DISABLE_CONNECTOR_ACCOUNT,
  ENABLE_CONNECTOR_ACCOUNT,
  CONNECTOR_ACCOUNTS,
};

describe('@org/testing-graphql-documents', () => {
  let schema: GraphQLSchema;
  beforeAll(async () => {
    // Building the schema calls no resolver: placeholders will do.
    schema = await buildAppSchema({ paymentSessions: {} as PaymentSessionResolver, connectors: {} as ConnectorResolver, connectorAccounts: {} as ConnectorAccountResolver });
  });

  it('exports exactly the documents index.d.ts declares (the list above)', () => {
    const runtime = jest.requireActual<Record<string, unknown>>('@org/testing-graphql-documents');
    expect(Object.keys(runtime).sort()).toEqual(Object.keys(documents).sort());
  });

  it.each(Object.entries(documents))('%s is a valid, named operation', (_name, text) => {
    const document = parse(text);
    expect(validate(schema, document)).toEqual([]);
    expect(document.definitions).toEqual([expect.objectContaining({ kind: 'OperationDefinition', name: expect.objectContaining({ value: expect.any(String) }) })]);
  });
});
