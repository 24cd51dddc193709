import type { JSX } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import {
  applyImport,
  defaultResolutions,
  type ImportItem,
  type ImportResolution,
  planImport,
} from '../../core/import-plan';
import { privilegeWarnings } from '../../core/least-privilege';
import { type PackPreset, type PackResult, parsePack } from '../../core/pack';
import type { Preset } from '../../core/preset';
import { publicCatalog } from '../../core/public-catalog';
import { grantLabels } from '../../core/scopes';
import { type StoredState, syncQuotaProblem } from '../../core/stored-state';
import { MAX_IMPORT_BYTES } from '../../core/untrusted-json';
import { readFileText } from '../../platform/files';
import { openHelperTab } from '../../platform/helper-tabs';
import { t } from '../../platform/i18n';
import { activeTabId } from '../../platform/runtime';
import { newPresetId } from '../form';
import { grantText } from '../grant-text';
import { presetChanges } from './import-diff';
import { parseImportText } from './import-source';

interface Props {
  state: StoredState;
  save(next: StoredState, done: string): Promise<boolean>;
  now(): Date;
  /** Opened as "?team=import": the file button gets focus, ready to pick. */
  focusFile?: boolean;
}

/**
 * A toolbar popup closes as soon as a file picker takes focus (Firefox always, Chrome on some
 * systems), and the picked file is lost with it. From the popup, "Import file…" therefore opens
 * the helper in a tab at the import, where the picker can be used.
 */
const inToolbarPopup = () => document.body.classList.contains('popup');
async function pickInTab() {
  // Aimed at the popup's tab, as "Open in a tab" is, so the helper there still knows the page.
  const tabId = await activeTabId().catch(() => undefined);
  await openHelperTab(tabId, 'import');
  window.close();
}

interface Preview {
  incoming: PackPreset[];
  items: ImportItem[];
  resolutions: Record<number, ImportResolution>;
  /** The file it came from, when it came from one. */
  file?: string;
}

/** Which stored preset each item clashes with: a changed answer means the preview is stale. */
const planKey = (items: readonly ImportItem[]) =>
  JSON.stringify(items.map((i) => [i.status, i.existing?.id, i.matchedBy]));

/** Presets the import would add or replace. */
export const importCount = (preview: Preview): number =>
  preview.items.filter((i) => i.status !== 'identical' && preview.resolutions[i.index] !== 'skip')
    .length;

/**
 * Import: a file or pasted text gives a preview first; every clash (same id or same name as a
 * stored preset) is resolved per preset (keep both, replace, skip); only "Import N presets" saves.
 * Apply works on a copy (core/import-plan.ts), so a refused or failed import leaves the stored
 * presets exactly as they were.
 */
export function ImportPanel({ state, save, now, focusFile }: Props): JSX.Element {
  const [text, setText] = useState('');
  const [error, setError] = useState('');
  const [preview, setPreview] = useState<Preview>();
  const [busy, setBusy] = useState(false);
  /** Counts previews shown, so focus moves to each new one (not on every radio change). */
  const [shown, setShown] = useState(0);
  const fileInput = useRef<HTMLInputElement>(null);
  const fileButton = useRef<HTMLButtonElement>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const popup = inToolbarPopup();

  useEffect(() => {
    if (focusFile) fileButton.current?.focus();
  }, [focusFile]);

  // The preview appears below the box: take the person (and a screen reader) to it.
  useEffect(() => {
    if (shown > 0) heading.current?.focus();
  }, [shown]);

  const show = (result: PackResult, file?: string) => {
    if (!result.ok) {
      setPreview(undefined);
      setError(file ? t('importFileError', [file, result.error]) : t('importError', result.error));
      return;
    }
    const items = planImport(state.presets, result.pack.presets);
    setError('');
    setShown((n) => n + 1);
    setPreview({
      incoming: result.pack.presets,
      items,
      resolutions: defaultResolutions(items),
      ...(file ? { file } : {}),
    });
  };

  const pickFile = async (file: File | undefined) => {
    if (!file) return;
    // Refused before reading: a huge file is a mistake, not a pack.
    if (file.size > MAX_IMPORT_BYTES) {
      show(
        { ok: false, error: `the file is larger than ${MAX_IMPORT_BYTES / 1024} KB` },
        file.name,
      );
      return;
    }
    try {
      show(parsePack(await readFileText(file, MAX_IMPORT_BYTES)), file.name);
    } catch (e) {
      show({ ok: false, error: e instanceof Error ? e.message : String(e) }, file.name);
    }
  };

  const apply = async () => {
    if (!preview || busy) return;
    // The stored presets may have changed since the preview (another window, sync).
    const items = planImport(state.presets, preview.incoming);
    if (planKey(items) !== planKey(preview.items)) {
      setPreview({ ...preview, items, resolutions: defaultResolutions(items) });
      setError(t('importStale'));
      return;
    }
    const outcome = applyImport(state.presets, items, preview.resolutions, {
      now: now(),
      newId: newPresetId,
    });
    if (!outcome.ok) {
      setError(t('importError', outcome.error));
      return;
    }
    // Refused rather than pushed out of sync: the team's presets would stop following the person.
    const quota = syncQuotaProblem({ ...state, presets: outcome.presets });
    if (quota) {
      setError(t('importTooLarge', quota));
      return;
    }
    setBusy(true);
    const done = t('importDone', [
      String(outcome.added.length),
      String(outcome.replaced.length),
      String(outcome.skipped),
    ]);
    const saved = await save({ ...state, presets: outcome.presets }, done);
    setBusy(false);
    if (saved) {
      setPreview(undefined);
      setText('');
      setError('');
    }
  };

  const count = preview ? importCount(preview) : 0;
  return (
    <section class="team-part" aria-labelledby="import-h">
      <h3 id="import-h">{t('importHeading')}</h3>
      <div class="row">
        <button
          type="button"
          ref={fileButton}
          aria-describedby={popup ? 'import-file-hint' : undefined}
          onClick={() => (popup ? void pickInTab() : fileInput.current?.click())}
        >
          {t('importFile')}
        </button>
        <input
          ref={fileInput}
          type="file"
          accept=".json,application/json"
          hidden
          aria-label={t('importFileLabel')}
          onChange={(e) => {
            const input = e.currentTarget;
            void pickFile(input.files?.[0]).finally(() => {
              // The same file can be picked again after it was fixed.
              input.value = '';
            });
          }}
        />
      </div>
      {popup && (
        <p id="import-file-hint" class="hint">
          {t('importFileInTab')}
        </p>
      )}
      <div class="field">
        <label for="import-text">{t('importPaste')}</label>
        <textarea
          id="import-text"
          rows={3}
          spellcheck={false}
          value={text}
          aria-describedby="import-hint"
          onInput={(e) => setText(e.currentTarget.value)}
        />
        <p id="import-hint" class="hint">
          {t('importPasteHint')}
        </p>
      </div>
      <div class="row">
        <button type="button" disabled={!text.trim()} onClick={() => show(parseImportText(text))}>
          {t('importPreview')}
        </button>
      </div>
      {error && (
        <p role="alert" class="error">
          {error}
        </p>
      )}
      {preview && (
        <div class="import-preview">
          <h4 id="import-preview-h" ref={heading} tabIndex={-1}>
            {preview.file ? t('previewHeadingFile', preview.file) : t('previewHeading')}
          </h4>
          <ul>
            {preview.items.map((item) => (
              <PreviewItem
                key={item.index}
                item={item}
                resolution={preview.resolutions[item.index]}
                onResolve={(resolution) =>
                  setPreview({
                    ...preview,
                    resolutions: { ...preview.resolutions, [item.index]: resolution },
                  })
                }
              />
            ))}
          </ul>
          <div class="row">
            <button
              type="button"
              class="primary"
              disabled={count === 0 || busy}
              onClick={() => void apply()}
            >
              {count === 0
                ? t('importNothing')
                : count === 1
                  ? t('importApplyOne')
                  : t('importApply', String(count))}
            </button>
            <button
              type="button"
              onClick={() => {
                setPreview(undefined);
                setError('');
              }}
            >
              {t('importCancel')}
            </button>
          </div>
        </div>
      )}
    </section>
  );
}

