import type { JSX } from 'preact';
import type { ListedPreset } from '../../core/preset';
import type { PageInfo } from '../../core/protocol';
import type { RunMode } from '../../core/token-request';
import type { Catalogs } from '../../platform/catalog';
import { t } from '../../platform/i18n';
import type { FormCheck, FormState } from '../form';
import { type NameEdit, NamePrompt } from '../name-prompt';
import type { ScopesUpdate } from '../scope-picker';
import type { ShownCatalog } from '../shown-catalog';
import { PresetNotes } from '../team/preset-notes';
import { TokenForm } from '../token-form';

interface Props {
  /** The preset being edited; undefined for a new one. */
  selected?: ListedPreset;
  isDefault: boolean;
  form: FormState;
  onForm(next: FormState): void;
  onScopes: ScopesUpdate;
  check: FormCheck;
  page?: PageInfo;
  shown: ShownCatalog;
  catalogs: Catalogs;
  /** Changes when another preset is opened: the picker starts afresh. */
  pickerKey: string;
  now(): Date;
  /** The form differs from the saved preset. */
  changed: boolean;
  canRun: boolean;
  /** The run status line: a form that cannot run says why here. */
  status: JSX.Element;
  /** Said beside the save buttons when a save would not fit storage.sync (sync-room.tsx). */
  syncRoom: JSX.Element;
  nameEdit?: NameEdit;
  onNameEdit(edit: NameEdit | undefined): void;
  onNameSubmit(edit: NameEdit, name: string): void;
  onSave(): void;
  onCancel(): void;
  onRun(mode: RunMode, clicked: Element): void;
  onDuplicate(): void;
  onDelete(): void;
  onMakeDefault(): void;
}

/**
 * One preset's own view: its token fields and scopes, Save and Cancel, and the actions that
 * change the list (duplicate, rename, delete, make default), away from the home view's cards.
 * The form can also be run as it stands, saved or not.
 */
export function EditView(props: Props): JSX.Element {
  const { selected } = props;
  const own = !!selected && !selected.managed;
  // Under the button that asked for a name: Save as preset (a new one) or Rename.
  const prompt = (edit: NameEdit) => (
    <NamePrompt
      edit={edit}
      onCancel={() => props.onNameEdit(undefined)}
      onSubmit={(name) => props.onNameSubmit(edit, name)}
    />
  );
  return (
    <>
      <section class="edit-head" aria-labelledby="edit-h">
        <div class="bar">
          <h2 id="edit-h" tabIndex={-1}>
            {selected ? t('editPresetHeading', selected.name) : t('newPresetHeading')}
          </h2>
          <button type="button" class="quiet" onClick={props.onCancel}>
            {t('backToPresets')}
          </button>
        </div>
        {selected?.managed && (
          <p id="preset-managed" class="hint">
            {t('presetManagedNote')}
          </p>
        )}
        <PresetNotes preset={selected} page={props.page} catalogs={props.catalogs} />
      </section>

      <TokenForm
        form={props.form}
        onChange={props.onForm}
        onScopes={props.onScopes}
        page={props.page}
        shown={props.shown}
        pickerKey={props.pickerKey}
        check={props.check}
        presetName={selected?.name ?? ''}
        now={props.now}
        disabled={false}
      />

      <section class="save-actions" aria-label={t('editActions')}>
        {props.syncRoom}
        <div class="row">
          {own && (
            <button type="button" class="primary" disabled={!props.changed} onClick={props.onSave}>
              {t('saveChanges')}
            </button>
          )}
          <button
            type="button"
            class={own ? undefined : 'primary'}
            onClick={() =>
              props.onNameEdit({
                kind: 'create',
                name: selected ? t('copyName', selected.name) : t('newPresetName'),
              })
            }
          >
            {t('saveAsPreset')}
          </button>
          <button type="button" onClick={props.onCancel}>
            {t('cancel')}
          </button>
        </div>
        {props.nameEdit?.kind === 'create' && prompt(props.nameEdit)}
      </section>

      <section class="actions" aria-label={t('runThisForm')}>
        <p class="advice">{t('adviceLeastPrivilege')}</p>
        <p class="hint">{t('fillFormHint')}</p>
        <div class="row">
          <button
            type="button"
            disabled={!props.canRun}
            onClick={(e) => props.onRun('review', e.currentTarget)}
          >
            {t('fillForm')}
          </button>
          <button
            type="button"
            disabled={!props.canRun}
            onClick={(e) => props.onRun('create', e.currentTarget)}
          >
            {t('fillAndCreate')}
          </button>
        </div>
        {props.status}
      </section>

      {selected && (
        <section class="presets" aria-label={t('presetActions')}>
          <div class="row">
            <button type="button" onClick={props.onDuplicate}>
              {t('duplicatePreset')}
            </button>
            <button
              type="button"
              disabled={!own}
              onClick={() => selected && props.onNameEdit({ kind: 'rename', name: selected.name })}
            >
              {t('renamePreset')}
            </button>
            <button type="button" disabled={!own || props.isDefault} onClick={props.onMakeDefault}>
              {t('setDefaultPreset')}
            </button>
            <button type="button" class="danger" disabled={!own} onClick={props.onDelete}>
              {t('deletePreset')}
            </button>
          </div>
          {props.nameEdit?.kind === 'rename' && prompt(props.nameEdit)}
        </section>
      )}
    </>
  );
}
