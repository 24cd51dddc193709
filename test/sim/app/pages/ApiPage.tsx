/** @jsxImportSource react */
import { useCallback, useEffect, useState } from 'react';
import type { AccountInfo, TokenRow } from '../../wire';
import { api } from '../api';
import { Spinner } from '../controls/Spinner';
import { pause } from '../latency';
import { closeWizardRoute, openWizardRoute, useHash, WIZARD_HASH } from '../navigation';
import { scenario, t } from '../runtime';
import { Wizard } from '../wizard/Wizard';
import { TokenTable } from './TokenTable';

/** Scenario.openWizard opens it once per document, not again after it is closed. */
let autoOpened = false;

/**
 * Settings -> Technical -> API: the token list and "Create Access Token". The wizard is the hash
 * route #/create and appears a moment after the route changes, as the real page's does.
 */
export function ApiPage({ info }: { info: AccountInfo }) {
  const [tokens, setTokens] = useState<TokenRow[] | null>(null);
  const [wizardKey, setWizardKey] = useState(0);
  const [wizardShown, setWizardShown] = useState(false);
  const wizardRouted = useHash() === WIZARD_HASH;

  const loaded = tokens !== null;

  const reload = useCallback(() => {
    api.tokens().then(setTokens);
  }, []);
  useEffect(reload, [reload]);

  useEffect(() => {
    if (loaded && scenario.openWizard && !autoOpened) {
      autoOpened = true;
      openWizardRoute();
    }
  }, [loaded]);

  // Only the route opens or closes the wizard; a reloaded token list must not re-open it.
  useEffect(() => {
    if (!wizardRouted || !loaded) return setWizardShown(false);
    let live = true;
    pause('open').then(() => {
      if (!live) return;
      setWizardKey((k) => k + 1);
      setWizardShown(true);
    });
    return () => {
      live = false;
    };
  }, [wizardRouted, loaded]);

  return (
    <div className="page">
      <div className="page-header">
        <div>
          <h1>{t('api')}</h1>
          <p className="page-intro">{t('apiIntro')}</p>
        </div>
        {tokens && (
          <button type="button" className="button button-primary" onClick={openWizardRoute}>
            {t('createAccessToken')}
          </button>
        )}
      </div>
      <section className="card" aria-labelledby="tokens-title">
        <div className="card-header">
          <h2 id="tokens-title">{t('accessTokens')}</h2>
          {tokens && <span className="count">{tokens.length}</span>}
        </div>
        {tokens ? (
          <TokenTable tokens={tokens} />
        ) : (
          <p className="loading-row">
            <Spinner /> {t('loading')}
          </p>
        )}
      </section>
      {wizardShown && tokens && (
        <Wizard
          key={wizardKey}
          info={info}
          tokens={tokens}
          onClose={closeWizardRoute}
          onCreated={reload}
        />
      )}
    </div>
  );
}
