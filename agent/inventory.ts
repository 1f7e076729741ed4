import type { NocConfig } from '../config/load';
import type { Sample } from './sample';

/**
 * A daily snapshot of the inventory in InfluxDB (measurement `inventory`). The audit report
 * reads it for first/last seen and for devices added or removed during the year, so the
 * history of the inventory does not depend on keeping old copies of the YAML file.
 */
export function inventorySamples(config: NocConfig, time: number): Sample[] {
  return config.devices.map((d) => {
    const tags: Record<string, string> = {
      device: d.id,
      kind: d.kind,
      criticality: d.criticality,
      responsibility: d.responsibility,
    };
    if (d.agency) tags.agency = d.agency;
    if (d.site) tags.site = d.site;
    if (d.position) tags.rack = d.position.rack;
    const fields: Sample['fields'] = { present: true, name: d.name ?? d.id, model: d.model ?? '' };
    if (d.address) fields.address = d.address;
    if (d.position) {
      fields.position_u = d.position.u;
      fields.height_u = d.position.heightU;
    }
    if (d.watts?.nameplate) fields.watts_nameplate = d.watts.nameplate;
    if (d.watts?.allocated) fields.watts_allocated = d.watts.allocated;
    return { measurement: 'inventory', tags, fields, time };
  });
}
