import { describe, expect, it } from 'vitest';
import { formatOsloDeadline, osloInputValues, osloToIso, timeLeft } from './osloTime.js';

describe('hearing deadlines in Oslo time', () => {
  it('writes a deadline the way a høringsbrev does, in winter time (UTC+1)', () => {
    expect(formatOsloDeadline('2026-11-18T11:00:00.000Z')).toBe('18. november 2026 kl. 12.00');
  });

  it('uses summer time (UTC+2) in summer, and the Oslo date when UTC is still the day before', () => {
    expect(formatOsloDeadline('2027-06-30T22:30:00.000Z')).toBe('1. juli 2027 kl. 00.30');
  });

  it('turns the date and time a sekretariat enters into the instant, both sides of a clock change', () => {
    expect(osloToIso('2026-11-18', '12:00')).toBe('2026-11-18T11:00:00.000Z');
    expect(osloToIso('2027-06-01', '15:45')).toBe('2027-06-01T13:45:00.000Z');
    // The last Sunday of March: 02:00 becomes 03:00, so 01:30 is still winter time, 03:30 summer.
    expect(osloToIso('2027-03-28', '01:30')).toBe('2027-03-28T00:30:00.000Z');
    expect(osloToIso('2027-03-28', '03:30')).toBe('2027-03-28T01:30:00.000Z');
  });

  it('round-trips through the form fields', () => {
    for (const iso of ['2026-11-18T11:00:00.000Z', '2027-07-01T06:05:00.000Z', '2026-12-31T23:00:00.000Z']) {
      const { date, time } = osloInputValues(iso);
      expect(osloToIso(date, time)).toBe(iso);
    }
    expect(osloInputValues('2026-12-31T23:00:00.000Z')).toEqual({ date: '2027-01-01', time: '00:00' });
  });

  it('refuses fields that are not a time', () => {
    expect(osloToIso('2026-02-30', '12:00')).toBeNull();
    expect(osloToIso('2026-11-18', '24:00')).toBeNull();
    expect(osloToIso('18.11.2026', '12:00')).toBeNull();
    expect(osloToIso('2026-11-18', '')).toBeNull();
  });

  it('counts whole days, then hours, then under an hour, then passed', () => {
    const deadline = '2026-11-18T11:00:00.000Z';
    const at = (iso: string) => timeLeft(deadline, new Date(iso));
    expect(at('2026-11-15T11:00:00.000Z')).toEqual({ unit: 'days', count: 3 });
    expect(at('2026-11-15T11:00:01.000Z')).toEqual({ unit: 'days', count: 2 });
    expect(at('2026-11-17T11:00:00.000Z')).toEqual({ unit: 'days', count: 1 });
    expect(at('2026-11-17T12:00:00.000Z')).toEqual({ unit: 'hours', count: 23 });
    expect(at('2026-11-18T10:30:00.000Z')).toEqual({ unit: 'underAnHour', count: 0 });
    expect(at('2026-11-18T11:00:00.000Z')).toEqual({ unit: 'passed', count: 0 });
  });
});
