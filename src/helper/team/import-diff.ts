import type { PackPreset } from '../../core/pack';
import type { Preset } from '../../core/preset';
import { grantLabels } from '../../core/scopes';

/**
 * What "Replace" would change, so a person can decide per clash without opening both presets:
 * the fields that differ and the grants (method grants and pinned endpoints) added or removed.
 */
export interface PresetChanges {
  /** Message keys of the fields that differ, in form order. */
  fields: ('tokenName' | 'description' | 'apiVersion' | 'primaryContact' | 'developerEmails')[];
  addedScopes: string[];
  removedScopes: string[];
}

export function presetChanges(existing: Preset, incoming: PackPreset): PresetChanges {
  const fields: PresetChanges['fields'] = [];
  if (existing.nameTemplate !== incoming.nameTemplate) fields.push('tokenName');
  if (existing.description !== incoming.description) fields.push('description');
  if (existing.version !== incoming.version) fields.push('apiVersion');
  if (existing.primaryContact !== incoming.primaryContact) fields.push('primaryContact');
  if (existing.developerEmails.join('\n') !== incoming.developerEmails.join('\n'))
    fields.push('developerEmails');
  const before = new Set(grantLabels(existing.scopes));
  const after = new Set(grantLabels(incoming.scopes));
  return {
    fields,
    addedScopes: [...after].filter((key) => !before.has(key)),
    removedScopes: [...before].filter((key) => !after.has(key)),
  };
}
