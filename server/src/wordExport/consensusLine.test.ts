import { describe, expect, it } from 'vitest';
import { consensusLine, norwegianDate } from './consensusLine.js';

describe('consensusLine', () => {
  it('groups current stances with their notes, in stance order', () => {
    const line = consensusLine({
      locked: false,
      waitingFor: [],
      consensus: [
        { party: 'Fastlegene', stance: 'reservation', note: 'forbehold om politisk behandling', stale: false },
        { party: 'Demo kommune', stance: 'agree', note: null, stale: false },
        { party: 'Demo HF', stance: 'agree', note: null, stale: false },
      ],
    });
    expect(line).toBe(
      'Enig: Demo kommune, Demo HF · Enig med forbehold: Fastlegene (forbehold om politisk behandling)',
    );
  });

  it('[C2] shows a stale stance as taken on earlier text, never as agreement', () => {
    const line = consensusLine({
      locked: false,
      waitingFor: ['Brukerrådet'],
      consensus: [
        { party: 'Demo kommune', stance: 'agree', note: null, stale: false },
        { party: 'Demo HF', stance: 'agree', note: null, stale: true },
      ],
    });
    expect(line).toBe(
      'Enig: Demo kommune · Teksten er endret etter standpunkt fra: Demo HF (enig) · Venter på: Brukerrådet',
    );
    expect(line.split(' · ')[0]).not.toContain('Demo HF');
  });

  it('says when a section is locked or has no stance yet', () => {
    expect(consensusLine({ locked: true, waitingFor: [], consensus: [] })).toBe('Låst');
    expect(consensusLine({ locked: false, waitingFor: [], consensus: [] })).toBe('Ingen standpunkter ennå');
  });
});

describe('norwegianDate', () => {
  it('writes the date in Norwegian time', () => {
    expect(norwegianDate('2026-11-24T10:00:00Z')).toBe('24. november 2026');
    expect(norwegianDate('2026-12-31T23:30:00Z')).toBe('1. januar 2027');
  });
});
