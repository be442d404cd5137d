import { parseDocumentName, planDocumentName } from '@fellesplan/domain';
import { writeProjection } from '@fellesplan/editor';
import type {
  afterUnloadDocumentPayload,
  Extension,
  Hocuspocus,
  onChangePayload,
  onLoadDocumentPayload,
} from '@hocuspocus/server';
import type { Logger } from 'pino';
import type { ProjectionBasis } from '../queries/planView.js';
import { isRelayed } from './PersistenceExtension.js';

/** How a projection is built from the database, and re-derived after edits to some bodies. */
export interface ProjectionViews {
  load(planId: string): Promise<ProjectionBasis | null>;
  reproject(basis: ProjectionBasis, edited: ReadonlySet<string>): Promise<ProjectionBasis>;
}

interface PendingEdits {
  timer: NodeJS.Timeout;
  sections: Set<string>;
  /** Whether edits made here are among them: then the other instances are told. */
  tellOthers: boolean;
}

/**
 * Keeps `plan:<id>` documents a read-only projection of the database (DESIGN 2): built when the
 * document loads, rebuilt after every command, and after edits re-derived only for the sections
 * edited (issue 14, point 4). Never stored: it is derived data. Each instance keeps its own.
 */
export class ProjectionExtension implements Extension {
  readonly extensionName = 'Projection';
  private instance: Hocuspocus | undefined;
  private readonly scheduled = new Map<string, PendingEdits>();
  /** The rows each loaded projection was built from; dropped on any command of the plan. */
  private readonly bases = new Map<string, ProjectionBasis>();
  /**
   * Set anew by every full rebuild: an edit pass that started before one must not overwrite it.
   * Numbers come from one counter for all plans and are never reused, so a plan's entry can be
   * dropped when its document unloads: a pass or rebuild from before then never matches a later one.
   */
  private readonly generations = new Map<string, number>();
  private lastGeneration = 0;
  /** The plan of each loaded section that was edited (a section never moves); dropped on unload. */
  private readonly sectionPlans = new Map<string, string>();
  /** Edit passes of a plan run one after the other: two at once would start from one basis. */
  private readonly editPasses = new Map<string, Promise<void>>();
  private destroyed = false;

  constructor(
    private readonly views: ProjectionViews,
    private readonly planOfSection: (sectionId: string) => Promise<string | null>,
    private readonly logger: Logger,
    /** Tells the other instances that a plan's projection changed (a no-op on a single instance). */
    private readonly tellOthers: (planId: string, sections?: readonly string[]) => Promise<void> = () =>
      Promise.resolve(),
    /** How long edits to a body gather before revisions and stale markers are re-projected. */
    private readonly editDebounceMs = 300,
  ) {}

  /**
   * An edit changes the section's revision, which can make markers stale (C2): re-project.
   * Hocuspocus neither awaits nor catches `onChange`, so a rejection here would be unhandled and
   * end the process: a failed lookup (database down, or closed at shutdown) is logged instead.
   */
  async onChange({ documentName, instance, transactionOrigin }: onChangePayload): Promise<void> {
    this.instance = instance;
    const ref = parseDocumentName(documentName);
    if (ref?.kind !== 'section' || this.destroyed) return;
    try {
      const planId = await this.planOf(ref.id, documentName);
      // An edit relayed from another instance is announced by that instance; this one only
      // brings its own projection up to date.
      if (planId && !this.destroyed) this.schedule(planId, [ref.id], !isRelayed(transactionOrigin));
    } catch (error) {
      if (!this.destroyed)
        this.logger.error({ err: error, documentName }, 'could not find the plan of an edited section');
    }
  }

  async onDestroy(): Promise<void> {
    this.destroyed = true;
    for (const { timer } of this.scheduled.values()) clearTimeout(timer);
    this.scheduled.clear();
    this.bases.clear();
  }

  /** Plans and sections this extension keeps anything of (tests: nothing once their documents unload). */
  get kept(): { plans: number; sections: number } {
    return {
      plans: new Set([...this.bases.keys(), ...this.generations.keys()]).size,
      sections: this.sectionPlans.size,
    };
  }

  private async planOf(sectionId: string, documentName: string): Promise<string | null> {
    const known = this.sectionPlans.get(sectionId);
    if (known) return known;
    const planId = await this.planOfSection(sectionId);
    // Only while the section is loaded: unloaded meanwhile, nothing would ever drop the entry.
    if (planId && this.instance?.documents.has(documentName)) this.sectionPlans.set(sectionId, planId);
    return planId;
  }

