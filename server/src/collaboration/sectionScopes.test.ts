import { describe, expect, it } from 'vitest';
import { SectionScopes } from './sectionScopes.js';

describe('section scopes', () => {
  it('[L2] a section two commands froze stays frozen until both are done, in either order', () => {
    const scopes = new SectionScopes();
    scopes.freeze('s');
    scopes.freeze('s');
    scopes.thaw('s');
    // The first lock failed and refreshed the section's connections: the second still holds it.
    scopes.changed('s');
    expect(scopes.isFrozen('s')).toBe(true);
    scopes.thaw('s');
    expect(scopes.isFrozen('s')).toBe(false);
  });

  it('[L3] every freeze and every change moves the version', () => {
    const scopes = new SectionScopes();
    const before = scopes.version('s');
    scopes.freeze('s');
    scopes.changed('s');
    expect(scopes.version('s')).toBe(before + 2);
  });
});
