import { Checkbox, Fieldset, ValidationMessage } from '@digdir/designsystemet-react';
import { toggled } from '../structure/toggled.js';

/**
 * A fieldset of checkboxes that edits a list of chosen values (parties, patient groups). The
 * first checkbox carries `firstId`, where focus goes when the group is at fault.
 */
export function CheckboxGroup<T extends string>({
  legend,
  description,
  options,
  checked,
  onChange,
  firstId,
  error,
  size,
  testId,
}: {
  legend: string;
  description?: string;
  options: readonly { value: T; label: string }[];
  checked: readonly T[];
  onChange: (checked: T[]) => void;
  firstId?: string;
  error?: string | undefined;
  size?: 'sm';
  testId?: string;
}) {
  return (
    <Fieldset data-size={size} data-testid={testId}>
      <Fieldset.Legend>{legend}</Fieldset.Legend>
      {description && <Fieldset.Description>{description}</Fieldset.Description>}
      {options.map((option, index) => (
        <Checkbox
          key={option.value}
          id={index === 0 ? firstId : undefined}
          value={option.value}
          label={option.label}
          checked={checked.includes(option.value)}
          onChange={(e) => onChange(toggled(checked, option.value, e.target.checked))}
        />
      ))}
      {error && <ValidationMessage>{error}</ValidationMessage>}
    </Fieldset>
  );
}
