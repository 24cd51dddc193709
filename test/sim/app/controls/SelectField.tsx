/** @jsxImportSource react */
import { scenario } from '../runtime';
import { Dropdown } from './Dropdown';
import { NativeSelect } from './NativeSelect';

export interface SelectOption {
  value: string;
  text: string;
}

export interface SelectProps {
  label: string;
  options: SelectOption[];
  value: string;
  onChange(value: string): void;
}

/** A labelled drop-down: the custom listbox by default, a native <select> in that scenario. */
export function SelectField(props: SelectProps) {
  return scenario.nativeSelects ? <NativeSelect {...props} /> : <Dropdown {...props} />;
}
