import type {
  EditSessionView,
  SectionTextAtView,
  VersionSummaryView,
  VersionView,
  AuditEventView,
  AuthMethodsView,
  InvitationPreview,
  PartnershipView,
  ProfileView,
  CommandInput,
  CommandName,
  CommandResult,
  ErrorBody,
  ImportPreview,
  AuditVerificationView,
  PlanSummaryView,
  NotificationsView,
  SearchResultView,
  PlanView,
  SessionView,
  SetupInput,
  ThreadView,
  UserView,
  SectionBodyView,
  SectionContentView,
  SinceAgreedView,
  PlanCompareView,
  HearingResponseInput,
  HearingResponseView,
  HearingSummaryView,
  HearingView,
  PublicHearingView,
  AdoptionsView,
} from '@fellesplan/domain';
import { currentLanguage, i18n } from '../i18n/index.js';

/** The code of an `ApiError` for a request that got no answer (offline, server unreachable). */
export const OFFLINE = 'offline';

/** An error answered by the server, with its code and a message already in the user's form. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    /** The input field at fault, when the server names one. */
    readonly field?: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

async function request<T>(path: string, init: { method?: string; body?: unknown } = {}): Promise<T> {
  const headers: Record<string, string> = { 'accept-language': currentLanguage() };
  if (init.body !== undefined && !(init.body instanceof FormData)) headers['content-type'] = 'application/json';
  let response: Response;
  try {
    response = await fetch(path, {
      method: init.method ?? 'GET',
      headers,
      credentials: 'same-origin',
      // A form (a file upload) goes as multipart, with the boundary the browser chooses.
      body: init.body === undefined ? undefined : init.body instanceof FormData ? init.body : JSON.stringify(init.body),
    });
  } catch {
    // fetch rejects only when no answer came at all: no network, or the server is unreachable.
    throw new ApiError(0, OFFLINE, i18n.t('app.offline'));
  }
  const text = await response.text();
  const data: unknown = text ? JSON.parse(text) : null;
  if (!response.ok) {
    // Proxies and crashes answer without our body; everything else is an ErrorBody.
    const error = (data as Partial<ErrorBody> | null)?.error;
    throw new ApiError(response.status, error?.code ?? 'internal', error?.message ?? response.statusText, error?.field);
  }
  return data as T;
}

/** Where a full-page OpenID Connect login starts; the server sends the browser back to `returnTo`. */
export function oidcLoginHref(returnTo: string, invitationToken?: string): string {
  const query = new URLSearchParams();
  if (invitationToken) query.set('invitation', invitationToken);
  query.set('returnTo', returnTo);
  return `/api/auth/oidc/login?${query.toString()}`;
}

/** The form `POST /api/plans/import` takes: the file, and for a new plan what `plans.create` would. */
function importForm(file: Blob, plan?: { input: CommandInput<'plans.create'>; ownerIds: readonly string[] }): FormData {
  const form = new FormData();
  if (plan) {
    const { title, forum, period, partyIds } = plan.input;
    form.append('title', title);
    if (forum) form.append('forum', forum);
    if (period) form.append('period', period);
    for (const id of partyIds) form.append('partyIds', id);
    for (const id of plan.ownerIds) form.append('ownerIds', id);
  }
  form.append('file', file);
  return form;
}

/** Where the plan's Word or PDF export downloads from: the plan now, or one of its versions. */
export function planExportHref(planId: string, format: 'docx' | 'pdf', versionId?: string): string {
  const version = versionId ? `?version=${encodeURIComponent(versionId)}` : '';
  return `/api/plans/${encodeURIComponent(planId)}/export.${format}${version}`;
}

/** Where a hearing's høringsoppsummering (Word, internal or public) or its remarks (CSV) download from. */
export function hearingSummaryHref(
  hearingId: string,
  file: 'summary.docx' | 'remarks.csv',
  publicOnly = false,
): string {
  return `/api/hearings/${encodeURIComponent(hearingId)}/${file}${publicOnly ? '?public=1' : ''}`;
}

