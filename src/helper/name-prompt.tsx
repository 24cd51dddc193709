import type { JSX } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { t } from '../platform/i18n';

/** The inline name prompt: naming a new preset, or renaming the one being edited. */
export type NameEdit = { kind: 'create' | 'rename'; name: string };

export function NamePrompt(props: {
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
