/** @jsxImportSource react */
import type { AccountUser } from '../../wire';
import { EmailChips } from '../controls/EmailChips';
import { EmailList } from '../controls/EmailList';
import { EmailRows } from '../controls/EmailRows';
import { EmailTags } from '../controls/EmailTags';
import { SelectField } from '../controls/SelectField';
import { Spinner } from '../controls/Spinner';
import { scenario, t } from '../runtime';
import type { UpdateForm, WizardForm } from './form';

interface ContactStepProps {
  form: WizardForm;
  update: UpdateForm;
  /** Account users; null while they load (the drop-down appears only then). */
  users: AccountUser[] | null;
}

/** The developer-emails widget of this page (Scenario.emailsWidget). */
const EMAILS_FIELD = {
  tags: EmailTags,
  chips: EmailChips,
  commaList: EmailList,
  addButton: EmailRows,
};

/** Step 2: Primary Contact (account users) and optional developer emails (a tag input). */
export function ContactStep({ form, update, users }: ContactStepProps) {
  const EmailsField = EMAILS_FIELD[scenario.emailsWidget];
  return (
    <div className="step-body">
      <p className="step-intro">{t('contactIntro')}</p>
      {users ? (
        <SelectField
          label={t('primaryContact')}
          value={form.primaryContact}
          options={users.map((u) => ({ value: u.email, text: `${u.name} <${u.email}>` }))}
          onChange={(email) => update({ primaryContact: email })}
        />
      ) : (
        <div className="field field-loading">
          <Spinner /> {t('loading')}
        </div>
      )}
      <EmailsField
        label={t('developerEmails')}
        emails={form.developerEmails}
        onChange={(developerEmails) => update({ developerEmails })}
      />
    </div>
  );
}