export const api = {
  login: (email: string, password: string) =>
    request<SessionView>('/api/session', { method: 'POST', body: { email, password } }),
  logout: () => request<{ ok: true }>('/api/session', { method: 'DELETE' }),
  currentUser: () => request<{ user: UserView }>('/api/session'),
  authMethods: () => request<AuthMethodsView>('/api/auth/methods'),
  /** The first start: creates the helsefellesskap and its first administrator, logged in. */
  setup: (input: SetupInput) => request<SessionView>('/api/setup', { method: 'POST', body: input }),
  invitation: (token: string) => request<InvitationPreview>(`/api/invitations/${encodeURIComponent(token)}`),
  acceptInvitation: (token: string, input: { name: string; password: string }) =>
    request<SessionView>(`/api/invitations/${encodeURIComponent(token)}/accept`, { method: 'POST', body: input }),
  partnership: () => request<PartnershipView>('/api/partnership'),
  profile: () => request<ProfileView>('/api/profile'),
  updateProfile: (input: { name?: string; language?: 'nb' | 'nn' | null }) =>
    request<ProfileView>('/api/profile', { method: 'PATCH', body: input }),
  /** Ends every session of the caller, on every device, and closes their sockets. */
  signOutEverywhere: () => request<{ ok: true; sessionsEnded: number }>('/api/sessions', { method: 'DELETE' }),
  plans: () => request<PlanSummaryView[]>('/api/plans'),
  plan: (planId: string) => request<PlanView>(`/api/plans/${encodeURIComponent(planId)}`),
  threads: (planId: string) => request<ThreadView[]>(`/api/plans/${encodeURIComponent(planId)}/threads`),
  /** Every section's stored body, for reading before the live editors mount. */
  contents: (planId: string) => request<SectionBodyView[]>(`/api/plans/${encodeURIComponent(planId)}/contents`),
  content: (sectionId: string) => request<SectionContentView>(`/api/sections/${encodeURIComponent(sectionId)}/content`),
  versions: (planId: string) => request<VersionSummaryView[]>(`/api/plans/${encodeURIComponent(planId)}/versions`),
  version: (versionId: string) => request<VersionView>(`/api/versions/${encodeURIComponent(versionId)}`),
  hearing: (hearingId: string) => request<HearingView>(`/api/hearings/${encodeURIComponent(hearingId)}`),
  hearingResponses: (hearingId: string) =>
    request<HearingResponseView[]>(`/api/hearings/${encodeURIComponent(hearingId)}/responses`),
  adoptions: (planId: string) => request<AdoptionsView>(`/api/plans/${encodeURIComponent(planId)}/adoptions`),
  history: (sectionId: string) => request<EditSessionView[]>(`/api/sections/${encodeURIComponent(sectionId)}/history`),
  textAfter: (sectionId: string, editId: number) =>
    request<SectionTextAtView>(`/api/sections/${encodeURIComponent(sectionId)}/history/${editId}`),
  audit: (planId: string) => request<AuditEventView[]>(`/api/plans/${encodeURIComponent(planId)}/audit`),
  verifyAudit: (planId: string) =>
    request<AuditVerificationView>(`/api/plans/${encodeURIComponent(planId)}/audit/verify`),
  search: (planId: string, q: string) =>
    request<SearchResultView>(`/api/plans/${encodeURIComponent(planId)}/search?q=${encodeURIComponent(q)}`),
  /** What changed in a section after a party took its stance (the text it agreed to against now). */
  sinceAgreed: (sectionId: string, partyId: string) =>
    request<SinceAgreedView>(
      `/api/sections/${encodeURIComponent(sectionId)}/since-agreed?partyId=${encodeURIComponent(partyId)}`,
    ),
  /** Two states of a plan, section by section; `from`/`to` are version ids or `now`. */
  compare: (planId: string, from: string, to: string) =>
    request<PlanCompareView>(
      `/api/plans/${encodeURIComponent(planId)}/compare?${new URLSearchParams({ from, to }).toString()}`,
    ),
  notifications: () => request<NotificationsView>('/api/notifications'),
  markNotificationsRead: (which: { ids: string[] } | { all: true }) =>
    request<{ ok: true; read: number }>('/api/notifications/read', { method: 'POST', body: which }),
  /** The sections a Word file would become; nothing is created. */
  importPreview: (file: Blob) =>
    request<ImportPreview>('/api/plans/import?preview=1', { method: 'POST', body: importForm(file) }),
  /** A new plan from a Word file, its sections first owned by `ownerIds`. */
  importPlan: (file: Blob, input: CommandInput<'plans.create'>, ownerIds: readonly string[]) =>
    request<{ id: string }>('/api/plans/import', { method: 'POST', body: importForm(file, { input, ownerIds }) }),
  /** A hearing as anyone with its link reads it: no session needed (DESIGN 6.4). */
  publicHearing: (token: string) => request<PublicHearingView>(`/api/public/hearings/${encodeURIComponent(token)}`),
  respondToHearing: (token: string, input: HearingResponseInput) =>
    request<{ id: string; reference: string; receiptUrl: string }>(
      `/api/public/hearings/${encodeURIComponent(token)}/responses`,
      { method: 'POST', body: input },
    ),
  planHearings: (planId: string) => request<HearingSummaryView[]>(`/api/plans/${encodeURIComponent(planId)}/hearings`),
  /** A governance command (DESIGN 5); the server validates and authorizes it. */
  command: <N extends CommandName>(name: N, input: CommandInput<N>) =>
    request<CommandResult<N>>(`/api/commands/${name}`, { method: 'POST', body: input }),
};
