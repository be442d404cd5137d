import type { PlanSummaryView } from '@fellesplan/domain';
import { describe, expect, it } from 'vitest';
import { api, useFixture } from '../testing/index.js';
import { buildPlanDocx } from '../testing/planDocx.js';
import { uploadDocx, zipOf } from '../testing/uploadDocx.js';

const f = useFixture();
const admin = () => f.token('sekretariat');
const planCount = async () => (await api<PlanSummaryView[]>(f.url, '/api/plans', { token: admin() })).body.length;

const CONTENT_TYPES = `<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
<Default Extension="xml" ContentType="application/xml"/></Types>`;
const createFields = () => ({ title: 'Importert plan', partyIds: [f.party('kommune'), f.party('sekretariat')] });

describe('POST /api/plans/import refuses, from a raw HTTP client', () => {
  it('anyone but an administrator: no session 401, a member 403, nothing created', async () => {
    const file = await buildPlanDocx();
    const before = await planCount();
    expect((await uploadDocx(f.url, file, { fields: createFields() })).status).toBe(401);
    for (const who of ['kommune', 'hf', 'fastlege']) {
      const res = await uploadDocx(f.url, file, { token: f.token(who), fields: createFields() });
      expect([who, res.status, res.body.error?.code]).toEqual([who, 403, 'admin_only']);
      const preview = await uploadDocx(f.url, file, { token: f.token(who), preview: true });
      expect(preview.status).toBe(403);
    }
    expect(await planCount()).toBe(before);
  });

  it('hostile or broken files, each with a Norwegian message, and the server goes on serving', async () => {
    const bomb = await zipOf({
      '[Content_Types].xml': CONTENT_TYPES,
      'word/document.xml': Buffer.alloc(120 * 1024 * 1024, 0x41),
    });
    const cases: [string, Buffer | null, number, string][] = [
      ['no file', null, 400, 'import_invalid_file'],
      ['not a zip', Buffer.from('%PDF-1.7 this is not a word file'), 400, 'import_invalid_file'],
      ['a zip without word/document.xml', await zipOf({ 'hello.txt': 'hei' }), 400, 'import_invalid_file'],
      ['a zip bomb', bomb, 413, 'import_too_large'],
      [
        'macros',
        await zipOf({
          '[Content_Types].xml': CONTENT_TYPES,
          'word/document.xml': '<w:document/>',
          'word/vbaProject.bin': 'Sub AutoOpen()',
        }),
        400,
        'import_macros',
      ],
      [
        'an entity-expansion DTD',
        await zipOf({
          '[Content_Types].xml': CONTENT_TYPES,
          'word/document.xml': '<?xml version="1.0"?><!DOCTYPE d [<!ENTITY a "aaaaaaaa">]><d>&a;</d>',
        }),
        400,
        'import_invalid_file',
      ],
      ['a file over 10 MB', Buffer.alloc(11 * 1024 * 1024, 1), 413, 'import_too_large'],
      ['a document with no text', await buildPlanDocx({ sections: [] }), 400, 'import_empty'],
    ];
    const before = await planCount();
    for (const [name, file, status, code] of cases) {
      const res = await uploadDocx(f.url, file, { token: admin(), fields: createFields() });
      expect([name, res.status, res.body.error?.code]).toEqual([name, status, code]);
      expect(res.body.error?.message).toMatch(/[a-zæøå]/);
    }
    expect(bomb.length).toBeLessThan(1024 * 1024);
    expect(await planCount()).toBe(before);
    expect((await api(f.url, '/api/health')).status).toBe(200);
  });

  it('a file under another field name, or two files, is not taken', async () => {
    const file = await buildPlanDocx();
    const res = await uploadDocx(f.url, file, { token: admin(), fileField: 'attachment', fields: createFields() });
    expect([res.status, res.body.error?.code]).toEqual([400, 'import_invalid_file']);
  });

  it('owners must take part in the plan; the form is checked like plans.create', async () => {
    const file = await buildPlanDocx();
    const outsider = await uploadDocx(f.url, file, {
      token: admin(),
      fields: { ...createFields(), ownerIds: [f.party('bruker')] },
    });
    expect([outsider.status, outsider.body.error?.code]).toEqual([409, 'not_plan_party']);
    const untitled = await uploadDocx(f.url, file, { token: admin(), fields: { partyIds: [f.party('kommune')] } });
    expect(untitled.status).toBe(400);
    const otherPartnership = await uploadDocx(f.url, file, {
      token: admin(),
      fields: { title: 'X', partyIds: [f.other.party('kommune')] },
    });
    expect(otherPartnership.status).toBeGreaterThanOrEqual(400);
  });
});
