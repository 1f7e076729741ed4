import { z } from 'zod';
import { alertingSchema } from './alerting';
import { criticality, id, percent, secret, source } from './common';
import { httpCheck } from './http';
import { pingSettings } from './ping';
import { routerosSettings } from './routeros';
import { reportsSettings } from './reports';
import { serviceLevelsSettings } from './service-levels';
import { snmpSettings } from './snmp';

/**
 * The one YAML file: organisation, inventory (agencies, sites, racks, devices, links, services),
 * targets with their source documents, and the agent's own settings. Every object is strict so a
 * misspelt key is an error, not a silently ignored setting.
 */

const organisation = z.strictObject({
  name: z.string().min(1),
  /** What users call an agency here: OPD, SKPD or PD. */
  agencyLabel: z.enum(['OPD', 'SKPD', 'PD']).default('OPD'),
  timezone: z.enum(['Asia/Jakarta', 'Asia/Makassar', 'Asia/Jayapura']).default('Asia/Jakarta'),
  language: z.enum(['id', 'en']).default('id'),
});

const contact = z.strictObject({
  name: z.string().min(1),
  email: z.string().email().optional(),
  phone: z.string().optional(),
});

const agency = z.strictObject({
  id,
  name: z.string().min(1),
  /** The agency's own technician (Tier 1, Pelayanan Level 1). */
  tier1: contact.optional(),
  /** Mandiri TIK agencies run their LAN entirely themselves. */
  mandiriTik: z.boolean().default(false),
});

const site = z.strictObject({
  id,
  name: z.string().min(1),
  address: z.string().optional(),
  rooms: z.array(z.strictObject({ id, name: z.string().min(1) })).default([]),
});

const feed = z.strictObject({
  id,
  side: z.enum(['A', 'B']),
  voltage: z.number().positive(),
  amperage: z.number().positive(),
  phase: z.union([z.literal(1), z.literal(3)]).default(1),
  maxUtilisationPercent: percent.default(80),
  /** The UPS or PDU device that supplies this feed, for measured power. */
  device: id.optional(),
  source: source.optional(),
});

const rack = z.strictObject({
  id,
  site: id,
  room: id.optional(),
  heightU: z.number().int().min(1).max(60).default(42),
  feeds: z.array(feed).default([]),
});

const position = z.strictObject({
  rack: id,
  /** Lowest U the device occupies (1 = bottom). */
  u: z.number().int().min(1),
  heightU: z.number().int().min(1).max(60).default(1),
});

const device = z.strictObject({
  id,
  name: z.string().optional(),
  kind: z.enum(['router', 'switch', 'server', 'ups', 'pdu', 'sensor', 'other']),
  address: z.string().min(1).optional(),
  model: z.string().optional(),
  agency: id.optional(),
  site: id.optional(),
  position: position.optional(),
  /** Rack feeds this device draws from (by feed id within its rack). */
  feeds: z.array(id).optional(),
  watts: z
    .strictObject({
      nameplate: z.number().positive().optional(),
      allocated: z.number().positive().optional(),
    })
    .optional(),
  parents: z.array(id).default([]),
  criticality: criticality.default('Rendah'),
  /** Who answers for it: the Dinas (WAN, Pusat Data) or the agency (its own LAN). */
  responsibility: z.enum(['dinas', 'opd']).default('dinas'),
  tags: z.array(z.string().min(1)).default([]),
  added: z.iso.date().optional(),
  snmp: snmpSettings.optional(),
  routeros: routerosSettings.optional(),
  ping: pingSettings.optional(),
  http: z.array(httpCheck).optional(),
});

const link = z.strictObject({
  id,
  name: z.string().optional(),
  device: id,
  /** ifName or ifDescr as the device reports it. */
  interface: z.string().min(1),
  kind: z.enum(['isp', 'intra', 'uplink']),
  provider: z.string().optional(),
  agency: id.optional(),
  committedRate: z.strictObject({ mbps: z.number().positive(), source }).optional(),
  utilisation: z
    .strictObject({ warningPercent: percent.default(70), criticalPercent: percent.default(90), source })
    .optional(),
  contract: z
    .strictObject({
      availabilityPercent: percent.optional(),
      latencyMs: z.number().positive().optional(),
      lossPercent: percent.optional(),
      source,
    })
    .optional(),
});

