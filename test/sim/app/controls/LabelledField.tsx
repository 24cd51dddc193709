/** @jsxImportSource react */
import { type ReactNode, useId } from 'react';
import { scenario } from '../runtime';

/** What the labelled control must carry for its label (spread onto the input or textarea). */
export interface LabelAttributes {
  id: string;
  'aria-label'?: string;
  'aria-labelledby'?: string;
  /** Space-separated ids; includes the hint when it is shown. */
  'aria-describedby'?: string;
}

interface LabelledFieldProps {
  label: string;
  /** Help text; shown inside the label element with Scenario.labelDecoration "hint". */
  hint: string;
  /** Further description ids (e.g. the field's error). */
  describedBy?: string;
  /** Things after the label, such as a required marker outside it. */
  after?: ReactNode;
  control(attributes: LabelAttributes): ReactNode;
}

/**
 * A field labelled as Scenario.labelStyle says: <label for>, a <label> wrapping the control,
 * aria-labelledby on a plain element, or aria-label (the visible caption is then not linked).
 * With the "hint" decoration, the label element also holds a hint that is the control's
 * description (aria-describedby), as design systems put helper text next to the caption.
 */
export function LabelledField({ label, hint, describedBy, after, control }: LabelledFieldProps) {
  const id = useId();
  const style = scenario.labelStyle;
  const hintId = `${id}-hint`;
  const withHint = scenario.labelDecoration === 'hint' && style !== 'aria-label';
  const hintText = withHint && (
    <span id={hintId} className="field-hint">
      {hint}
    </span>
  );
  const described = [withHint ? hintId : '', describedBy ?? ''].filter(Boolean).join(' ');
  const attributes: LabelAttributes = { id: `${id}-control` };
  if (described) attributes['aria-describedby'] = described;
  if (style === 'labelledby') attributes['aria-labelledby'] = `${id}-label`;
  if (style === 'aria-label') attributes['aria-label'] = label;
  const caption = (
    <>
      {label} {hintText}
    </>
  );
  if (style === 'wrapping')
    return (
      <div className="label-row">
        {/* biome-ignore lint/a11y/noLabelWithoutControl: the control is rendered inside, by control() */}
        <label className="field-label field-wrapping">
          {caption}
          {control(attributes)}
        </label>
        {after}
      </div>
    );
  return (
    <>
      <div className="label-row">
        {style === 'for' && (
          <label className="field-label" htmlFor={attributes.id}>
            {caption}
          </label>
        )}
        {style === 'labelledby' && (
          <span className="field-label" id={`${id}-label`}>
            {caption}
          </span>
        )}
        {style === 'aria-label' && <span className="field-label">{label}</span>}
        {after}
      </div>
      {control(attributes)}
    </>
  );
}
