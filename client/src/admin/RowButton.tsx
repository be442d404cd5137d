import { Button } from '@digdir/designsystemet-react';

/** A small action in an admin table row; `accessibleName` says which row ("Deaktiver Kari"). */
export function RowButton({
  label,
  accessibleName,
  onClick,
  testId,
}: {
  label: string;
  accessibleName: string;
  onClick: () => void;
  testId: string;
}) {
  return (
    <Button variant="tertiary" data-size="sm" aria-label={accessibleName} onClick={onClick} data-testid={testId}>
      {label}
    </Button>
  );
}
