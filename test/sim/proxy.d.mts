/** Types of proxy.mjs. */
export function startProxy(
  simPort: number,
  hosts?: readonly string[],
): Promise<{ port: number; close(): Promise<void> }>;
