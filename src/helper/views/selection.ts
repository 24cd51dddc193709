import type { ListedPreset } from '../../core/preset';

/** Which preset a view shows: '' (a new one), 'user:<id>' (stored) or 'org:<id>' (from the organization). */
export type Selection = string;

export const userSelection = (id: string): Selection => `user:${id}`;

export function findSelected(
  selection: Selection,
  presets: readonly ListedPreset[],
  managed: readonly ListedPreset[],
): ListedPreset | undefined {
  if (selection.startsWith('user:')) return presets.find((p) => `user:${p.id}` === selection);
  if (selection.startsWith('org:')) return managed.find((p) => `org:${p.id}` === selection);
  return undefined;
}
