/** @jsxImportSource react */
import { useId } from 'react';
import { LabelledField } from '../controls/LabelledField';
import { SelectField } from '../controls/SelectField';
import { t } from '../runtime';
import type { UpdateForm, WizardForm } from './form';

interface SetupStepProps {
  form: WizardForm;
  update: UpdateForm;
  /** Offered API versions, newest first. */
  versions: number[];
  /** The name's validation error (role=alert), from the page or the backend. */
  nameError: string | null;
}

const versionText = (n: number, latest: boolean) =>
  t('versionOption', { n }) + (latest ? t('latestSuffix') : '');

/**
 * Step 1: Token Name, Description, API Version. Inputs are controlled, as in the real React page;
 * how they are labelled follows Scenario.labelStyle and labelDecoration (LabelledField).
 */
export function SetupStep({ form, update, versions, nameError }: SetupStepProps) {
  const id = useId();
  return (
    <div className="step-body">
      <p className="step-intro">{t('setupIntro')}</p>
      <div className="field">
        {/* The asterisk sits outside the label so the label's text stays exactly the name. */}
        <LabelledField
          label={t('tokenName')}
          hint={t('tokenNameHint')}
          describedBy={nameError ? `${id}-name-error` : undefined}
          after={
            <span className="required" aria-hidden="true">
              *
            </span>
          }
          control={(attributes) => (
            <input
              {...attributes}
              className="input"
              type="text"
              required
              autoComplete="off"
              value={form.tokenName}
              aria-invalid={nameError ? true : undefined}
              onChange={(e) => update({ tokenName: e.target.value })}
            />
          )}
        />
        {nameError && (
          <p role="alert" id={`${id}-name-error`} className="field-error">
            {nameError}
          </p>
        )}
      </div>
      <div className="field">
        <LabelledField
          label={t('description')}
          hint={t('descriptionHint')}
          control={(attributes) => (
            <textarea
              {...attributes}
              className="input textarea"
              rows={3}
              value={form.description}
              onChange={(e) => update({ description: e.target.value })}
            />
          )}
        />
      </div>
      <SelectField
        label={t('apiVersion')}
        value={String(form.version)}
        options={versions.map((n, i) => ({ value: String(n), text: versionText(n, i === 0) }))}
        onChange={(v) => update({ version: Number(v) })}
      />
    </div>
  );
}
