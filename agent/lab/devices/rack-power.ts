import { wander, wanderIntegral } from '../waves';
import { LINUX_CPU_WAVE } from './linux';

/**
 * What a rack draws, as a sum of wandering terms (watts), so the PDU that feeds it reports a
 * power that follows the simulated devices' own load (the server's CPU) and an energy meter
 * that is the exact integral of that power.
 */

export interface PowerWave {
  centre: number;
  amplitude: number;
  period: number;
  phase?: number;
}

export interface PowerModel {
  /** Watts drawn at lab time t (seconds). */
  watts(t: number): number;
  /** Watt-hours drawn from lab time 0 to t. */
  wattHours(t: number): number;
  /** The most the terms can add up to, for the PDU's "peak power" objects. */
  peakWatts: number;
}

export function powerModel(waves: PowerWave[]): PowerModel {
  return {
    watts: (t) => waves.reduce((sum, w) => sum + wander(w.centre, w.amplitude, t, w.period, w.phase), 0),
    wattHours: (t) =>
      waves.reduce((sum, w) => sum + wanderIntegral(w.centre, w.amplitude, t, w.period, w.phase), 0) / 3600,
    peakWatts: waves.reduce((sum, w) => sum + w.centre + Math.abs(w.amplitude), 0),
  };
}

const scale = (w: PowerWave, k: number): PowerWave => ({
  ...w,
  centre: w.centre * k,
  amplitude: w.amplitude * k,
});

/** Server power: idle draw plus this many watts per percent of mean CPU load (a 1U/2U Xeon box). */
export const SERVER_IDLE_WATTS = 95;
export const SERVER_WATTS_PER_CPU_PERCENT = 2.4;

/**
 * Rack R01 of the demo, as one feed sees it: the core router, the distribution switch, the
 * simulated Debian server (its draw follows its hrProcessorLoad) and eight agency servers in
 * colocation that the demo does not poll. Every device has two power supplies, one on each
 * feed, so feed A carries `share` (half) of the rack.
 */
export function demoRackPower(opts: { serverCpus?: number; share?: number } = {}): PowerModel {
  const cpus = opts.serverCpus ?? 4;
  const share = opts.share ?? 0.5;
  const perCore = SERVER_WATTS_PER_CPU_PERCENT / cpus;
  const rack: PowerWave[] = [
    { centre: 45, amplitude: 3, period: 900, phase: 0.4 }, // MikroTik CCR2004
    { centre: 38, amplitude: 2, period: 1300, phase: 1.1 }, // Catalyst 2960-X 24 ports
    { centre: SERVER_IDLE_WATTS, amplitude: 0, period: 1 }, // srv-web01 idle
    ...Array.from({ length: cpus }, (_, i) => scale(LINUX_CPU_WAVE(i), perCore)), // srv-web01 CPU
    { centre: 2800, amplitude: 120, period: 2820, phase: 2.0 }, // 8 colocated agency servers
  ];
  return powerModel(rack.map((w) => scale(w, share)));
}
