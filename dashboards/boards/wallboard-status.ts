import type { DataTransformerConfig, FieldConfig, Panel, ThresholdsConfig } from '@grafana/schema';
import { MappingType, ThresholdsMode } from '@grafana/schema';
import { BoardContext, tr } from '../board';
import { COLORS, stat } from '../panels';
import { targets } from '../query';

/**
 * The wallboard's status tiles per site and per agency: up / degraded / down / maintenance
 * (normal / terganggu / padam / pemeliharaan).
 *
 * The rule: a device in a maintenance window never makes its site (agency) degraded or down;
 * a site whose devices are all in maintenance shows maintenance; otherwise the worst ping loss
 * of its devices outside maintenance decides (0 % up, in between degraded, 100 % down).
 *
 * InfluxQL cannot join `ping` with `maintenance` (a query over both keeps them apart by
 * measurement name), so the tile joins in Grafana. Both queries return one row per device
 * with a number `status` that ranks: the ping loss 0…100, and -1 for a device in maintenance
 * (alerting's `maintenance` points, active=1). Grafana then merges the two tables, keeps per
 * device the smallest value (maintenance masks the device's loss), and per site the largest:
 * -1 only when every device is in maintenance. Value mappings turn -1 / 0 / between / 100
 * into the four words and colours. Every step is a stock Grafana 10 transformation.
 */

/** The status value of a device in maintenance, below every ping loss. */
export const MAINTENANCE_STATUS = -1;
/** The field both queries return, and the names Grafana's groupBy gives it. */
export const STATUS_FIELD = 'status';
const PER_DEVICE = `${STATUS_FIELD} (min)`;
const PER_GROUP = `${PER_DEVICE} (max)`;

/** Per device of each site/agency: its last ping loss in the last 5 minutes. */
export function pingStatusQuery(by: 'site' | 'agency'): string {
  return `SELECT last("loss_percent") AS "${STATUS_FIELD}" FROM "ping" WHERE time > now() - 5m AND "${by}" != '' GROUP BY "device", "${by}"`;
}

/** Per device of each site/agency: -1 while its last `maintenance` point says active. */
export function maintenanceStatusQuery(by: 'site' | 'agency'): string {
  return `SELECT ${MAINTENANCE_STATUS} * "active" AS "${STATUS_FIELD}" FROM (SELECT last("active") AS "active" FROM "maintenance" WHERE time > now() - 5m AND "${by}" != '' GROUP BY "device", "${by}") WHERE "active" = 1 GROUP BY "device", "${by}"`;
}

/** merge -> per device min -> per site/agency max (Grafana 10 transformation ids and options). */
export function statusTransformations(by: 'site' | 'agency'): DataTransformerConfig[] {
  return [
    { id: 'merge', options: {} },
    {
      id: 'groupBy',
      options: {
        fields: {
          device: { operation: 'groupby', aggregations: [] },
          [by]: { operation: 'groupby', aggregations: [] },
          [STATUS_FIELD]: { operation: 'aggregate', aggregations: ['min'] },
        },
      },
    },
    {
      id: 'groupBy',
      options: {
        fields: {
          [by]: { operation: 'groupby', aggregations: [] },
          [PER_DEVICE]: { operation: 'aggregate', aggregations: ['max'] },
        },
      },
    },
    { id: 'organize', options: { renameByName: { [PER_GROUP]: STATUS_FIELD } } },
  ];
}

/** The four states as words and colours (blue for pemeliharaan, as on the other NOC screens). */
export function statusMappings(ctx: BoardContext): FieldConfig['mappings'] {
  return [
    {
      type: MappingType.ValueToText,
      options: {
        [String(MAINTENANCE_STATUS)]: {
          text: tr(ctx, 'PEMELIHARAAN', 'MAINTENANCE'),
          color: COLORS.info,
          index: 0,
        },
        '0': { text: tr(ctx, 'NORMAL', 'UP'), color: COLORS.ok, index: 1 },
        '100': { text: tr(ctx, 'PADAM', 'DOWN'), color: COLORS.bad, index: 3 },
      },
    },
    {
      type: MappingType.RangeToText,
      options: {
        from: 0.000001,
        to: 99.999999,
        result: { text: tr(ctx, 'TERGANGGU', 'DEGRADED'), color: COLORS.warn, index: 2 },
      },
    },
  ];
}

/** The same colours as thresholds, for any value a mapping might miss. */
export const STATUS_THRESHOLDS: ThresholdsConfig = {
  mode: ThresholdsMode.Absolute,
  steps: [
    { color: COLORS.info, value: null },
    { color: COLORS.ok, value: 0 },
    { color: COLORS.warn, value: 0.000001 },
    { color: COLORS.bad, value: 100 },
  ],
};

export function statusTile(ctx: BoardContext, title: string, by: 'site' | 'agency'): Panel {
  const panel = stat(
    title,
    targets(
      { query: pingStatusQuery(by), format: 'table' },
      { query: maintenanceStatusQuery(by), format: 'table' },
    ),
    {
      unit: 'none',
      thresholds: STATUS_THRESHOLDS,
      mappings: statusMappings(ctx),
      transformations: statusTransformations(by),
      description: tr(
        ctx,
        'Menurut ping 5 menit terakhir: NORMAL tanpa kehilangan paket, TERGANGGU sebagian hilang, PADAM semua hilang. Perangkat dalam jendela pemeliharaan tidak dihitung; PEMELIHARAAN bila semua perangkatnya dalam pemeliharaan.',
        'From the last 5 minutes of ping: UP no packet loss, DEGRADED some, DOWN all lost. Devices in a maintenance window are left out; MAINTENANCE when all its devices are in maintenance.',
      ),
      textSize: 28,
    },
  );
  // One tile per row (site or agency) of the grouped table, titled by its name column.
  panel.options = {
    ...panel.options,
    reduceOptions: { values: true, calcs: [], fields: `/^${STATUS_FIELD}$/` },
  };
  return panel;
}
