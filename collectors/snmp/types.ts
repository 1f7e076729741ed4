import type { Sample } from '../../agent/sample';

/**
 * The contract between the SNMP engine (session, GETBULK, profile detection) and the modules
 * that turn what a device answered into normalized samples (UPS, PDU, sensors, host resources).
 * Modules are data plus one pure parse function, so they are tested on the real device
 * recordings in ../shared/fixtures without any network.
 */

/**
 * One value as read from a device:
 * INTEGER, Counter32, Gauge32, TimeTicks, Unsigned32 -> number; Counter64 -> bigint;
 * OCTET STRING and Opaque -> Buffer (the module decides text or hex); OBJECT IDENTIFIER and
 * IpAddress -> dotted string. noSuchObject / noSuchInstance / endOfMibView are left out.
 */
export type SnmpValue = number | bigint | string | Buffer;

/** Numeric OID without a leading dot ("1.3.6.1.2.1.1.3.0") -> value. */
export type Varbinds = Map<string, SnmpValue>;

/** What the engine learned from the system group before choosing modules. */
export interface SystemInfo {
  sysObjectID: string;
  sysDescr: string;
  /** The profile forced by the device's `snmp.profile` (an id of PROFILE_IDS). */
  profile?: string;
}

export interface ModuleContext {
  /** Device id from the configuration (the `device` tag). */
  device: string;
  /** Poll time, ms. */
  time: number;
  /** Per device and module, kept between polls (previous counters, last state). */
  state: Map<string, unknown>;
}

export interface SnmpModule {
  /** Stable name used in `snmp.modules` of the config and in docs, e.g. "ups-rfc1628". */
  name: string;
  /** Subtrees read with GETBULK (tables and scalar groups), numeric OIDs without leading dot. */
  walk: string[];
  /** Whether the module applies to this device; the engine also skips a module whose walk came back empty. */
  applies(system: SystemInfo): boolean;
  /** Pure conversion of what the device answered into samples. */
  parse(vb: Varbinds, ctx: ModuleContext): Sample[];
}
