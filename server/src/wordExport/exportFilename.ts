import { create as contentDisposition } from 'content-disposition';

/**
 * The `Content-Disposition` of a download named after the plan («Felles-utviklingsplan-2027–2030.docx»),
 * with an ASCII fallback for old clients (æ → ae, ø → o, å → a, other marks dropped).
 */
export function exportDisposition(title: string, extension: 'docx' | 'pdf' | 'csv'): string {
  const base =
    title
      // eslint-disable-next-line no-control-regex -- control characters are what a file name must not hold.
      .replace(/[\\/:*?"<>|\u0000-\u001f\u007f]/g, ' ')
      .trim()
      .replace(/\s+/g, '-')
      .slice(0, 120) || 'Plan';
  const ascii = base
    .replace(/[Ææ]/g, (c) => (c === 'Æ' ? 'Ae' : 'ae'))
    .replace(/[Øø]/g, (c) => (c === 'Ø' ? 'O' : 'o'))
    .replace(/[–—]/g, '-')
    .normalize('NFKD')
    .replace(/[^\x20-\x7e]/g, '');
  return contentDisposition(`${base}.${extension}`, { fallback: `${ascii || 'Plan'}.${extension}` });
}
