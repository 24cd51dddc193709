import { firstIssueText } from '../core/issue-text';
import { type ListedPreset, type Preset, PresetSchema } from '../core/preset';
import {
  withDefault,
  withPresetAdded,
  withPresetRemoved,
  withPresetReplaced,
  withPresetRestored,
} from '../core/preset-list';
import type { StoredState } from '../core/stored-state';
import { t } from '../platform/i18n';
import { loadPresets } from '../platform/storage';
import { type FormCheck, type FormState, newPresetId, presetFromForm } from './form';
import type { PresetStore, Say } from './use-presets';
import { type Selection, userSelection } from './views/selection';

/** What the edit view's actions work on, and how they move the helper afterwards. */
export interface EditContext {
  state: StoredState;
  /** The preset open in the edit view; undefined for a new one. */
  selected?: ListedPreset;
  form: FormState;
  check: FormCheck;
  now(): Date;
  save: PresetStore['save'];
  say: Say;
  /** The edit view now shows `selection`; with `preset`, its form as saved. */
  select(selection: Selection, preset?: Preset): void;
  /** Opens `selection` afresh in the edit view (after an Undo). */
  edit(selection: Selection): void;
  /** Back to the home view, nothing open. */
  home(): void;
}

/**
 * The edit view's actions on the preset list: save the form as a new preset or over the open
 * one, rename, duplicate, delete (with Undo), make default. Each validates, saves through the
 * store (which says what happened), then moves the helper where the person expects to be.
 */
export function presetActions(ctx: EditContext) {
  const { state, selected, form, check, now, save, say } = ctx;
  const own = selected && !selected.managed ? selected : undefined;

  /** The form as a valid preset, or undefined having said why it cannot be saved. */
  const asPreset = (identity: { id: string; name: string }): Preset | undefined => {
    if (check.unknownPlaceholders.length) {
      say(t('templateUnknown', check.unknownPlaceholders.join(', ')), 'error');
      return undefined;
    }
    if (check.invalidEmails.length) {
      say(t('invalidEmail', check.invalidEmails.join(', ')), 'error');
      return undefined;
    }
    const parsed = PresetSchema.safeParse(presetFromForm(form, identity, now()));
    if (!parsed.success) {
      say(t('presetInvalid', firstIssueText(parsed.error)), 'error');
      return undefined;
    }
    return parsed.data;
  };

  return {
    /** "Save as preset": the form as a new preset named `name`, which the view then shows. */
    async create(name: string) {
      const preset = asPreset({ id: newPresetId(), name });
      if (preset && (await save(withPresetAdded(state, preset), t('presetSaved', preset.name))))
        ctx.select(userSelection(preset.id));
    },

    /** "Save changes": the form over the open preset. */
    async saveChanges() {
      if (!own) return;
      const preset = asPreset({ id: own.id, name: own.name });
      if (preset) await save(withPresetReplaced(state, preset), t('presetSaved', preset.name));
    },

    /** Renames the open preset as saved (edits in the form stay unsaved). */
    async rename(name: string) {
      if (!own) return;
      const { managed: _flag, ...saved } = own;
      const renamed = PresetSchema.safeParse({ ...saved, name, updatedAt: now().toISOString() });
      if (!renamed.success) return say(t('presetInvalid', firstIssueText(renamed.error)), 'error');
      if (await save(withPresetReplaced(state, renamed.data), t('presetSaved', renamed.data.name)))
        ctx.select(userSelection(own.id));
    },

    /** A copy of the open preset as saved (an organization's too), then shown. */
    async duplicate() {
      if (!selected) return;
      const { managed: _flag, ...copy } = selected;
      const name = t('copyName', selected.name).slice(0, 100);
      const preset: Preset = { ...copy, id: newPresetId(), name, updatedAt: now().toISOString() };
      if (await save(withPresetAdded(state, preset), t('presetSaved', name)))
        ctx.select(userSelection(preset.id), preset);
    },

    /** Deletes the open preset and goes home; Undo puts it back where it was and opens it. */
    async remove() {
      if (!own) return;
      const result = withPresetRemoved(state, own.id);
      if (!result) return;
      const { removed } = result;
      const undo = async () => {
        // Put back where it was, as it was; later changes to other presets are kept.
        const current = await loadPresets();
        const restored = withPresetRestored(current.state, removed);
        if (await save(restored, t('presetRestored', removed.preset.name), undefined, current))
          ctx.edit(userSelection(removed.preset.id));
      };
      if (await save(result.state, t('presetDeleted', removed.preset.name), () => void undo()))
        ctx.home();
    },

    async makeDefault() {
      if (own) await save(withDefault(state, own.id), t('presetDefaultSet', own.name));
    },
  };
}
