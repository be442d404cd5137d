import { Alert, Heading, Paragraph } from '@digdir/designsystemet-react';

/**
 * Why the server refused a form, when no field shows the reason: an alert above the fields.
 * With a heading (the sign-up pages), the reason is its paragraph.
 */
export function FormError({
  message,
  heading,
  headingLevel = 2,
  testId,
}: {
  message: string | null;
  heading?: string;
  headingLevel?: 2 | 3;
  testId?: string;
}) {
  if (!message) return null;
  return (
    <Alert data-color="danger" role="alert" data-testid={testId}>
      {heading === undefined ? (
        message
      ) : (
        <>
          <Heading level={headingLevel} data-size="2xs">
            {heading}
          </Heading>
          <Paragraph>{message}</Paragraph>
        </>
      )}
    </Alert>
  );
}
