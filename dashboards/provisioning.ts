import { stringify } from 'yaml';
import type { NocConfig } from '../config/load';
import { DATASOURCE } from './query';

/** Where the provider tells Grafana to read the exported JSON from. */
export const GRAFANA_DASHBOARD_DIR = '/var/lib/grafana/dashboards/noc';

/**
 * Grafana provisioning files: the InfluxDB data source in InfluxQL mode (works on 1.x, on 2.x
 * through its v1 DBRP mapping, and on 3.x) and a file provider for the dashboards. Secrets are
 * never written here: Grafana expands $__env{…} from its own environment.
 */
export function provisioningFiles(config: NocConfig): Record<string, string> {
  const influx = config.influx;
  const v2 = influx.version === 2;
  const datasource: Record<string, unknown> = {
    name: 'noc InfluxDB',
    uid: DATASOURCE.uid,
    type: DATASOURCE.type,
    access: 'proxy',
    url: influx.url,
    isDefault: true,
    editable: false,
    jsonData: {
      // InfluxQL: the query language every panel is written in.
      dbName: v2 ? influx.bucket : influx.database,
      httpMode: 'POST',
      timeInterval: `${config.agent.intervalSeconds}s`,
      ...(v2 ? { httpHeaderName1: 'Authorization' } : {}),
    },
  };
  if (v2) datasource.secureJsonData = { httpHeaderValue1: 'Token $__env{NOC_INFLUX_TOKEN}' };
  else if (influx.username) {
    datasource.user = influx.username;
    datasource.secureJsonData = { password: '$__env{NOC_INFLUX_PASSWORD}' };
  }
  const provider = {
    apiVersion: 1,
    providers: [
      {
        name: 'noc',
        orgId: 1,
        folder: 'NOC',
        folderUid: 'noc',
        type: 'file',
        disableDeletion: false,
        allowUiUpdates: false,
        updateIntervalSeconds: 60,
        options: { path: GRAFANA_DASHBOARD_DIR },
      },
    ],
  };
  return {
    'provisioning/datasources/noc.yaml': stringify({ apiVersion: 1, datasources: [datasource] }),
    'provisioning/dashboards/noc.yaml': stringify(provider),
  };
}
