import { useEffect, useRef, useState } from 'preact/hooks';
import { copyText } from '../platform/clipboard';
import { t } from '../platform/i18n';
import { sendToTab } from '../platform/messaging';

/**
 * "Copy page report" under a stopped run: the content script outlines the wizard's current step
 * (src/page/page-report.ts; typed values, emails, people and the success dialog left out). The
 * text is shown in a box as well, to read before sharing and to copy by hand where the clipboard
 * is refused.
 */
export function PageReport({ tabId }: { tabId: number }) {
  const [text, setText] = useState<string | null>();
  const [copied, setCopied] = useState<boolean>();
  const box = useRef<HTMLTextAreaElement>(null);

  // Copied once the box shows the text, so the selection fallback has something to select.
  useEffect(() => {
    if (text) void copyText(text, box.current).then(setCopied);
  }, [text]);

  const ask = async () => {
    setCopied(undefined);
    setText((await sendToTab(tabId, 'pageReport', undefined).catch(() => undefined)) ?? null);
  };

  return (
    <div class="page-report">
      <div class="row">
        <button type="button" onClick={() => void ask()}>
          {t('copyPageReport')}
        </button>
      </div>
      {text && (
        <div class="field">
          <label for="page-report">{t('pageReportLabel')}</label>
          <textarea
            id="page-report"
            ref={box}
            readOnly
            rows={8}
            spellcheck={false}
            value={text}
            onFocus={(e) => e.currentTarget.select()}
          />
        </div>
      )}
      <p class="hint" aria-live="polite">
        {text === null
          ? t('pageReportFailed')
          : copied === undefined
            ? ''
            : t(copied ? 'pageReportCopied' : 'pageReportCopyByHand')}
      </p>
    </div>
  );
}
