import type { Dashboard } from '@grafana/schema';
import type { BoardContext } from './board';
import { agentBoard } from './boards/agent';
import { availabilityBoard } from './boards/availability';
import { colocationBoard } from './boards/colocation';
import { deviceBoard } from './boards/device';
import { interfacesBoard } from './boards/interfaces';
import { powerBoard } from './boards/power';
import { wallboard } from './boards/wallboard';

/** Every dashboard noc ships, in one explicit list (file name -> builder). */
export const BOARDS: Record<string, (ctx: BoardContext) => Dashboard> = {
  'noc-wallboard': wallboard,
  'noc-device': deviceBoard,
  'noc-interfaces': interfacesBoard,
  'noc-power': powerBoard,
  'noc-colocation': colocationBoard,
  'noc-availability': availabilityBoard,
  'noc-agent': agentBoard,
};

export function buildDashboards(ctx: BoardContext): Record<string, Dashboard> {
  return Object.fromEntries(Object.entries(BOARDS).map(([file, build]) => [file, build(ctx)]));
}

export { provisioningFiles } from './provisioning';
export type { BoardContext } from './board';
