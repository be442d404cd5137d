import type { ImportWarning } from '@fellesplan/domain';
import mammoth from 'mammoth';
import { inspectDocxPackage, ImportRefusal } from './docxPackage.js';
import { htmlToSections, type ImportedSection } from './htmlToSections.js';

export type DocxImport =
  | { ok: true; sections: ImportedSection[]; warnings: ImportWarning[] }
  | { ok: false; code: ImportRefusal['code']; params: Record<string, string> };

/**
 * Reads an uploaded DOCX into proposed sections: checked as a package first, converted by mammoth
 * (which never reads files outside the document here), then kept to what the schema holds.
 * Refusals are returned, not thrown, so they cross a worker boundary intact.
 */
export async function docxToSections(file: Uint8Array): Promise<DocxImport> {
  try {
    const buffer = Buffer.from(file.buffer, file.byteOffset, file.byteLength);
    const { externalReferences } = await inspectDocxPackage(buffer);
    const { value: html } = await mammoth
      .convertToHtml(
        { buffer },
        {
          externalFileAccess: false,
          // Images are left out; the bytes are never read, only the place is marked to count it.
          convertImage: mammoth.images.imgElement(() => Promise.resolve({ src: '' })),
        },
      )
      .catch(() => {
        throw new ImportRefusal('import_invalid_file');
      });
    const sections = htmlToSections(html);
    if (sections.length === 0 || sections.every((s) => s.characters === 0 && !s.body)) {
      throw new ImportRefusal('import_empty');
    }
    return { ok: true, sections, warnings: importWarnings(sections, externalReferences) };
  } catch (error) {
    if (error instanceof ImportRefusal) return { ok: false, code: error.code, params: error.params };
    throw error;
  }
}

function importWarnings(sections: ImportedSection[], externalReferences: number): ImportWarning[] {
  const warnings: ImportWarning[] = [];
  const images = sections.reduce((sum, s) => sum + s.images, 0);
  if (images > 0) warnings.push({ code: 'images_dropped', count: images });
  if (sections.every((s) => s.introduction)) warnings.push({ code: 'no_headings' });
  if (externalReferences > 0) warnings.push({ code: 'external_references_ignored', count: externalReferences });
  return warnings;
}
