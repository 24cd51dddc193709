import { Component, type FunctionComponent, h } from 'preact';

/**
 * React's `memo` without preact/compat: compat also rewrites `onChange` of text inputs and
 * selects to `input` events for the whole page, which this helper's forms do not expect. The
 * wrapped component renders again only when one of its props changed (by identity).
 */
type MemoProps = { of: FunctionComponent<Record<string, unknown>> } & Record<string, unknown>;

class Memo extends Component<MemoProps> {
  override shouldComponentUpdate(next: MemoProps): boolean {
    const before = this.props as Record<string, unknown>;
    const keys = Object.keys(next);
    return (
      keys.length !== Object.keys(before).length || keys.some((k) => !Object.is(before[k], next[k]))
    );
  }
  override render() {
    const { of, ...props } = this.props;
    return h(of, props);
  }
}

export const memo =
  <P extends object>(render: FunctionComponent<P>): FunctionComponent<P> =>
  (props) =>
    h(Memo, { of: render as FunctionComponent<Record<string, unknown>>, ...props });
