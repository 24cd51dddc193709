/** @jsxImportSource react */
import { scenario } from '../runtime';
import { Dropdown } from './Dropdown';
import { EditableCombobox } from './EditableCombobox';
import { NativeSelect } from './NativeSelect';
import { SelectOnlyCombobox } from './SelectOnlyCombobox';

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

/** A labelled drop-down, built as Scenario.dropdown says (`nativeSelects` forces a <select>). */
export function SelectField(props: SelectProps) {
  const kind = scenario.nativeSelects ? 'native' : scenario.dropdown;
  if (kind === 'native') return <NativeSelect {...props} />;
  if (kind === 'select-only') return <SelectOnlyCombobox {...props} />;
  if (kind === 'editable') return <EditableCombobox {...props} />;
  return <Dropdown {...props} inline={kind === 'listbox-inline'} />;
}
