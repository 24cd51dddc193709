/** @jsxImportSource react */
import { scenario, t } from '../runtime';
import { STEPS } from './form';

const stepClass = (i: number, current: number) =>
  i < current ? 'step step-done' : i === current ? 'step step-current' : 'step';

/** Ids of the tabs variant: each tab controls the one step panel, which it labels while current. */
export const stepTabId = (base: string, i: number) => `${base}-tab-${i}`;
export const stepPanelId = (base: string) => `${base}-panel`;

/**
 * The step indicator, as Scenario.stepMarker says. `aria-current`: an ordered list whose current
 * item has aria-current="step" (its text is just the step name; the number bubble is a CSS
 * counter). `tabs`: a tablist whose current tab has aria-selected="true" (Radix/MUI Tabs used as a
 * stepper; the other tabs are disabled). `heading`: the same list with the current step marked by
 * its class only (MUI Stepper, Ant Design Steps); the step body then starts with a heading.
 */
export function StepIndicator({ current, base }: { current: number; base: string }) {
  if (scenario.stepMarker === 'tabs')
    return (
      <div role="tablist" className="stepper" aria-label={t('steps')}>
        {STEPS.map((key, i) => (
          <div
            key={key}
            role="tab"
            id={stepTabId(base, i)}
            aria-selected={i === current}
            aria-controls={i === current ? stepPanelId(base) : undefined}
            aria-disabled={i === current ? undefined : true}
            tabIndex={i === current ? 0 : -1}
            className={stepClass(i, current)}
          >
            {t(key)}
          </div>
        ))}
      </div>
    );
  const marked = scenario.stepMarker === 'aria-current';
  return (
    <ol className="stepper" aria-label={t('steps')}>
      {STEPS.map((key, i) => (
        <li
          key={key}
          aria-current={marked && i === current ? 'step' : undefined}
          className={stepClass(i, current)}
        >
          {t(key)}
        </li>
      ))}
    </ol>
  );
}
