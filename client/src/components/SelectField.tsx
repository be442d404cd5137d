import { Field, Label, Select, ValidationMessage } from '@digdir/designsystemet-react';

/** A labelled native select with its description and error, as Designsystemet lays out a field. */
export function SelectField({
  id,
  label,
  description,
  error,
  value,
  onChange,
  options,
  placeholder,
  testId,
}: {
  id: string;
  label: string;
  description?: string | undefined;
  error?: string | undefined;
  value: string;
  onChange: (value: string) => void;
  options: readonly { value: string; label: string }[];
  /** A first, empty choice ("Velg …"): the field then starts unchosen. */
  placeholder?: string;
  testId?: string;
}) {
  return (
    <Field>
      <Label>{label}</Label>
      {description && <Field.Description>{description}</Field.Description>}
      <Select
        id={id}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        aria-invalid={error ? true : undefined}
        data-testid={testId}
      >
        {placeholder !== undefined && <Select.Option value="">{placeholder}</Select.Option>}
        {options.map((option) => (
          <Select.Option key={option.value} value={option.value}>
            {option.label}
          </Select.Option>
        ))}
      </Select>
      {error && <ValidationMessage>{error}</ValidationMessage>}
    </Field>
  );
}
