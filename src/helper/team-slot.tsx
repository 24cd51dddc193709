/**
 * Where the team features plug into the helper: sharing and importing presets, and the audit log.
 * They live under src/helper/team/ and get the stored state and the one save function the helper
 * uses, so an import is saved exactly like an edit.
 */
export { type TeamProps, TeamSection } from './team/team-section';
