/** The packaged location of the configuration (see the systemd unit in scripts/). */
export const DEFAULT_CONFIG = '/etc/noc/noc.yaml';

/** `--config` when given, else the NOC_CONFIG variable, else the packaged path. */
export function configPath(option: string | undefined, env: NodeJS.ProcessEnv = process.env): string {
  return option ?? env.NOC_CONFIG ?? DEFAULT_CONFIG;
}