  /** Edits to these sections' bodies (here, or announced by another instance) are re-projected soon. */
  schedule(planId: string, sections: readonly string[], tellOthers: boolean): void {
    const pending = this.scheduled.get(planId);
    if (pending) {
      for (const id of sections) pending.sections.add(id);
      pending.tellOthers ||= tellOthers;
      return;
    }
    const timer = setTimeout(() => {
      const due = this.scheduled.get(planId);
      this.scheduled.delete(planId);
      if (!due) return;
      this.refreshEdited(planId, due.sections)
        .then(() => (due.tellOthers ? this.tellOthers(planId, [...due.sections]) : undefined))
        .catch((error: unknown) => this.logger.error({ err: error, planId }, 'projection refresh failed'));
    }, this.editDebounceMs);
    timer.unref();
    this.scheduled.set(planId, { timer, sections: new Set(sections), tellOthers });
  }

  async onLoadDocument({ documentName, document, instance }: onLoadDocumentPayload): Promise<void> {
    this.instance = instance;
    const ref = parseDocumentName(documentName);
    if (ref?.kind !== 'plan') return;
    const basis = await this.load(ref.id);
    if (basis) writeProjection(document, basis.projection);
  }

  async afterUnloadDocument({ documentName, instance }: afterUnloadDocumentPayload): Promise<void> {
    this.instance = instance;
    const ref = parseDocumentName(documentName);
    // Loaded again already (a connection came back while it unloaded): still in use.
    if (!ref || instance.documents.has(documentName)) return;
    if (ref.kind === 'plan') {
      this.bases.delete(ref.id);
      this.generations.delete(ref.id);
    } else if (ref.kind === 'section') this.sectionPlans.delete(ref.id);
  }

  /** Rebuilds the projection of a plan on every instance that has it loaded (after a command). */
  async refresh(planId: string): Promise<void> {
    await this.refreshHere(planId);
    await this.tellOthers(planId);
  }

  /** Rebuilds the projection of a plan from the database if this instance has it loaded. */
  async refreshHere(planId: string): Promise<void> {
    this.bases.delete(planId);
    const document = this.loadedPlan(planId);
    if (!document) return;
    const basis = await this.load(planId);
    if (!basis) return;
    document.transact(() => writeProjection(document, basis.projection), { source: 'local', skipStoreHooks: true });
    this.logger.debug({ planId }, 'projection refreshed');
  }

  /** Re-derives only what the edited bodies change; rebuilds in full when there is nothing to start from. */
  refreshEdited(planId: string, sections: ReadonlySet<string>): Promise<void> {
    const previous = this.editPasses.get(planId) ?? Promise.resolve();
    const pass = previous.then(() => this.editPass(planId, sections));
    const tail = pass.catch(() => undefined);
    this.editPasses.set(planId, tail);
    void tail.then(() => {
      if (this.editPasses.get(planId) === tail) this.editPasses.delete(planId);
    });
    return pass;
  }

  private async editPass(planId: string, sections: ReadonlySet<string>): Promise<void> {
    // A command's rebuild that lands while the pass runs has newer rows (a marker, a lock) than the
    // pass's basis: the pass is not written over it, but derived again on top of it, or the edit
    // would be missing from the projection until the next one.
    for (let attempt = 0; attempt < 3; attempt++) {
      const document = this.loadedPlan(planId);
      if (!document) return;
      const basis = this.bases.get(planId);
      if (!basis) {
        await this.refreshHere(planId);
        return;
      }
      const generation = this.generations.get(planId) ?? 0;
      const next = await this.views.reproject(basis, sections);
      if ((this.generations.get(planId) ?? 0) !== generation || this.bases.get(planId) !== basis) continue;
      this.bases.set(planId, next);
      document.transact(() => writeProjection(document, next.projection), { source: 'local', skipStoreHooks: true });
      return;
    }
    // Rebuilt again and again meanwhile: one more rebuild reads everything as it is now.
    await this.refreshHere(planId);
  }

  private async load(planId: string): Promise<ProjectionBasis | null> {
    const generation = ++this.lastGeneration;
    this.generations.set(planId, generation);
    const basis = await this.views.load(planId);
    // Only the newest rebuild is kept: an older one read rows a later command has changed.
    if (basis && this.generations.get(planId) === generation) this.bases.set(planId, basis);
    return basis;
  }

  private loadedPlan(planId: string) {
    const document = this.instance?.documents.get(planDocumentName(planId));
    return !document || document.isLoading ? undefined : document;
  }
}
