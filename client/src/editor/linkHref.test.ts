import { describe, expect, it } from 'vitest';
import { normalizeLinkHref } from './linkHref.js';

describe('normalizeLinkHref', () => {
  it('turns www.… and bare host names into https, keeping what was typed', () => {
    expect(normalizeLinkHref('www.example.no')).toEqual({ ok: true, href: 'https://www.example.no' });
    expect(normalizeLinkHref('  WWW.Helse-Midt.no/planer?id=3#mål ')).toEqual({
      ok: true,
      href: 'https://WWW.Helse-Midt.no/planer?id=3#mål',
    });
    expect(normalizeLinkHref('regjeringen.no/no/dokumenter')).toEqual({
      ok: true,
      href: 'https://regjeringen.no/no/dokumenter',
    });
    expect(normalizeLinkHref('kommune.no:8443/side')).toEqual({ ok: true, href: 'https://kommune.no:8443/side' });
  });

  it('keeps full http(s) and mailto addresses, and makes an e-mail address a mailto link', () => {
    expect(normalizeLinkHref('https://www.example.no')).toEqual({ ok: true, href: 'https://www.example.no' });
    expect(normalizeLinkHref('http://example.no/a%20b')).toEqual({
      ok: true,
      href: 'http://example.no/a%20b',
    });
    expect(normalizeLinkHref('mailto:post@kommune.no')).toEqual({ ok: true, href: 'mailto:post@kommune.no' });
    expect(normalizeLinkHref('post@kommune.no')).toEqual({ ok: true, href: 'mailto:post@kommune.no' });
  });

  it('refuses unsafe schemes however they are disguised', () => {
    for (const input of [
      'javascript:alert(1)',
      'JavaScript:alert(1)',
      ' javascript:alert(document.cookie)',
      'java\tscript:alert(1)',
      'data:text/html,<script>alert(1)</script>',
      'vbscript:msgbox(1)',
      'file:///etc/passwd',
      'ftp://example.no',
      'localhost:8080',
    ]) {
      expect(normalizeLinkHref(input), input).toEqual({ ok: false, problem: 'refused' });
    }
  });

  it('refuses what is no address, and says when nothing was typed', () => {
    expect(normalizeLinkHref('')).toEqual({ ok: false, problem: 'empty' });
    expect(normalizeLinkHref('   ')).toEqual({ ok: false, problem: 'empty' });
    for (const input of ['helsefellesskap', '/plans/abc', '//evil.example/x', 'www', 'se her.no', 'https://']) {
      expect(normalizeLinkHref(input), input).toEqual({ ok: false, problem: 'refused' });
    }
  });
});
