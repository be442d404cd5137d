import { describe, expect, it } from 'vitest';
import { SchemaRename } from './schemaRename.js';

const rename = (from: string, to: string, script: string[]) => {
  const renamer = new SchemaRename(from, to);
  return script.map((line) => renamer.line(line)).filter((line) => line !== null);
};

describe('restoring a dump into another schema', () => {
  it('moves every statement to the target schema and leaves out the source schema itself', () => {
    expect(
      rename('fp_1_a', 'public', [
        'CREATE SCHEMA fp_1_a;',
        'CREATE TABLE fp_1_a.plans (',
        "ALTER TABLE ONLY fp_1_a.audit_events ALTER COLUMN id SET DEFAULT nextval('fp_1_a.audit_events_id_seq'::regclass);",
        'ALTER TABLE ONLY fp_1_a.sections ADD CONSTRAINT fk FOREIGN KEY (plan_id) REFERENCES fp_1_a.plans(id);',
        'CREATE TABLE fp_1_ab.other (',
      ]),
    ).toEqual([
      'CREATE TABLE public.plans (',
      "ALTER TABLE ONLY public.audit_events ALTER COLUMN id SET DEFAULT nextval('public.audit_events_id_seq'::regclass);",
      'ALTER TABLE ONLY public.sections ADD CONSTRAINT fk FOREIGN KEY (plan_id) REFERENCES public.plans(id);',
      'CREATE TABLE fp_1_ab.other (',
    ]);
  });

  it('never touches the rows of a COPY, even text that names the schema', () => {
    expect(
      rename('public', 'Fellesplan', [
        'COPY public.comments (id, body) FROM stdin;',
        '1\tSe public.plans og CREATE SCHEMA public;',
        '\\.',
        "SELECT pg_catalog.setval('public.seq', 3, true);",
      ]),
    ).toEqual([
      'COPY "Fellesplan".comments (id, body) FROM stdin;',
      '1\tSe public.plans og CREATE SCHEMA public;',
      '\\.',
      'SELECT pg_catalog.setval(\'"Fellesplan".seq\', 3, true);',
    ]);
  });
});
