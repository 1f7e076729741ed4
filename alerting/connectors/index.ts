import type { NocConfig } from '../../config/load';
import type { Connector } from './contract';
import { EmailConnector } from './email';
import { GlpiConnector } from './glpi';
import { OsTicketConnector } from './osticket';
import { RtConnector } from './rt';
import { TelegramConnector } from './telegram';
import { WebhookConnector } from './webhook';
import { ZammadConnector } from './zammad';

export type ConnectorSettings = NocConfig['alerting']['connectors'][number];

/** The registry of connector types: one file each. */
export function createConnector(s: ConnectorSettings): Connector {
  switch (s.type) {
    case 'webhook':
      return new WebhookConnector(s);
    case 'email':
      return new EmailConnector(s);
    case 'glpi':
      return new GlpiConnector(s);
    case 'zammad':
      return new ZammadConnector(s);
    case 'osticket':
      return new OsTicketConnector(s);
    case 'rt':
      return new RtConnector(s);
    case 'telegram':
      return new TelegramConnector(s);
  }
}
