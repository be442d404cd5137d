import yazl from 'yazl';

/** `POST /api/plans/import` as any HTTP client sends it: multipart with `file` and form fields. */
export async function uploadDocx(
  baseUrl: string,
  file: Buffer | null,
  options: {
    token?: string | null;
    preview?: boolean;
    fields?: Record<string, string | string[]>;
    fileField?: string;
  } = {},
): Promise<{ status: number; body: Record<string, unknown> & { error?: { code: string; message: string } } }> {
  const form = new FormData();
  for (const [key, value] of Object.entries(options.fields ?? {})) {
    for (const v of Array.isArray(value) ? value : [value]) form.append(key, v);
  }
  if (file) form.append(options.fileField ?? 'file', new Blob([new Uint8Array(file)]), 'plan.docx');
  const response = await fetch(`${baseUrl}/api/plans/import${options.preview ? '?preview=1' : ''}`, {
    method: 'POST',
    headers: options.token ? { authorization: `Bearer ${options.token}` } : {},
    body: form,
  });
  return { status: response.status, body: (await response.json()) as never };
}

/** A zip of the given entries (hand-made hostile packages for import tests). */
export function zipOf(entries: Record<string, string | Buffer>): Promise<Buffer> {
  const zip = new yazl.ZipFile();
  for (const [name, content] of Object.entries(entries)) {
    zip.addBuffer(typeof content === 'string' ? Buffer.from(content) : content, name);
  }
  zip.end();
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    zip.outputStream.on('data', (chunk: Buffer) => chunks.push(chunk));
    zip.outputStream.on('end', () => resolve(Buffer.concat(chunks)));
    zip.outputStream.on('error', reject);
  });
}
