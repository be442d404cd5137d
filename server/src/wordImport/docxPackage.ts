import { IMPORT_LIMITS, type ErrorCode } from '@fellesplan/domain';
import yauzl, { type Entry, type ZipFile } from 'yauzl';

/** Why a file is refused before any reader sees it; the route answers with the code. */
export class ImportRefusal extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly params: Record<string, string> = {},
  ) {
    super(code);
  }
}

export interface DocxPackage {
  /** Links to files outside the document (templates, linked images) that were left alone. */
  externalReferences: number;
}

const RELATIONSHIP = /<Relationship\b[^>]*>/g;

/**
 * Unpacks every entry of an uploaded DOCX once, counting real bytes (a zip's own size fields can
 * lie), before mammoth unzips it: a zip bomb, a file that is no zip, a zip that is no Word
 * document, a macro-enabled one or XML with a DTD (entity expansion) is refused here.
 */
export async function inspectDocxPackage(file: Buffer): Promise<DocxPackage> {
  let zip: ZipFile;
  try {
    zip = await yauzl.fromBufferPromise(file, { lazyEntries: true, validateEntrySizes: true, strictFileNames: false });
  } catch {
    throw new ImportRefusal('import_invalid_file');
  }
  const budget = { bytes: IMPORT_LIMITS.maxUnpackedBytes, entries: IMPORT_LIMITS.maxEntries };
  let hasDocument = false;
  let externalReferences = 0;
  try {
    for await (const entry of entries(zip)) {
      budget.entries -= 1;
      if (budget.entries < 0) throw tooLarge();
      const name = entry.fileName.toLowerCase();
      if (name.endsWith('/')) continue;
      if (name === 'word/document.xml') hasDocument = true;
      if (name.endsWith('vbaproject.bin') || name.endsWith('vbadata.xml')) throw new ImportRefusal('import_macros');
      const bytes = await readEntry(zip, entry, budget);
      if (name.endsWith('.xml') || name.endsWith('.rels')) {
        const text = bytes.toString('utf8');
        // Word never writes a DTD; one here can only be an entity-expansion attack on the XML reader.
        if (/<!DOCTYPE|<!ENTITY/i.test(text)) throw new ImportRefusal('import_invalid_file');
        if (name.endsWith('.rels')) externalReferences += countExternal(text);
        if (name === '[content_types].xml' && /macroEnabled/i.test(text)) throw new ImportRefusal('import_macros');
      }
    }
  } catch (error) {
    if (error instanceof ImportRefusal) throw error;
    throw new ImportRefusal('import_invalid_file');
  } finally {
    zip.close();
  }
  if (!hasDocument) throw new ImportRefusal('import_invalid_file');
  return { externalReferences };
}

/** External targets other than hyperlinks (which stay links): attached templates, linked images, frames. */
function countExternal(rels: string): number {
  let count = 0;
  for (const [tag] of rels.matchAll(RELATIONSHIP)) {
    if (/TargetMode\s*=\s*["']External["']/i.test(tag) && !/\/hyperlink["']/i.test(tag)) count += 1;
  }
  return count;
}

/** The limits `import_too_large` names, in MB. */
export const TOO_LARGE_PARAMS = {
  limit: String(IMPORT_LIMITS.maxFileBytes / 1024 / 1024),
  unpacked: String(IMPORT_LIMITS.maxUnpackedBytes / 1024 / 1024),
};

function tooLarge(): ImportRefusal {
  return new ImportRefusal('import_too_large', TOO_LARGE_PARAMS);
}

async function* entries(zip: ZipFile): AsyncGenerator<Entry> {
  for (;;) {
    const next = await new Promise<Entry | null>((resolve, reject) => {
      const onEntry = (entry: Entry) => {
        cleanup();
        resolve(entry);
      };
      const onEnd = () => {
        cleanup();
        resolve(null);
      };
      const onError = (error: Error) => {
        cleanup();
        reject(error);
      };
      const cleanup = () => {
        zip.off('entry', onEntry);
        zip.off('end', onEnd);
        zip.off('error', onError);
      };
      zip.on('entry', onEntry);
      zip.on('end', onEnd);
      zip.on('error', onError);
      zip.readEntry();
    });
    if (!next) return;
    yield next;
  }
}

/** One entry's bytes, stopping as soon as the whole file's unpacked budget is spent. */
async function readEntry(zip: ZipFile, entry: Entry, budget: { bytes: number }): Promise<Buffer> {
  if (entry.uncompressedSize > budget.bytes) throw tooLarge();
  const stream = await new Promise<NodeJS.ReadableStream>((resolve, reject) =>
    zip.openReadStream(entry, (error, opened) => (error ? reject(error) : resolve(opened))),
  );
  const chunks: Buffer[] = [];
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    budget.bytes -= chunk.length;
    if (budget.bytes < 0) {
      (stream as unknown as { destroy(): void }).destroy();
      throw tooLarge();
    }
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}
