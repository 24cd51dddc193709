import { contentText } from './accessible-name';
import { visible } from './locate';
import { squash } from './text';

/**
 * A review summary's term/value pairs, in the shapes design systems render them: an HTML
 * description list (`dl` with `dt`/`dd`, rows maybe wrapped in `div`s, as GOV.UK's summary list
 * does), a table whose row headers (`th`) are followed by their value cells (`td`, as Ant Design's
 * bordered Descriptions renders), or value elements that name their term with `aria-labelledby`
 * (ARIA's term/definition roles, label/value pairs of MUI-style layouts). Nothing is found by
 * class. A value element holding only links or buttons (GOV.UK's "Change" action) is no value.
 */

export interface SummaryPair {
  /** The term's text as shown (decorations included; callers compare with isLabel). */
  term: string;
  value: Element;
}

const INTERACTIVE = 'a[href],button,[role=button],[role=link]';

/** Whether every word of `el` is inside a link or button: an action, not a value. */
function actionOnly(el: Element): boolean {
  const actions = [...el.querySelectorAll(INTERACTIVE)];
  if (!actions.length) return false;
  const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode())
    if (n.textContent?.trim() && !actions.some((a) => a.contains(n))) return false;
  return true;
}

const termText = (el: Element) => squash(contentText(el));

/** dt/dd in order, through the div wrappers HTML allows between a dl and its groups. */
function fromList(dl: Element, out: SummaryPair[]): void {
  let terms: Element[] = [];
  let valued = false;
  const visit = (parent: Element) => {
    for (const child of parent.children) {
      if (child.localName === 'div') visit(child);
      else if (child.localName === 'dt') {
        if (valued) terms = [];
        valued = false;
        terms.push(child);
      } else if (child.localName === 'dd') {
        valued = true;
        for (const t of terms) out.push({ term: termText(t), value: child });
      }
    }
  };
  visit(dl);
}

/** Each row header's value cells: the td siblings after it, up to the next th. */
function fromTable(table: Element, out: SummaryPair[]): void {
  for (const row of table.querySelectorAll('tr')) {
    let term: Element | undefined;
    for (const cell of row.children) {
      if (cell.localName === 'th') term = cell;
      else if (cell.localName === 'td' && term) out.push({ term: termText(term), value: cell });
    }
  }
}

/** Values that name their term: role=definition, or any non-control element, by aria-labelledby. */
function fromLabelledBy(root: Element, out: SummaryPair[]): void {
  for (const el of root.querySelectorAll('[aria-labelledby]')) {
    if (el.matches(`${INTERACTIVE},input,select,textarea,[role]:not([role=definition])`)) continue;
    const ids = el.getAttribute('aria-labelledby')?.split(/\s+/) ?? [];
    const terms = ids.map((id) => document.getElementById(id)).filter((t) => t !== null);
    if (terms.length === 1 && !(terms[0] as Element).contains(el))
      out.push({ term: termText(terms[0] as Element), value: el });
  }
}

/**
 * Every term/value pair shown in `root`, each value element once (a dd may also name its dt with
 * aria-labelledby), hidden ones and action-only values left out.
 */
export function summaryPairs(root: Element): SummaryPair[] {
  const found: SummaryPair[] = [];
  for (const dl of root.querySelectorAll('dl')) fromList(dl, found);
  for (const table of root.querySelectorAll('table')) fromTable(table, found);
  fromLabelledBy(root, found);
  const seen = new Set<Element>();
  return found.filter(({ value }) => {
    if (seen.has(value) || !visible(value) || actionOnly(value)) return false;
    seen.add(value);
    return true;
  });
}
