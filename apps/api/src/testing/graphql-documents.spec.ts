import 'reflect-metadata';
import {
  API_KEYS,
  CLIENT_SIGNING_KEYS,
  CONNECTOR_ACCOUNTS,
  CONNECTORS_QUERY,
  CREATE_API_KEY,
  CREATE_CONNECTOR_ACCOUNT,
  CREATE_SESSION_TOKEN,
  DISABLE_CONNECTOR_ACCOUNT,
  ENABLE_CONNECTOR_ACCOUNT,
  PAYMENT_SESSION,
  PAYMENT_SESSIONS,
  REGISTER_CLIENT_SIGNING_KEY,
  REVOKE_API_KEY,
  REVOKE_CLIENT_SIGNING_KEY,
  REVOKE_PAYMENT_SESSION,
  UPDATE_CONNECTOR_ACCOUNT,
  UPI_GET_SESSION_TOKEN,
  UPDATE_AUTH,
  UPI_CUSTOMER,
  RECORD_UPI_DEVICE_BINDING,
  REVOKE_UPI_DEVICE_BINDING,
  LINK_UPI_ACCOUNT,
  UNLINK_UPI_ACCOUNT,
  CREATE_CLIENT_AUTH_TOKEN,
  CREATE_PAYMENT,
  PAYMENT,
  PAYMENTS,
  CANCEL_PAYMENT,
  CREATE_WALLET_SESSION_TOKENS,
} from '@prism-sessions/testing-graphql-documents';
import { parse, validate, type GraphQLSchema } from 'graphql';
import { buildAppSchema } from '../graphql/schema';

// The documents shared by the integration specs, the e2e suite and the benchmark must stay valid
// against the schema: a renamed field fails here, not in a 25-minute benchmark run.
const documents = {
  CREATE_SESSION_TOKEN,
  PAYMENT_SESSION,
  PAYMENT_SESSIONS,
  REVOKE_PAYMENT_SESSION,
  CONNECTORS_QUERY,
  CREATE_API_KEY,
  REVOKE_API_KEY,
  API_KEYS,
  REGISTER_CLIENT_SIGNING_KEY,
  REVOKE_CLIENT_SIGNING_KEY,
  CLIENT_SIGNING_KEYS,
  CREATE_CONNECTOR_ACCOUNT,
  UPDATE_CONNECTOR_ACCOUNT,
  DISABLE_CONNECTOR_ACCOUNT,
  ENABLE_CONNECTOR_ACCOUNT,
  CONNECTOR_ACCOUNTS,
  UPI_GET_SESSION_TOKEN,
  UPDATE_AUTH,
  UPI_CUSTOMER,
  RECORD_UPI_DEVICE_BINDING,
  REVOKE_UPI_DEVICE_BINDING,
  LINK_UPI_ACCOUNT,
  UNLINK_UPI_ACCOUNT,
  CREATE_CLIENT_AUTH_TOKEN,
  CREATE_PAYMENT,
  PAYMENT,
  PAYMENTS,
  CANCEL_PAYMENT,
  CREATE_WALLET_SESSION_TOKENS,
};

describe('@prism-sessions/testing-graphql-documents', () => {
  let schema: GraphQLSchema;
  beforeAll(async () => {
    // Building the schema calls no resolver: placeholders will do.
    schema = await buildAppSchema();
  });

  it('exports exactly the documents index.d.ts declares (the list above)', () => {
    const runtime = jest.requireActual<Record<string, unknown>>('@prism-sessions/testing-graphql-documents');
    expect(Object.keys(runtime).sort()).toEqual(Object.keys(documents).sort());
  });

  it.each(Object.entries(documents))('%s is a valid, named operation', (_name, text) => {
    const document = parse(text);
    expect(validate(schema, document)).toEqual([]);
    expect(document.definitions).toEqual([expect.objectContaining({ kind: 'OperationDefinition', name: expect.objectContaining({ value: expect.any(String) }) })]);
  });
});