function PreviewItem({
  item,
  resolution,
  onResolve,
}: {
  item: ImportItem;
  resolution?: ImportResolution;
  onResolve(resolution: ImportResolution): void;
}): JSX.Element {
  const name = item.incoming.name;
  const describedBy = `import-item-${item.index}`;
  if (item.status === 'identical')
    return (
      <li class="import-item">
        <p>{t('previewIdentical', name)}</p>
      </li>
    );
  const existing = item.existing as Preset | undefined;
  const choices: ImportResolution[] =
    item.status === 'new' ? ['keep-both', 'skip'] : ['keep-both', 'replace', 'skip'];
  const legend =
    item.status === 'new'
      ? t('previewNew', name)
      : item.matchedBy === 'id'
        ? t('previewConflictId', [name, existing?.name ?? ''])
        : t('previewConflictName', [name, existing?.name ?? '']);
  const changes = existing ? presetChanges(existing, item.incoming) : undefined;
  return (
    <li class="import-item">
      <fieldset aria-describedby={describedBy}>
        <legend>{legend}</legend>
        {!changes && <NewPresetAccess id={describedBy} preset={item.incoming} />}
        {changes && (
          <ul id={describedBy} class="changes">
            {changes.fields.length > 0 && (
              <li>{t('previewChanges', changes.fields.map((f) => t(f)).join(', '))}</li>
            )}
            {changes.addedScopes.length > 0 && (
              <li>{t('previewScopesAdded', changes.addedScopes.join(', '))}</li>
            )}
            {changes.removedScopes.length > 0 && (
              <li>{t('previewScopesRemoved', changes.removedScopes.join(', '))}</li>
            )}
          </ul>
        )}
        <div class="row">
          {choices.map((choice) => (
            <label key={choice} class="check">
              <input
                type="radio"
                name={`resolution-${item.index}`}
                value={choice}
                checked={resolution === choice}
                onChange={() => onResolve(choice)}
              />
              {t(RESOLUTION_KEYS[item.status === 'new' ? 'new' : 'conflict'][choice])}
            </label>
          ))}
        </div>
      </fieldset>
    </li>
  );
}

/**
 * What a new preset would grant, shown before it is imported: its name is free text (a preset
 * called "read-only" can carry DELETE), so the scopes and the least-privilege warnings speak.
 */
function NewPresetAccess({ id, preset }: { id: string; preset: PackPreset }): JSX.Element {
  const scopes = grantLabels(preset.scopes);
  const known = publicCatalog('partner').map((c) => c.category);
  return (
    <ul id={id} class="changes">
      <li>{t('previewScopes', scopes.join(', '))}</li>
      {privilegeWarnings(preset, known).map((w) => (
        <li key={w.code} class="warning">
          ⚠{' '}
          {w.code === 'write-scopes'
            ? t('warnWrite', w.grants.map(grantText).join(', '))
            : t('warnAll')}
        </li>
      ))}
    </ul>
  );
}

const RESOLUTION_KEYS = {
  new: { 'keep-both': 'resolveAdd', replace: 'resolveReplace', skip: 'resolveSkip' },
  conflict: { 'keep-both': 'resolveKeepBoth', replace: 'resolveReplace', skip: 'resolveSkip' },
} as const;