const service = z.strictObject({
  id,
  name: z.string().min(1),
  urls: z.array(httpCheck).default([]),
  devices: z.array(id).default([]),
  agency: id.optional(),
  criticality: criticality.default('Rendah'),
  availabilityTarget: z.strictObject({ percent, source }).optional(),
});

const influx = z
  .strictObject({
    version: z.union([z.literal(1), z.literal(2)]).default(1),
    url: z.string().url().default('http://127.0.0.1:8086'),
    database: z.string().min(1).default('noc'),
    username: z.string().optional(),
    password: secret.optional(),
    org: z.string().optional(),
    bucket: z.string().optional(),
    token: secret.optional(),
    batchSize: z.number().int().min(1).max(100000).default(5000),
    flushIntervalMs: z.number().int().min(10).default(1000),
    gzip: z.boolean().default(true),
    timeoutSeconds: z.number().positive().default(10),
    spool: z
      .strictObject({
        maxBytes: z
          .number()
          .int()
          .positive()
          .default(1024 ** 3),
      })
      .prefault({}),
    retention: z
      .strictObject({
        rawDays: z.number().int().min(1).default(30),
        rollupDays: z.number().int().min(1).default(400),
        manage: z.boolean().default(true),
      })
      .prefault({}),
  })
  .superRefine((c, ctx) => {
    if (c.version === 2) {
      for (const key of ['org', 'bucket', 'token'] as const)
        if (!c[key]) ctx.addIssue({ code: 'custom', path: [key], message: 'required for InfluxDB 2.x/3.x' });
    }
  });

const logLevel = z.enum(['error', 'warn', 'info', 'debug']);

const agent = z.strictObject({
  dataDir: z.string().default('/var/lib/noc'),
  http: z
    .strictObject({
      listen: z.string().default('127.0.0.1'),
      port: z.number().int().min(0).max(65535).default(9310),
    })
    .prefault({}),
  log: z
    .strictObject({
      format: z.enum(['pretty', 'json']).default('pretty'),
      level: logLevel.default('info'),
      /** Level per component, e.g. { snmp: debug }. */
      components: z.record(z.string(), logLevel).default({}),
    })
    .prefault({}),
  /** How many polls may run at once across all devices. */
  concurrency: z.number().int().min(1).max(10000).default(64),
  intervalSeconds: z.number().positive().default(60),
  /** Spread polls so 2,000 devices do not all start in the same second. */
  jitterPercent: percent.default(10),
  host: z
    .strictObject({ enabled: z.boolean().default(true), intervalSeconds: z.number().positive().default(60) })
    .prefault({}),
});

export const configSchema = z.strictObject({
  organisation,
  agent: agent.prefault({}),
  influx: influx.prefault({}),
  agencies: z.array(agency).default([]),
  sites: z.array(site).default([]),
  racks: z.array(rack).default([]),
  devices: z.array(device).default([]),
  links: z.array(link).default([]),
  services: z.array(service).default([]),
  serviceLevels: serviceLevelsSettings.prefault({}),
  reports: reportsSettings.prefault({}),
  alerting: alertingSchema.prefault({}),
});

export type RawConfig = z.infer<typeof configSchema>;
export type DeviceConfig = RawConfig['devices'][number];
export type LinkConfig = RawConfig['links'][number];
export type ServiceConfig = RawConfig['services'][number];
export type RackConfig = RawConfig['racks'][number];
export type AgencyConfig = RawConfig['agencies'][number];
export type SiteConfig = RawConfig['sites'][number];
export type InfluxConfig = RawConfig['influx'];
export type AgentConfig = RawConfig['agent'];
