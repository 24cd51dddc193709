import type { MessageKey } from '../locale/en';

/** The page's own address check, shared by every developer-emails widget. */
const EMAIL = /^[^\s@,;<>]+@[^\s@,;<>]+\.[^\s@,;<>]+$/;

/** Why `address` cannot join `list` (a message key), or null when it can. */
export const emailProblem = (list: string[], address: string): MessageKey | null =>
  !EMAIL.test(address)
    ? 'errEmailInvalid'
    : list.some((e) => e.toLowerCase() === address.toLowerCase())
      ? 'errEmailDuplicate'
      : null;

export interface EmailFieldProps {
  label: string;
  emails: string[];
  onChange(emails: string[]): void;
}
