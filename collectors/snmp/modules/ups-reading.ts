/**
 * The normalized reading every UPS parser (UPS-MIB, APC PowerNet, Eaton XUPS) returns; the
 * `ups` module merges them into one `ups` sample. Field names are the `ups` measurement's
 * fields (docs/metrics.md); undefined means the device did not report it.
 */
export interface UpsReading {
  battery_status?: 'normal' | 'low' | 'depleted' | 'fault' | 'unknown';
  charge_percent?: number;
  runtime_minutes?: number;
  seconds_on_battery?: number;
  battery_voltage?: number;
  battery_temperature_c?: number;
  battery_replace?: boolean;
  input_voltage?: number;
  input_frequency_hz?: number;
  output_source?: 'normal' | 'battery' | 'bypass' | 'other' | 'none';
  output_voltage?: number;
  output_frequency_hz?: number;
  load_percent?: number;
  output_watts?: number;
  alarms?: number;
}
