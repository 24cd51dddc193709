export const CHROMIUM_BASE_ARGS: string[];
export function mapHostsArgs(hosts: readonly string[], port: number): string[];
