import { sqlIdentifier } from './pgTools.js';

/**
 * Rewrites a plain SQL script from pg_restore so that what it creates in schema `from` lands in
 * the existing schema `to`: pg_dump always names the schema, and pg_restore cannot map it. Only
 * statements are rewritten; the rows of a COPY block pass untouched (a person's text that happens
 * to name the schema stays as written). The `from` schema's own CREATE/ALTER/COMMENT go: `to`
 * exists already.
 */
export class SchemaRename {
  private inCopyData = false;
  private readonly qualified: RegExp;
  private readonly schemaStatement: RegExp;
  private readonly replacement: string;

  constructor(from: string, to: string) {
    const names = [escapeRegExp(sqlIdentifier(from)), escapeRegExp(`"${from.replace(/"/g, '""')}"`)];
    const name = `(?:${[...new Set(names)].join('|')})`;
    // The schema name as a whole identifier followed by a dot: not the tail of a longer name.
    this.qualified = new RegExp(`(^|[^A-Za-z0-9_$"])${name}\\.`, 'g');
    this.schemaStatement = new RegExp(`^(CREATE SCHEMA|ALTER SCHEMA|COMMENT ON SCHEMA) ${name}[ ;]`);
    this.replacement = `$1${sqlIdentifier(to)}.`;
  }

  /** One line of the script (without its newline) → the line to run, or null to leave it out. */
  line(text: string): string | null {
    if (this.inCopyData) {
      if (text === '\\.') this.inCopyData = false;
      return text;
    }
    if (this.schemaStatement.test(text)) return null;
    const rewritten = text.replace(this.qualified, this.replacement);
    if (/^COPY .* FROM stdin;$/.test(rewritten)) this.inCopyData = true;
    return rewritten;
  }
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
