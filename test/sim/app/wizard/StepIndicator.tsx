/** @jsxImportSource react */
import { t } from '../runtime';
import { STEPS } from './form';

/**
 * The step indicator: an ordered list whose current item has aria-current="step". The item's
 * text is just the step name; the number bubble comes from a CSS counter, so it is not text.
 */
export function StepIndicator({ current }: { current: number }) {
  return (
    <ol className="stepper" aria-label={t('steps')}>
      {STEPS.map((key, i) => (
        <li
          key={key}
          aria-current={i === current ? 'step' : undefined}
          className={i < current ? 'step step-done' : i === current ? 'step step-current' : 'step'}
        >
          {t(key)}
        </li>
      ))}
    </ol>
  );
}
