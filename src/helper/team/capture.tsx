import type { JSX } from 'preact';
import { useState } from 'preact/hooks';
import { presetFromCapture } from '../../core/capture-preset';
import type { Preset } from '../../core/preset';
import type { AccountKind } from '../../core/protocol';
import { publicCatalog } from '../../core/public-catalog';
import { t } from '../../platform/i18n';
import { sendToTab } from '../../platform/messaging';
import { newPresetId } from '../form';

interface Props {
  tabId?: number;
  /** The page's account kind: its public catalog names endpoint rows shown by summary only. */
  kind: AccountKind;
  /** The page is an impact.com API page (the content script can read its wizard). */
  detected: boolean;
  disabled: boolean;
  presets: readonly Preset[];
  now(): Date;
  /** Saves the new preset and opens it for editing; resolves false when saving failed. */
  onCreate(preset: Preset): Promise<boolean>;
  onNotice(text: string, tone: 'info' | 'error'): void;
}

/**
 * "Save page selection as preset": the content script reads the open wizard (src/page/capture.ts
 * walks its steps), and what it holds becomes a new preset, opened in the edit view.
 */
export function CaptureAsPreset(props: Props): JSX.Element {
  const [busy, setBusy] = useState(false);

  const capture = async () => {
    if (props.tabId === undefined || busy) return;
    setBusy(true);
    props.onNotice(t('captureReading'), 'info');
    try {
      const answer = await sendToTab(props.tabId, 'captureSelection', undefined).catch(
        (error: unknown) => ({ error: error instanceof Error ? error.message : String(error) }),
      );
      if (!answer) return props.onNotice(t('captureFailed', t('noAnswer')), 'error');
      if ('error' in answer) return props.onNotice(t('captureFailed', answer.error), 'error');
      const result = presetFromCapture(answer, {
        id: newPresetId(),
        now: props.now(),
        takenNames: props.presets.map((p) => p.name),
        summaries: publicCatalog(props.kind),
      });
      if (!result.ok)
        return props.onNotice(
          result.error === 'no-name'
            ? t('captureNoName')
            : result.error === 'unnamed-endpoints'
              ? t('captureUnnamed', result.endpoints.join(', '))
              : t('captureInvalid', result.detail),
          'error',
        );
      // Opened for editing (the edit view then starts at its token name).
      await props.onCreate(result.preset);
    } finally {
      setBusy(false);
    }
  };

  return (
    <button
      type="button"
      disabled={!props.detected || props.disabled || busy}
      aria-busy={busy ? 'true' : undefined}
      onClick={() => void capture()}
    >
      {t('capturePreset')}
    </button>
  );
}
