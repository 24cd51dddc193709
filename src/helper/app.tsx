import type { JSX } from 'preact';
import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { firstIssueText } from '../core/issue-text';
import { type ListedPreset, type Preset, PresetSchema } from '../core/preset';
import type { PageInfo } from '../core/protocol';
import { publicCatalog } from '../core/public-catalog';
import { scopeDrift, withSummaries } from '../core/scope-catalog';
import type { Scope, ScopeCatalog } from '../core/scopes';
import type { StoredState } from '../core/stored-state';
import type { RunMode } from '../core/token-request';
import { openHelperTab } from '../platform/helper-tabs';
import { t } from '../platform/i18n';
import { sendToTab } from '../platform/messaging';
import {
  type LoadedPresets,
  loadPresets,
  type SaveBase,
  savePresets,
  watchPresets,
} from '../platform/storage';
import {
  checkForm,
  emptyForm,
  type FormState,
  formFromPreset,
  newPresetId,
  presetFromForm,
  requestFromForm,
  sameForm,
} from './form';
import { grantText } from './grant-text';
import { PageReport } from './page-report';
import { PageSummary } from './page-summary';
import { guardPanel, panelIsClear } from './panel-guard';
import { type NameEdit, PresetBar } from './preset-bar';
import { useRun } from './run';
import { resolvedVersion, type ShownCatalog, shownCatalog } from './shown-catalog';
import { StorageNotices } from './storage-notices';
import { SyncRoomHint } from './sync-room';
import { findTarget, readPageInfo, type Target, watchForDetection } from './target';
import { CaptureAsPreset } from './team/capture';
import { PresetNotes } from './team/preset-notes';
import { TeamSection } from './team/team-section';
import { type Sighting, useCatalogs, useRecordSighting } from './team/use-catalogs';
import { TokenForm } from './token-form';

/** Select values: '' (None), 'user:<id>' (stored) or 'org:<id>' (from the organization). */
export type Selection = string;
const userSel = (id: string) => `user:${id}`;

export interface Notice {
  text: string;
  tone: 'info' | 'error';
  undo?: () => void;
}

interface Props {
  /** location.search of the helper page. */
  search: string;
  /** The clock, for name templates (tests pass a fixed one). */
  now?: () => Date;
}

