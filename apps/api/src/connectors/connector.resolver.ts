import { Query, Resolver } from 'type-graphql';
import { fromConnectorId } from '../graphql/types/enums';
import { CONNECTOR_IDS, type ConnectorRegistry } from './connector-registry';
import { ConnectorInfoType } from './connector-info.type';

@Resolver(() => ConnectorInfoType)
export class ConnectorResolver {
  constructor(
    private readonly registry: ConnectorRegistry,
    private readonly expiryMarginSeconds: number,
  ) {}

  @Query(() => [ConnectorInfoType], { description: 'Every connector with its capabilities.' })
  connectors(): ConnectorInfoType[] {
    return CONNECTOR_IDS.map((id) => {
      const connector = this.registry[id];
      return Object.assign(new ConnectorInfoType(), {
        id: fromConnectorId(id),
        displayName: connector.displayName,
        requiresSessionToken: connector.capabilities.requiresSessionToken,
        sessionTokenLifetimeSeconds: connector.capabilities.sessionTokenLifetimeSeconds,
        expiryMarginSeconds: this.expiryMarginSeconds,
        ordersPerSessionToken: connector.capabilities.ordersPerSessionToken,
        supportedCurrencies: [...connector.capabilities.supportedCurrencies],
      });
    });
  }
}
