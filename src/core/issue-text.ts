import type { z } from 'zod';

/**
 * Turns a zod path into the form people read in a JSON file: `presets[2].scopes[0].methods[1]`.
 * Keys that are not plain identifiers are quoted so that a key such as "a.b" cannot be confused
 * with nesting.
 */
export const formatIssuePath = (path: readonly PropertyKey[]): string => {
  let text = '';
  for (const segment of path) {
    if (typeof segment === 'number') text += `[${segment}]`;
    else if (typeof segment === 'string' && /^[A-Za-z_$][\w$]*$/.test(segment))
      text += text ? `.${segment}` : segment;
    else text += `[${JSON.stringify(String(segment))}]`;
  }
  return text;
};

/** `path: message` for one place in the data; just the message when the problem is at the top. */
export const describeAt = (path: readonly PropertyKey[], message: string): string => {
  const where = formatIssuePath(path);
  return where ? `${where}: ${message}` : message;
};

/**
 * Only the first problem is reported: a file with one mistake often produces many follow-on
 * issues, and the first, in document order, is the one to fix.
 */
export const firstIssueText = (
  error: z.ZodError,
  pathPrefix: readonly PropertyKey[] = [],
): string => {
  const issue = error.issues[0];
  if (!issue) return 'invalid data';
  return describeAt([...pathPrefix, ...issue.path], issue.message);
};
