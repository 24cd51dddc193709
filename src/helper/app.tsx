import type { JSX } from 'preact';
import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { ListedPreset, Preset } from '../core/preset';
import { withPresetAdded, withSettings } from '../core/preset-list';
import type { Scope } from '../core/scopes';
import type { RunMode } from '../core/token-request';
import { openHelperTab } from '../platform/helper-tabs';
import { t } from '../platform/i18n';
import { sendToTab } from '../platform/messaging';
import { checkForm, emptyForm, type FormState, formFromPreset, sameForm } from './form';
import type { NameEdit } from './name-prompt';
import { PageSummary } from './page-summary';
import { panelIsClear } from './panel-guard';
import { prepareRun } from './prepare-run';
import { presetActions } from './preset-actions';
import { useRun } from './run';
import { resolvedVersion, type ShownCatalog, shownCatalog } from './shown-catalog';
import { StorageNotices } from './storage-notices';
import { SyncRoomHint } from './sync-room';
import { type Sighting, useCatalogs, useRecordSighting } from './team/use-catalogs';
import { usePage } from './use-page';
import { usePresets } from './use-presets';
import { EditView } from './views/edit-view';
import { HomeView } from './views/home-view';
import { RunView } from './views/run-view';
import { findSelected, type Selection, userSelection } from './views/selection';

export interface Notice {
  text: string;
  tone: 'info' | 'error';
  undo?: () => void;
}

/** The helper's screens: the preset cards, one preset's editor, a run and its result. */
type View = 'home' | 'edit' | 'run';

interface Props {
  /** location.search of the helper page. */
  search: string;
  /** The clock, for name templates (tests pass a fixed one). */
  now?: () => Date;
}

