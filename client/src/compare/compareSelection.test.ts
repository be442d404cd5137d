import { describe, expect, it } from 'vitest';
import { comparePath } from '../versions/versionLabel.js';
import { readCompareSelection, selectionProblem } from './compareSelection.js';

const search = (path: string) => new URL(path, 'http://localhost').searchParams;

describe('the comparison a link asks for', () => {
  it('reads back exactly the selection a shared link was made from', () => {
    const link = comparePath('plan 1', 'v&1', 'v/2');
    expect(link).toBe('/plans/plan%201/compare?from=v%261&to=v%2F2');
    expect(readCompareSelection(search(link), 'newest')).toEqual({ from: 'v&1', to: 'v/2' });
    expect(readCompareSelection(search(comparePath('p', 'v1')), 'newest')).toEqual({ from: 'v1', to: 'now' });
  });

  it('starts at the newest version compared with now when the link names neither', () => {
    expect(readCompareSelection(search('/plans/p/compare'), 'v9')).toEqual({ from: 'v9', to: 'now' });
    expect(readCompareSelection(search('/plans/p/compare?from=&to='), 'v9')).toEqual({ from: 'v9', to: 'now' });
    expect(readCompareSelection(search('/plans/p/compare'), null)).toEqual({ from: null, to: 'now' });
  });

  it('names what is wrong before anything is asked of the server', () => {
    const versions = ['v1', 'v2'];
    expect(selectionProblem({ from: 'v1', to: 'now' }, versions)).toBeNull();
    expect(selectionProblem({ from: 'now', to: 'v2' }, versions)).toBeNull();
    expect(selectionProblem({ from: 'v1', to: 'v2' }, versions)).toBeNull();
    expect(selectionProblem({ from: null, to: 'now' }, [])).toBe('noVersions');
    expect(selectionProblem({ from: 'v3', to: 'now' }, versions)).toBe('unknown');
    expect(selectionProblem({ from: 'v1', to: 'tull' }, versions)).toBe('unknown');
    expect(selectionProblem({ from: 'v2', to: 'v2' }, versions)).toBe('same');
    expect(selectionProblem({ from: 'now', to: 'now' }, versions)).toBe('same');
  });
});
