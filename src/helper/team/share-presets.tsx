import type { JSX } from 'preact';
import { useMemo, useRef, useState } from 'preact/hooks';
import { exportPack } from '../../core/pack';
import type { ListedPreset, Preset } from '../../core/preset';
import { encodeShareText } from '../../core/share-text';
import { copyText } from '../../platform/clipboard';
import { downloadText } from '../../platform/files';
import { t } from '../../platform/i18n';
import type { PresetMarks } from './marks';
import { hasMarks, MarkList } from './preset-marks';

const PACK_FILE = 'impact-token-presets.json';

interface Props {
  presets: readonly Preset[];
  managed: readonly ListedPreset[];
  marksOf(preset: Preset): PresetMarks;
  /** The preset last opened in the edit view: the one "Copy share text" shares. */
  selected?: ListedPreset;
}

/**
 * The preset list of the Team section: every preset with its marks, a choice of which to export,
 * and the one-line share text of the selected preset.
 */
export function SharePresets({ presets, managed, marksOf, selected }: Props): JSX.Element {
  const [chosen, setChosen] = useState<ReadonlySet<string>>(new Set());
  const chosenPresets = presets.filter((p) => chosen.has(p.id));
  const toggle = (id: string, on: boolean) =>
    setChosen((prev) => {
      const next = new Set(prev);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });

  return (
    <section class="team-part" aria-labelledby="team-presets-h">
      <h3 id="team-presets-h">{t('teamPresetsHeading')}</h3>
      {presets.length === 0 ? (
        <p class="hint">{t('exportNone')}</p>
      ) : (
        <fieldset class="preset-list">
          <legend>{t('exportChooseLegend')}</legend>
          <ul>
            {presets.map((p) => {
              const marks = marksOf(p);
              const marksId = `marks-${p.id}`;
              return (
                <li key={p.id}>
                  <label class="check">
                    <input
                      type="checkbox"
                      checked={chosen.has(p.id)}
                      aria-describedby={hasMarks(marks) ? marksId : undefined}
                      onChange={(e) => toggle(p.id, e.currentTarget.checked)}
                    />
                    {p.name}
                  </label>
                  <MarkList marks={marks} id={marksId} />
                </li>
              );
            })}
          </ul>
        </fieldset>
      )}
      {managed.length > 0 && (
        <ul class="preset-list org" aria-label={t('presetManagedGroup')}>
          {managed.map((p) => (
            <li key={p.id}>
              <span>{p.name}</span>
              <MarkList marks={marksOf(p)} managed />
            </li>
          ))}
        </ul>
      )}
      <div class="row">
        <button
          type="button"
          disabled={presets.length === 0}
          onClick={() => downloadText(PACK_FILE, exportPack(presets), 'json')}
        >
          {t('exportPresets')}
        </button>
        <button
          type="button"
          disabled={chosenPresets.length === 0}
          onClick={() => downloadText(PACK_FILE, exportPack(chosenPresets), 'json')}
        >
          {t('exportChosen', String(chosenPresets.length))}
        </button>
      </div>
      <ShareText selected={selected} />
    </section>
  );
}

function ShareText({ selected }: { selected?: ListedPreset }): JSX.Element {
  const [copied, setCopied] = useState<{ id: string; ok: boolean }>();
  const box = useRef<HTMLTextAreaElement>(null);
  const text = useMemo(() => {
    if (!selected) return '';
    const { managed: _flag, ...preset } = selected;
    return encodeShareText(preset);
  }, [selected]);
  const result = copied && copied.id === selected?.id ? copied : undefined;

  const copy = async () => {
    if (!selected) return;
    setCopied({ id: selected.id, ok: await copyText(text, box.current) });
  };

  return (
    <div class="share">
      <div class="row">
        <button type="button" disabled={!selected} onClick={() => void copy()}>
          {t('copyShareText')}
        </button>
      </div>
      {selected ? (
        <div class="field">
          <label for="share-text">{t('shareTextLabel')}</label>
          {/* Always shown: the text can be copied by hand where the clipboard is refused. */}
          <textarea
            id="share-text"
            ref={box}
            readOnly
            rows={3}
            spellcheck={false}
            value={text}
            aria-describedby="share-hint"
            onFocus={(e) => e.currentTarget.select()}
          />
          <p id="share-hint" class="hint">
            {t('shareHint', selected.name)}
          </p>
        </div>
      ) : (
        <p class="hint">{t('shareNoSelection')}</p>
      )}
      <p class="hint" aria-live="polite">
        {result ? (result.ok ? t('shareCopied') : t('shareCopyFailed')) : ''}
      </p>
    </div>
  );
}
