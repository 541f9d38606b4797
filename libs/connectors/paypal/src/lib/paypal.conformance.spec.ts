import { describeConnectorConformance } from '@prism-sessions/connector-interfaces/testing';
import { paypalConformanceFixtures } from '../testing/paypal.conformance-fixtures';
import { paypalConnector } from './paypal.connector';

// The shared kit every connector runs: identity, flow table, credentials, deterministic requests,
// every answer class, and no secret in any request, outcome or error.
describeConnectorConformance(paypalConnector, paypalConformanceFixtures);
