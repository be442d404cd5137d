import { Table } from '@digdir/designsystemet-react';
import type { ReactNode } from 'react';

/**
 * A table of the admin area: scrolls sideways on a narrow screen, and its caption (read by screen
 * readers, hidden on screen) names it. The rows are the children.
 */
export function AdminTable({
  caption,
  headers,
  testId,
  children,
}: {
  caption: string;
  headers: readonly string[];
  testId: string;
  children: ReactNode;
}) {
  return (
    <div className="table-scroll">
      <Table data-size="sm" className="admin-table" data-testid={testId}>
        <caption className="visually-hidden">{caption}</caption>
        <Table.Head>
          <Table.Row>
            {headers.map((header) => (
              <Table.HeaderCell key={header}>{header}</Table.HeaderCell>
            ))}
          </Table.Row>
        </Table.Head>
        <Table.Body>{children}</Table.Body>
      </Table>
    </div>
  );
}
