import { Table } from '@digdir/designsystemet-react';

/** The first cell of an admin row: the name, and under it a detail such as the e-mail. */
export function NameCell({ name, detail }: { name: string; detail?: string | null }) {
  return (
    <Table.Cell>
      <span className="admin-table__name">{name}</span>
      {detail && <span className="admin-table__detail">{detail}</span>}
    </Table.Cell>
  );
}