export function App({ search, now = () => new Date() }: Props): JSX.Element {
  const [target, setTarget] = useState<Target>();
  const [page, setPage] = useState<PageInfo>();
  const [loaded, setLoaded] = useState<LoadedPresets>();
  const [selection, setSelection] = useState<Selection>('');
  const [form, setForm] = useState<FormState>(emptyForm);
  const [notice, setNotice] = useState<Notice>();
  const [nameEdit, setNameEdit] = useState<NameEdit>();

  /**
   * The API version the page's scope list was seen under: a run's requested one after a run (its
   * `offered`), else undefined, meaning the page's newest (the wizard's default).
   */
  const [seenUnder, setSeenUnder] = useState<string>();
  const runVersion = useRef<string | undefined>(undefined);
  const showPage = useCallback((info: PageInfo) => {
    setSeenUnder(undefined);
    setPage(info);
  }, []);
  const mergeOffered = useCallback((scopes: ScopeCatalog) => {
    setSeenUnder(runVersion.current);
    setPage((p) => ({ ...(p ?? { detected: true }), scopes }));
  }, []);
  const run = useRun(mergeOffered);
  // A stable setter for the memoized scope picker: it never re-renders for a run's progress.
  const setScopes = useCallback(
    (update: (scopes: Scope[]) => Scope[]) => setForm((f) => ({ ...f, scopes: update(f.scopes) })),
    [],
  );
  const catalogs = useCatalogs();
  const sighting = useMemo(
    (): Sighting | undefined =>
      page?.kind && page.scopes?.length
        ? {
            kind: page.kind,
            version: seenUnder ?? page.versions?.[0] ?? 'latest',
            catalog: page.scopes,
          }
        : undefined,
    [page, seenUnder],
  );
  useRecordSighting(sighting);

  // Start-up: which tab, what page, which presets; the default preset is selected.
  useEffect(() => {
    let live = true;
    void (async () => {
      const found = await findTarget(search);
      const [info, presets] = await Promise.all([readPageInfo(found.tabId), loadPresets()]);
      if (!live) return;
      guardPanel(found);
      setTarget(found);
      showPage(info);
      setLoaded(presets);
      const preferred = presets.state.presets.find((p) => p.id === presets.state.defaultPresetId);
      if (preferred) {
        setSelection(userSel(preferred.id));
        setForm(formFromPreset(preferred));
      }
    })();
    return () => {
      live = false;
    };
  }, [search, showPage]);

  // Another window or device changed the presets: show them (the form being edited stays).
  useEffect(
    () =>
      watchPresets(() => {
        void loadPresets().then(setLoaded);
      }),
    [],
  );

  // The panel stays open while the person works in the page: re-read it when they come back.
  useEffect(() => {
    if (target?.tabId === undefined) return;
    const refresh = () => void readPageInfo(target.tabId).then(showPage);
    window.addEventListener('focus', refresh);
    return () => window.removeEventListener('focus', refresh);
  }, [target?.tabId, showPage]);

  // Opened over a page that is still loading: show it once its content script has recognised it.
  const notDetectedYet = page !== undefined && !page.detected;
  useEffect(() => {
    if (!notDetectedYet || target?.tabId === undefined) return;
    const tabId = target.tabId;
    return watchForDetection(() => readPageInfo(tabId), showPage);
  }, [notDetectedYet, target?.tabId, showPage]);

  // After a delete, focus goes to Undo: the Delete button just became disabled, and Enter undoes.
  const undoButton = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (notice?.undo) undoButton.current?.focus();
  }, [notice]);

  // In the page's panel, Escape hands the page back (focus returns to the launcher button).
  useEffect(() => {
    if (!target?.embedded || target.tabId === undefined) return;
    const tabId = target.tabId;
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape' && !e.defaultPrevented)
        void sendToTab(tabId, 'closePanel', undefined).catch(() => {});
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [target]);

  const presets: ListedPreset[] = loaded?.state.presets ?? [];
  const managed: ListedPreset[] = loaded?.managed ?? [];
  const selected = useMemo(
    () => findSelected(selection, presets, managed),
    [selection, presets, managed],
  );
  // The same list as before keeps its identity (a re-read page info, a reloaded catalog are new
  // objects): the scope picker re-renders only when what it shows changed.
  const lastShown = useRef<{ json: string; shown: ShownCatalog }>(undefined);
  const shown = useMemo(() => {
    const next = shownCatalog(page, catalogs, form.version);
    const json = JSON.stringify(next);
    if (lastShown.current?.json !== json) lastShown.current = { json, shown: next };
    return lastShown.current.shown;
  }, [page, catalogs, form.version]);
  const check = useMemo(() => checkForm(form), [form]);
  const changed = !!selected && !selected.managed && !sameForm(form, formFromPreset(selected));

  if (!loaded || !target) return <p class="loading">{t('loading')}</p>;

  /** Saves `next`, an edit of `base` (what this window last read, unless said otherwise). */
  const save = async (
    next: StoredState,
    done: string,
    undo?: () => void,
    base: SaveBase = loaded,
  ): Promise<boolean> => {
    try {
      const result = await savePresets(next, base);
      // What was written may hold other windows' changes too (savePresets reapplies this edit).
      setLoaded((prev) =>
        prev
          ? {
              ...prev,
              state: result.state,
              revision: result.revision,
              area: result.area,
              ...(result.fallbackReason ? { areaReason: result.fallbackReason } : {}),
            }
          : prev,
      );
      setNotice({ text: done, tone: 'info', ...(undo ? { undo } : {}) });
      return true;
    } catch (error) {
      setNotice({ text: t('storageError', errorText(error)), tone: 'error' });
      return false;
    }
  };

  const select = (value: Selection) => {
    setSelection(value);
    setNameEdit(undefined);
    const preset = findSelected(value, presets, managed);
    setForm(preset ? formFromPreset(preset) : emptyForm());
  };

  /** Validates the form as a preset; says why when it cannot be saved. */
  const asPreset = (identity: { id: string; name: string }): Preset | undefined => {
    if (check.unknownPlaceholders.length) {
      setNotice({
        text: t('templateUnknown', check.unknownPlaceholders.join(', ')),
        tone: 'error',
      });
      return undefined;
    }
    if (check.invalidEmails.length) {
      setNotice({ text: t('invalidEmail', check.invalidEmails.join(', ')), tone: 'error' });
      return undefined;
    }
    const parsed = PresetSchema.safeParse(presetFromForm(form, identity, now()));
    if (!parsed.success) {
      setNotice({ text: t('presetInvalid', firstIssueText(parsed.error)), tone: 'error' });
      return undefined;
    }
    return parsed.data;
  };

  const state = loaded.state;

  const createPreset = async (name: string) => {
    const preset = asPreset({ id: newPresetId(), name });
    if (!preset) return;
    if (
      await save({ ...state, presets: [...state.presets, preset] }, t('presetSaved', preset.name))
    ) {
      setSelection(userSel(preset.id));
      setNameEdit(undefined);
    }
  };

  const saveChanges = async () => {
    if (!selected || selected.managed) return;
    const preset = asPreset({ id: selected.id, name: selected.name });
    if (!preset) return;
    const list = state.presets.map((p) => (p.id === preset.id ? preset : p));
    await save({ ...state, presets: list }, t('presetSaved', preset.name));
  };

  /** A preset made elsewhere (captured from the page): saved, then opened in the form. */
  const addPreset = async (preset: Preset, done: string): Promise<boolean> => {
    if (!(await save({ ...state, presets: [...state.presets, preset] }, done))) return false;
    setSelection(userSel(preset.id));
    setNameEdit(undefined);
    setForm(formFromPreset(preset));
    return true;
  };

  const renamePreset = async (name: string) => {
    if (!selected || selected.managed) return;
    const renamed = PresetSchema.safeParse({
      ...selected,
      managed: undefined,
      name,
      updatedAt: now().toISOString(),
    });
    if (!renamed.success) {
      setNotice({ text: t('presetInvalid', firstIssueText(renamed.error)), tone: 'error' });
      return;
    }
    const list = state.presets.map((p) => (p.id === selected.id ? renamed.data : p));
    if (await save({ ...state, presets: list }, t('presetSaved', renamed.data.name)))
      setNameEdit(undefined);
  };

  const duplicatePreset = async () => {
    if (!selected) return;
    const { managed: _flag, ...copy } = selected;
    const name = t('copyName', selected.name).slice(0, 100);
    const preset: Preset = { ...copy, id: newPresetId(), name, updatedAt: now().toISOString() };
    if (await save({ ...state, presets: [...state.presets, preset] }, t('presetSaved', name))) {
      setSelection(userSel(preset.id));
      setForm(formFromPreset(preset));
    }
  };

  const deletePreset = async () => {
    if (!selected || selected.managed) return;
    const index = state.presets.findIndex((p) => p.id === selected.id);
    const removed = state.presets[index];
    if (!removed) return;
    const wasDefault = state.defaultPresetId === removed.id;
    const { defaultPresetId, ...rest } = state;
    const next: StoredState = {
      ...rest,
      ...(wasDefault || defaultPresetId === undefined ? {} : { defaultPresetId }),
      presets: state.presets.filter((p) => p.id !== removed.id),
    };
    const undo = async () => {
      // Put back where it was, as it was; later changes to other presets are kept.
      const current = await loadPresets();
      const list = [...current.state.presets];
      list.splice(Math.min(index, list.length), 0, removed);
      const restored: StoredState = {
        ...current.state,
        presets: list,
        ...(wasDefault ? { defaultPresetId: removed.id } : {}),
      };
      if (await save(restored, t('presetRestored', removed.name), undefined, current))
        select(userSel(removed.id));
    };
    if (await save(next, t('presetDeleted', removed.name), () => void undo())) {
      setSelection('');
      setForm(emptyForm());
    }
  };

  const makeDefault = async () => {
    if (!selected || selected.managed) return;
    await save({ ...state, defaultPresetId: selected.id }, t('presetDefaultSet', selected.name));
  };

  const setOpenAutomatically = async (on: boolean) => {
    await save({ ...state, settings: { ...state.settings, openAutomatically: on } }, '');
  };

  const startRun = async (mode: RunMode, clicked?: Element) => {
    if (target.tabId === undefined) return;
    if (check.unknownPlaceholders.length) {
      run.refuse(t('runInvalid', t('templateUnknown', check.unknownPlaceholders.join(', '))));
      return;
    }
    if (check.invalidEmails.length) {
      run.refuse(t('runInvalid', t('invalidEmail', check.invalidEmails.join(', '))));
      return;
    }
    if (check.noScopes) {
      run.refuse(t('runStopped', [t('stepScopes'), t('noScopes')]));
      return;
    }
    // The open page's list is known: name a missing grant now, not halfway through the wizard.
    // (A list seen earlier may be out of date: the run itself finds out, and records the new one.)
    const summaries = publicCatalog(shown.kind);
    const missing =
      shown.source === 'page' ? scopeDrift(form.scopes, shown.catalog, summaries)[0] : undefined;
    if (missing) {
      // Worded as the page driver words it, so the stop reads the same whoever found it.
      run.refuse(t('runStopped', [t('stepScopes'), t('grantNotOffered', grantText(missing))]));
      return;
    }
    // Pinned endpoints carry their summaries, the page's first, so a page that shows endpoints
    // by summary only can be matched too.
    const scopes = withSummaries(withSummaries(form.scopes, shown.catalog), summaries);
    const request = requestFromForm(
      { ...form, scopes },
      {
        presetName: selected?.name ?? '',
        account: page?.account,
        mode,
        now: now(),
      },
    );
    if (!request.ok) {
      const reason =
        request.error === 'unknown-placeholder'
          ? t('templateUnknown', request.placeholders.join(', '))
          : request.error === 'account-unknown'
            ? t('templateAccountUnknown')
            : request.detail;
      run.refuse(t('runInvalid', reason));
      return;
    }
    // Pressing Create is what the page must never trick the person into: it has to be seen.
    if (mode === 'create' && !(await panelIsClear(clicked))) {
      run.refuse(t('panelCovered'));
      return;
    }
    setNotice(undefined);
    runVersion.current = resolvedVersion(request.value.version, page) ?? 'latest';
    run.start(target.tabId, request.value);
  };

  const popOut = async () => {
    if (target.tabId === undefined) return;
    await openHelperTab(target.tabId);
    if (!target.embedded) window.close();
  };

  const closePanel = () => {
    if (target.tabId !== undefined)
      void sendToTab(target.tabId, 'closePanel', undefined).catch(() => {});
  };

  const detected = page?.detected === true;

  return (
    <div class="helper">
      <header class="bar">
        <h1>{t('helperTitle')}</h1>
        {target.tabId !== undefined && !target.poppedOut && (
          <button type="button" class="quiet" onClick={() => void popOut()}>
            {t('popOut')}
          </button>
        )}
        {target.embedded && (
          <button type="button" class="quiet" onClick={closePanel}>
            {t('closePanel')}
          </button>
        )}
      </header>

      <StorageNotices loaded={loaded} onChanged={() => void loadPresets().then(setLoaded)} />
      <PageSummary tabId={target.tabId} page={page} />

      <PresetBar
        presets={presets}
        managed={managed}
        defaultId={state.defaultPresetId}
        selection={selection}
        selected={selected}
        onSelect={select}
        onDuplicate={() => void duplicatePreset()}
        onDelete={() => void deletePreset()}
        onMakeDefault={() => void makeDefault()}
        nameEdit={nameEdit}
        onNameEdit={setNameEdit}
        onNameSubmit={(edit, name) =>
          void (edit.kind === 'create' ? createPreset(name) : renamePreset(name))
        }
      />
      <PresetNotes preset={selected} page={page} catalogs={catalogs} />

      <TokenForm
        form={form}
        onChange={setForm}
        onScopes={setScopes}
        page={page}
        shown={shown}
        pickerKey={selection}
        check={check}
        presetName={selected?.name ?? ''}
        now={now}
        disabled={run.running}
      />

      <section class="actions">
        <p class="advice">{t('adviceLeastPrivilege')}</p>
        <p class="hint">{t('fillFormHint')}</p>
        <div class="row">
          {run.running ? (
            <button type="button" onClick={run.cancel}>
              {t('cancel')}
            </button>
          ) : (
            <>
              <button
                type="button"
                class="primary"
                disabled={!detected}
                onClick={() => void startRun('review')}
              >
                {t('fillForm')}
              </button>
              <button
                type="button"
                disabled={!detected}
                onClick={(e) => void startRun('create', e.currentTarget)}
              >
                {t('fillAndCreate')}
              </button>
            </>
          )}
        </div>
        <p role="status" class="status">
          {run.status}
        </p>
        {/* Keyed by the status: each stopped run asks for its own report. */}
        {run.outcome?.status === 'stopped' && target.tabId !== undefined && (
          <PageReport key={run.status} tabId={target.tabId} />
        )}
      </section>

      <section class="save-actions">
        <SyncRoomHint
          state={state}
          form={form}
          editingId={selected && !selected.managed ? selected.id : undefined}
        />
        <div class="row">
          <button
            type="button"
            disabled={run.running}
            onClick={() =>
              setNameEdit({
                kind: 'create',
                name: selected ? t('copyName', selected.name) : t('newPresetName'),
              })
            }
          >
            {t('saveAsPreset')}
          </button>
          <CaptureAsPreset
            tabId={target.tabId}
            kind={page?.kind ?? 'partner'}
            detected={detected}
            disabled={run.running}
            presets={state.presets}
            now={now}
            onCreate={(preset) => addPreset(preset, t('captureSaved', preset.name))}
            onNotice={(text, tone) => setNotice({ text, tone })}
          />
          {selected && !selected.managed && (
            <button
              type="button"
              disabled={!changed || run.running}
              onClick={() => void saveChanges()}
            >
              {t('saveChanges')}
            </button>
          )}
        </div>
      </section>

      <div class="notice-area" aria-live="polite">
        {notice?.text && (
          <p class={notice.tone === 'error' ? 'notice error' : 'notice'}>
            {notice.text}{' '}
            {notice.undo && (
              <button
                type="button"
                ref={undoButton}
                onClick={() => {
                  const undo = notice.undo;
                  setNotice(undefined);
                  undo?.();
                }}
              >
                {t('undo')}
              </button>
            )}
          </p>
        )}
      </div>

      <section class="settings" aria-labelledby="settings-h">
        <h2 id="settings-h">{t('settings')}</h2>
        <label class="check">
          <input
            type="checkbox"
            checked={state.settings.openAutomatically}
            onChange={(e) => void setOpenAutomatically(e.currentTarget.checked)}
            aria-describedby="auto-open-hint"
          />
          {t('autoOpen')}
        </label>
        <p id="auto-open-hint" class="hint">
          {t('autoOpenHint')}
        </p>
      </section>

      <TeamSection
        presets={presets}
        managed={managed}
        state={state}
        save={save}
        page={page}
        catalogs={catalogs}
        selected={selected}
        now={now}
        search={search}
      />
    </div>
  );
}

function findSelected(
  selection: Selection,
  presets: readonly ListedPreset[],
  managed: readonly ListedPreset[],
): ListedPreset | undefined {
  if (selection.startsWith('user:')) return presets.find((p) => `user:${p.id}` === selection);
  if (selection.startsWith('org:')) return managed.find((p) => `org:${p.id}` === selection);
  return undefined;
}

const errorText = (error: unknown) => (error instanceof Error ? error.message : String(error));
