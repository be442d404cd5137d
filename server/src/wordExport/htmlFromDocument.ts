import { appendJsonToDom } from '@fellesplan/editor';
import { Window } from 'happy-dom';
import { consensusLine } from './consensusLine.js';
import { titlePageLines } from './titlePageLines.js';
import type { ExportDocument } from './exportDocument.js';

/** Nothing may be fetched while the page is printed: no scripts, images, fonts or frames, only the inline style. */
export const PRINT_CONTENT_SECURITY_POLICY = "default-src 'none'; style-src 'unsafe-inline'";

const PRINT_CSS = `
@page { size: A4; margin: 22mm 20mm 24mm;
  @bottom-center { content: "Side " counter(page) " av " counter(pages); font: 9pt sans-serif; color: #555; } }
@page :first { @bottom-center { content: none; } }
body { font: 11pt/1.45 "DejaVu Sans", "Liberation Sans", sans-serif; color: #111; }
.title-page { break-after: page; padding-top: 35%; }
.title-page h1 { font-size: 26pt; margin-bottom: 1.2em; }
.title-page p { margin: 0.3em 0; }
.toc { break-after: page; }
.toc ol { list-style: none; padding: 0; }
.plan-section { break-before: page; }
.plan-section > h1 { font-size: 18pt; }
.consensus { font-style: italic; color: #555; }
table { border-collapse: collapse; width: 100%; margin: 0.6em 0; }
th, td { border: 1px solid #888; padding: 4px 6px; vertical-align: top; }
th { background: #eee; }
td p, th p { margin: 0; }
blockquote { border-left: 3px solid #bbb; margin-left: 0; padding-left: 1em; }
pre { white-space: pre-wrap; font-family: "DejaVu Sans Mono", monospace; }
`;

/**
 * The plan as one printable HTML page with the same parts as the Word export. It is built as a DOM
 * (happy-dom, scripting off) and serialised, so every text is escaped by the serialiser, bodies
 * render by the shared schema's own rules, and the page carries a CSP that forbids any fetch.
 */
export function htmlFromDocument(doc: ExportDocument): string {
  const window = new Window({ settings: { disableJavaScriptEvaluation: true, disableJavaScriptFileLoading: true } });
  try {
    const document = window.document;
    const element = (tag: string, text?: string, className?: string) => {
      const el = document.createElement(tag);
      if (text !== undefined) el.textContent = text;
      if (className) el.className = className;
      return el;
    };
    document.documentElement.setAttribute('lang', 'nb');
    const head = document.head;
    const charset = element('meta');
    charset.setAttribute('charset', 'utf-8');
    const csp = element('meta');
    csp.setAttribute('http-equiv', 'Content-Security-Policy');
    csp.setAttribute('content', PRINT_CONTENT_SECURITY_POLICY);
    head.append(charset, csp, element('title', doc.title), element('style', PRINT_CSS));

    const cover = element('section', undefined, 'title-page');
    cover.append(element('h1', doc.title));
    for (const line of titlePageLines(doc)) cover.append(element('p', line));

    const toc = element('nav', undefined, 'toc');
    toc.setAttribute('aria-label', 'Innhold');
    const tocList = element('ol');
    toc.append(element('h2', 'Innhold'), tocList);
    document.body.append(cover, toc);

    for (const [index, section] of doc.sections.entries()) {
      const heading = `${index + 1} ${section.title}`;
      tocList.append(element('li', heading));
      const part = element('section', undefined, 'plan-section');
      const body = element('div', undefined, 'body');
      if (section.json) appendJsonToDom(section.json, document, body);
      if (!body.hasChildNodes()) body.append(element('p', '(Ingen tekst)'));
      part.append(element('h1', heading), element('p', consensusLine(section), 'consensus'), body);
      document.body.append(part);
    }
    return `<!doctype html>\n${document.documentElement.outerHTML}`;
  } finally {
    void window.happyDOM.close();
  }
}
