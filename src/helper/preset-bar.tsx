import type { JSX } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { ListedPreset } from '../core/preset';
import { t } from '../platform/i18n';

/** The inline name prompt: naming a new preset, or renaming the selected one. */
export type NameEdit = { kind: 'create' | 'rename'; name: string };

interface Props {
  presets: readonly ListedPreset[];
  managed: readonly ListedPreset[];
  defaultId?: string;
  selection: string;
  selected?: ListedPreset;
  onSelect(value: string): void;
  onDuplicate(): void;
  onDelete(): void;
  onMakeDefault(): void;
  nameEdit?: NameEdit;
  onNameEdit(edit: NameEdit | undefined): void;
  onNameSubmit(edit: NameEdit, name: string): void;
}

export function PresetBar(props: Props): JSX.Element {
  const { presets, managed, defaultId, selected } = props;
  const own = !!selected && !selected.managed;
  return (
    <section class="presets" aria-labelledby="presets-h">
      <h2 id="presets-h">{t('presetsHeading')}</h2>
      <div class="field">
        <label for="preset">{t('preset')}</label>
        <select
          id="preset"
          value={props.selection}
          onChange={(e) => props.onSelect(e.currentTarget.value)}
          aria-describedby={selected?.managed ? 'preset-managed' : undefined}
        >
          <option value="">{t('presetNone')}</option>
          {presets.map((p) => (
            <option key={p.id} value={`user:${p.id}`}>
              {p.id === defaultId ? t('presetDefaultMark', p.name) : p.name}
            </option>
          ))}
          {managed.length > 0 && (
            <optgroup label={t('presetManagedGroup')}>
              {managed.map((p) => (
                <option key={p.id} value={`org:${p.id}`}>
                  {p.name}
                </option>
              ))}
            </optgroup>
          )}
        </select>
        {selected?.managed && (
          <p id="preset-managed" class="hint">
            {t('presetManagedNote')}
          </p>
        )}
      </div>
      <div class="row">
        <button type="button" disabled={!selected} onClick={props.onDuplicate}>
          {t('duplicatePreset')}
        </button>
        <button
          type="button"
          disabled={!own}
          onClick={() => selected && props.onNameEdit({ kind: 'rename', name: selected.name })}
        >
          {t('renamePreset')}
        </button>
        <button type="button" disabled={!own} onClick={props.onDelete}>
          {t('deletePreset')}
        </button>
        <button
          type="button"
          disabled={!own || selected?.id === defaultId}
          onClick={props.onMakeDefault}
        >
          {t('setDefaultPreset')}
        </button>
      </div>
      {props.nameEdit && (
        <NamePrompt
          edit={props.nameEdit}
          onCancel={() => props.onNameEdit(undefined)}
          onSubmit={(name) => props.nameEdit && props.onNameSubmit(props.nameEdit, name)}
        />
      )}
    </section>
  );
}

function NamePrompt(props: {
  edit: NameEdit;
  onCancel(): void;
  onSubmit(name: string): void;
}): JSX.Element {
  const [name, setName] = useState(props.edit.name);
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => {
    setName(props.edit.name);
    input.current?.focus();
    input.current?.select();
  }, [props.edit]);
  return (
    <form
      class="name-prompt"
      onSubmit={(e) => {
        e.preventDefault();
        if (name.trim()) props.onSubmit(name.trim());
      }}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          // Escape closes the prompt only, not the whole panel.
          e.preventDefault();
          props.onCancel();
        }
      }}
    >
      <label for="preset-name">{t('presetName')}</label>
      <input
        id="preset-name"
        ref={input}
        maxLength={100}
        required
        value={name}
        onInput={(e) => setName(e.currentTarget.value)}
      />
      <div class="row">
        <button type="submit" class="primary">
          {t('save')}
        </button>
        <button type="button" onClick={props.onCancel}>
          {t('cancel')}
        </button>
      </div>
    </form>
  );
}
