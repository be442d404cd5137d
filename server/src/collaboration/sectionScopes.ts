/**
 * A version of each section's write scope ([L3]). A connection remembers the version its scope
 * was decided at; a lock, an unlock or an owner change moves it, so a connection that was
 * decided before (and joined the document after the change was applied to open connections)
 * notices and decides again before any update of it is stored. While a lock is being taken the
 * section is frozen: nothing is accepted.
 */
export class SectionScopes {
  private readonly versions = new Map<string, number>();
  private readonly frozen = new Set<string>();

  version(sectionId: string): number {
    return this.versions.get(sectionId) ?? 0;
  }

  isFrozen(sectionId: string): boolean {
    return this.frozen.has(sectionId);
  }

  freeze(sectionId: string): void {
    this.frozen.add(sectionId);
    this.bump(sectionId);
  }

  /** After open connections were brought up to date from the database. */
  changed(sectionId: string): void {
    this.frozen.delete(sectionId);
    this.bump(sectionId);
  }

  private bump(sectionId: string): void {
    this.versions.set(sectionId, this.version(sectionId) + 1);
  }
}
