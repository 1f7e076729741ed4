/**
 * The one shape every collector produces. Collectors turn what a device says into Samples;
 * the writer turns Samples into InfluxDB line protocol; alerting reads the same Samples.
 */
export type FieldValue = number | bigint | string | boolean;

export interface Sample {
  measurement: string;
  tags: Record<string, string>;
  /** bigint fields are written as InfluxDB integers (counters stay exact); numbers as floats. */
  fields: Record<string, FieldValue>;
  /** Unix time in milliseconds. */
  time: number;
}

/** Something that happened (a reboot, a reachability change), kept in the `event` measurement. */
export interface NocEvent {
  /** e.g. 'reboot', 'reachability', 'collection'. */
  type: string;
  device: string;
  time: number;
  /** Short human text, Indonesian by default, for annotations and tickets. */
  text: string;
  tags?: Record<string, string>;
  fields?: Record<string, FieldValue>;
}

export const EVENT_MEASUREMENT = 'event';

export function eventToSample(event: NocEvent): Sample {
  return {
    measurement: EVENT_MEASUREMENT,
    tags: { ...event.tags, device: event.device, type: event.type },
    fields: { ...event.fields, text: event.text },
    time: event.time,
  };
}
