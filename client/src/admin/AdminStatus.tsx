import { Alert } from '@digdir/designsystemet-react';

/** The status region a screen reader announces after an admin action, and a row action's refusal. */
export function AdminStatus({ status, error, testId }: { status: string; error?: string | null; testId: string }) {
  return (
    <>
      <div role="status" className="form-status" data-testid={testId}>
        {status}
      </div>
      {error && (
        <Alert data-color="danger" role="alert">
          {error}
        </Alert>
      )}
    </>
  );
}
