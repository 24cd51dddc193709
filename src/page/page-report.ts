import type { RunOutcome } from '../core/protocol';
import type { TokenRequest } from '../core/token-request';
import { contentText } from './accessible-name';
import { detectLocale } from './detect';
import { LOCALES } from './locales';
import { nameOf, queryAll, roleOf, visible } from './locate';
import { hasAny, squash } from './text';
import { STEP_LABEL, wizards } from './wizard';

/**
 * "Copy page report": when a run stops, an outline of the wizard's current step for a maintainer
 * to turn into a locale-table line or a simulation variant: roles, accessible names, label texts,
 * counts, and the stop (which locator failed, what it looked for). Left out: every value the
 * person typed, every email address, drop-down values, option texts other than versions (people),
 * the words of alerts and status messages (after Create they may be the Auth Token), and all of the
 * success dialog. Field values are never read at all.
 */

/** The last run on this page: its request (what the person typed) and how it ended. */
let last: { request: TokenRequest; outcome: RunOutcome } | undefined;
export const rememberRun = (request: TokenRequest, outcome: RunOutcome): void => {
  last = { request, outcome };
};

const EMAIL = /[^\s<>()[\],;:"']+@[^\s<>()[\],;:"']+/g;
/** Roles a maintainer matches on; alerts and status messages are counted, never quoted. */
const ROLES =
  /^(dialog|alertdialog|group|textbox|combobox|button|checkbox|switch|radio|list|listitem|listbox|option|tab|alert|status|progressbar)$/;
const QUIET = /^(alert|status|progressbar)$/;

export function pageReport(): string {
  const s = LOCALES[detectLocale()];
  const r = last?.request;
  const typed = r
    ? [r.name, r.description, r.primaryContact, ...r.developerEmails]
        .map(squash)
        .filter((t) => t.length > 1)
    : [];
  const clean = (text: string | null | undefined) => {
    let out = squash(text);
    for (const t of typed) out = out.split(t).join('‹typed›');
    return out.replace(EMAIL, '‹email›');
  };
  const lines = [
    'Token helper page report',
    `Page: ${location.host}${location.pathname}, locale ${detectLocale()}`,
  ];
  if (last?.outcome.status === 'stopped')
    lines.push(`Stopped: ${STEP_LABEL[last.outcome.step]} — ${clean(last.outcome.reason)}`);
  const created = queryAll(document, 'dialog').filter((d) => hasAny(nameOf(d), s.created));
  if (created.length) lines.push('Success dialog shown (left out)');
  const [w, more] = wizards(s);
  if (!w || more) return [...lines, `Wizard dialogs: ${more ? 'several' : 'none'}`].join('\n');
  const step = w.querySelector('[aria-current=step]');
  lines.push(`Step indicator: "${step ? clean(contentText(step)) : '(none)'}"`);
  const labels = [...w.querySelectorAll('label,legend')].filter(visible);
  // A label's text without the control it may wrap (whose value it would include).
  const text = (l: Element) => contentText(l, (l as HTMLLabelElement).control ?? undefined);
  lines.push(`Labels: ${labels.map((l) => `"${clean(text(l))}"`).join(', ')}`);
  const counts = new Map<string, number>();
  for (const el of w.querySelectorAll('*')) {
    const role = roleOf(el);
    if (!ROLES.test(role) || !visible(el) || created.some((d) => d.contains(el))) continue;
    // A drop-down's name ends with its shown value (a version, or a person): that part is left out.
    const shown = el.getAttribute('aria-haspopup') ? squash(el.textContent) : '';
    let name = QUIET.test(role) ? '' : nameOf(el);
    if (shown && name.endsWith(shown)) name = `${name.slice(0, -shown.length)}‹value›`;
    // Versions keep their text; any other option may be a person ("Name <email>", or a name).
    if (role === 'option' && (!/\d/.test(name) || name.match(EMAIL))) name = '‹option›';
    const line = `${role}${name ? ` "${clean(name)}"` : ''}`;
    counts.set(line, (counts.get(line) ?? 0) + 1);
  }
  for (const [line, n] of counts) lines.push(`  ${line}${n > 1 ? ` ×${n}` : ''}`);
  return lines.join('\n');
}
