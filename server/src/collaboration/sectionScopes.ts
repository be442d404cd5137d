/**
 * A version of each section's write scope ([L3]). A connection remembers the version its scope
 * was decided at; a lock, an unlock or an owner change moves it, so a connection that was
 * decided before (and joined the document after the change was applied to open connections)
 * notices and decides again before any update of it is stored. While a lock is being taken the
 * section is frozen: nothing is accepted. Freezes are counted: two commands may freeze a section
 * at once, and it thaws only when both are done, whatever finishes first.
 */
export class SectionScopes {
  private readonly versions = new Map<string, number>();
  private readonly frozen = new Map<string, number>();

  version(sectionId: string): number {
    return this.versions.get(sectionId) ?? 0;
  }

  isFrozen(sectionId: string): boolean {
    return (this.frozen.get(sectionId) ?? 0) > 0;
  }

  freeze(sectionId: string): void {
    this.frozen.set(sectionId, (this.frozen.get(sectionId) ?? 0) + 1);
    this.bump(sectionId);
  }

  /** Ends one freeze; the section stays frozen while another is still held. */
  thaw(sectionId: string): void {
    const count = (this.frozen.get(sectionId) ?? 0) - 1;
    if (count > 0) this.frozen.set(sectionId, count);
    else this.frozen.delete(sectionId);
  }

  /** After open connections were brought up to date from the database. */
  changed(sectionId: string): void {
    this.bump(sectionId);
  }

  private bump(sectionId: string): void {
    this.versions.set(sectionId, this.version(sectionId) + 1);
  }
}
