'use strict';
/**
 * `npm run dev` helper: gives the development merchant one default test-mode connector account per
 * simulator demo merchant, so createSessionToken works in Apollo Sandbox with only the
 * Authorization header. The credentials are the simulator's public demo values, read from the
 * `x-connector-config: …` lines of its banner (one source of truth). Idempotent: an account with the
 * demo label is not created twice.
 */
const { CONNECTOR_ACCOUNTS, CREATE_CONNECTOR_ACCOUNT } = require('../../libs/testing/graphql-documents/src/index.js');

/** The demo `x-connector-config` of a simulator banner line, or null. */
function demoConfigOf(line) {
  const match = /^\s*x-connector-config: (\{.*\})\s*$/.exec(line);
  if (!match) return null;
  const variants = Object.entries(JSON.parse(match[1]).config ?? {});
  if (variants.length !== 1) return null;
  const [configKey, credentials] = variants[0];
  return { connector: configKey.toUpperCase(), label: `Simulator demo (${configKey})`, credentials };
}

async function gql(url, apiKey, query, variables) {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${apiKey}` }, body: JSON.stringify({ query, variables }) });
  const body = await response.json();
  if (body.errors) throw new Error(body.errors.map((e) => e.message).join('; '));
  return body.data;
}

/** Creates the missing demo accounts; returns the labels created. */
async function ensureDemoAccounts(url, apiKey, demos) {
  const existing = new Set((await gql(url, apiKey, CONNECTOR_ACCOUNTS, {})).connectorAccounts.map((account) => account.label));
  const created = [];
  for (const demo of demos) {
    if (existing.has(demo.label)) continue;
    const input = { connector: demo.connector, label: demo.label, testMode: true, isDefault: true, credentials: demo.credentials };
    const { createConnectorAccount } = await gql(url, apiKey, CREATE_CONNECTOR_ACCOUNT, { input });
    if (createConnectorAccount.error) throw new Error(`${demo.label}: ${createConnectorAccount.error.unifiedDetails.message}`);
    created.push(demo.label);
  }
  return created;
}

module.exports = { demoConfigOf, ensureDemoAccounts };