export function App({ search, now = () => new Date() }: Props): JSX.Element {
  const [notice, setNotice] = useState<Notice>();
  const say = useCallback(
    (text: string, tone: 'info' | 'error', undo?: () => void) =>
      setNotice({ text, tone, ...(undo ? { undo } : {}) }),
    [],
  );
  const { target, page, seenUnder, mergeOffered } = usePage(search);
  const store = usePresets(say);
  const loaded = store.loaded;
  const [view, setView] = useState<View>('home');
  /** Where the run view's Back returns to. */
  const [runFrom, setRunFrom] = useState<'home' | 'edit'>('home');
  const [runName, setRunName] = useState('');
  const [selection, setSelection] = useState<Selection>('');
  const [form, setForm] = useState<FormState>(emptyForm);
  const [nameEdit, setNameEdit] = useState<NameEdit>();

  const runVersion = useRef<string | undefined>(undefined);
  const run = useRun((scopes) => mergeOffered(scopes, runVersion.current));
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

  // After a delete, focus goes to Undo: the Delete button just went with its view, and Enter undoes.
  const undoButton = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (notice?.undo) undoButton.current?.focus();
  }, [notice]);

  // A new view starts at its heading, so a screen reader says where the person now is (or at
  // the field named for it: a preset read from the page opens at its token name).
  const firstView = useRef(true);
  const focusNext = useRef<string>(undefined);
  useEffect(() => {
    const id = focusNext.current ?? `${view}-h`;
    focusNext.current = undefined;
    if (firstView.current) {
      firstView.current = false;
      return;
    }
    document.getElementById(id)?.focus();
  }, [view]);

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
  const shownFor = useCallback(
    (version: string) => {
      const next = shownCatalog(page, catalogs, version);
      const json = JSON.stringify(next);
      if (lastShown.current?.json !== json) lastShown.current = { json, shown: next };
      return lastShown.current.shown;
    },
    [page, catalogs],
  );
  const shown = useMemo(() => shownFor(form.version), [shownFor, form.version]);
  const check = useMemo(() => checkForm(form), [form]);
  const changed = !!selected && !selected.managed && !sameForm(form, formFromPreset(selected));

  if (!loaded || !target) return <p class="loading">{t('loading')}</p>;

  const state = loaded.state;
  const save = store.save;

  /** Opens a preset (or a new, empty one for '') in the edit view. */
  const edit = (value: Selection) => {
    setSelection(value);
    setNameEdit(undefined);
    const preset = findSelected(value, presets, managed);
    setForm(preset ? formFromPreset(preset) : emptyForm());
    setNotice(undefined);
    setView('edit');
  };

  const actions = presetActions({
    state,
    selected,
    form,
    check,
    now,
    save,
    say,
    select: (value, preset) => {
      setSelection(value);
      setNameEdit(undefined);
      if (preset) setForm(formFromPreset(preset));
    },
    edit,
    home: () => {
      setSelection('');
      setForm(emptyForm());
      setView('home');
    },
  });

  /** A preset made elsewhere (captured from the page): saved, then opened at its token name. */
  const addPreset = async (preset: Preset, done: string): Promise<boolean> => {
    if (!(await save(withPresetAdded(state, preset), done))) return false;
    setSelection(userSelection(preset.id));
    setNameEdit(undefined);
    setForm(formFromPreset(preset));
    focusNext.current = 'token-name';
    setView('edit');
    return true;
  };

  const setOpenAutomatically = async (on: boolean) => {
    await save(withSettings(state, { openAutomatically: on }), '');
  };

  /**
   * Runs `runForm` (a card's preset as saved, or the edit view's form as it stands) in the run
   * view. A form that cannot run says why where it was started, before anything reaches the page.
   */
  const startRun = async (
    runForm: FormState,
    presetName: string,
    mode: RunMode,
    from: 'home' | 'edit',
    clicked?: Element,
  ) => {
    if (target.tabId === undefined) return;
    setRunFrom(from);
    setRunName(presetName);
    const prepared = prepareRun(runForm, {
      mode,
      presetName,
      page,
      shown: shownFor(runForm.version),
      now: now(),
    });
    if (!prepared.ok) return run.refuse(prepared.refusal);
    // Pressing Create is what the page must never trick the person into: it has to be seen.
    if (mode === 'create' && !(await panelIsClear(clicked))) return run.refuse(t('panelCovered'));
    setNotice(undefined);
    runVersion.current = resolvedVersion(prepared.request.version, page) ?? 'latest';
    setView('run');
    run.start(target.tabId, prepared.request);
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
  const status = (
    <p role="status" class="status">
      {run.status}
    </p>
  );

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

      <StorageNotices loaded={loaded} onChanged={store.reload} />
      <PageSummary tabId={target.tabId} page={page} />
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

      {view === 'run' ? (
        <RunView
          run={run}
          presetName={runName}
          tabId={target.tabId}
          kind={page?.kind}
          status={status}
          onCancel={run.cancel}
          onBack={() => setView(runFrom)}
        />
      ) : view === 'edit' ? (
        <EditView
          selected={selected}
          isDefault={!!selected && selected.id === state.defaultPresetId}
          form={form}
          onForm={setForm}
          onScopes={setScopes}
          check={check}
          page={page}
          shown={shown}
          catalogs={catalogs}
          pickerKey={selection}
          now={now}
          changed={changed}
          syncRoom={
            <SyncRoomHint
              state={state}
              form={form}
              editingId={selected && !selected.managed ? selected.id : undefined}
            />
          }
          canRun={detected}
          status={status}
          nameEdit={nameEdit}
          onNameEdit={setNameEdit}
          onNameSubmit={(e, name) =>
            void (e.kind === 'create' ? actions.create(name) : actions.rename(name))
          }
          onSave={() => void actions.saveChanges()}
          onCancel={() => {
            setNameEdit(undefined);
            setView('home');
          }}
          onRun={(mode, clicked) =>
            void startRun(form, selected?.name ?? '', mode, 'edit', clicked)
          }
          onDuplicate={() => void actions.duplicate()}
          onDelete={() => void actions.remove()}
          onMakeDefault={() => void actions.makeDefault()}
        />
      ) : (
        <HomeView
          state={state}
          managed={managed}
          page={page}
          tabId={target.tabId}
          catalogs={catalogs}
          save={save}
          now={now}
          search={search}
          selected={selected}
          status={status}
          onRun={(preset, mode, clicked) =>
            void startRun(formFromPreset(preset), preset.name, mode, 'home', clicked)
          }
          onEdit={edit}
          onCaptured={(preset) => addPreset(preset, t('captureSaved', preset.name))}
          onNotice={(text, tone) => say(text, tone)}
          settings={
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
          }
        />
      )}
    </div>
  );
}
