import {
  OpenAPIRegistry,
  OpenApiGeneratorV31,
  extendZodWithOpenApi,
  type RouteConfig,
} from '@asteasolutions/zod-to-openapi';
import {
  COMMANDS,
  ERRORS,
  acceptInvitationInput,
  compareQuery,
  sinceAgreedQuery,
  hearingResponseInput,
  idSchema,
  markNotificationsReadInput,
  profileUpdateInput,
  searchQueryInput,
  sessionInput,
  setupInput,
  type ErrorCode,
} from '@fellesplan/domain';
import { z } from 'zod';
import { editParams } from '../routes/versions.js';
import { hearingParams } from '../routes/hearings.js';
import { receiptParams, receiptQuery, tokenParams } from '../routes/publicHearings.js';
import { summaryQuery } from '../routes/hearingSummary.js';
import { exportQuery } from '../routes/planExport.js';
import { importQuery } from '../routes/planImport.js';

// Adds `.openapi()` to zod's prototype, which `registry.register` needs to name shared schemas.
extendZodWithOpenApi(z);

export const OPENAPI_PATH = '/api/openapi.json';

const errorCodes = Object.keys(ERRORS) as [ErrorCode, ...ErrorCode[]];
const errorBody = z.object({
  error: z.object({
    code: z.enum(errorCodes),
    /** Norwegian, bokmål or nynorsk after `Accept-Language`. */
    message: z.string(),
    field: z.string().optional(),
  }),
});

type Responses = RouteConfig['responses'];
type Request = RouteConfig['request'];

/** A route other than a command: its input schemas are the ones the route parses with. */
interface RouteSpec {
  method: RouteConfig['method'];
  path: string;
  summary: string;
  /** Answered without a session. */
  open?: boolean;
  request?: Request;
  /** What a 200 holds; the view types are TypeScript interfaces, so described in words. */
  returns: { description: string; list?: boolean } | z.ZodTypeAny;
}

const planParams = z.object({ planId: idSchema });
const json = (schema: z.ZodTypeAny) => ({ content: { 'application/json': { schema } } });

const ROUTES: RouteSpec[] = [
  {
    method: 'get',
    path: '/api/health',
    summary: 'The server accepts connections; `status` is degraded while the database or Redis is unreachable',
    open: true,
    returns: z.object({
      ok: z.literal(true),
      status: z.enum(['ok', 'degraded']),
      database: z.enum(['ok', 'down']),
      redis: z.enum(['ok', 'down', 'off']),
    }),
  },
  {
    method: 'get',
    path: OPENAPI_PATH,
    summary: 'This description',
    open: true,
    returns: { description: 'OpenAPI 3.1' },
  },
  {
    method: 'get',
    path: '/api/auth/methods',
    summary: 'How people sign in',
    open: true,
    returns: { description: 'AuthMethodsView' },
  },
  {
    method: 'get',
    path: '/api/auth/oidc/login',
    summary: 'Start an OpenID Connect login (redirect)',
    open: true,
    returns: { description: 'Redirect' },
  },
  {
    method: 'get',
    path: '/api/auth/oidc/callback',
    summary: 'OpenID Connect callback (redirect)',
    open: true,
    returns: { description: 'Redirect' },
  },
  {
    method: 'post',
    path: '/api/session',
    summary: 'Log in',
    open: true,
    request: { body: json(sessionInput) },
    returns: { description: 'SessionView {token, user}; sets the session cookie' },
  },
  { method: 'get', path: '/api/session', summary: 'The logged-in user', returns: { description: '{user}' } },
  {
    method: 'delete',
    path: '/api/session',
    summary: "Log out; the session's sockets close",
    returns: { description: '{ok:true}' },
  },
  { method: 'delete', path: '/api/sessions', summary: 'Sign out everywhere', returns: { description: '{ok:true}' } },
  {
    method: 'post',
    path: '/api/setup',
    summary: 'First start: create the helsefellesskap and its administrator, once',
    open: true,
    request: { body: json(setupInput) },
    returns: { description: 'SessionView' },
  },
  {
    method: 'get',
    path: '/api/invitations/{token}',
    summary: 'What an invitation offers',
    open: true,
    request: { params: z.object({ token: z.string().min(1).max(200) }) },
    returns: { description: 'InvitationPreview' },
  },
  {
    method: 'post',
    path: '/api/invitations/{token}/accept',
    summary: 'Accept an invitation',
    open: true,
    request: { params: z.object({ token: z.string().min(1).max(200) }), body: json(acceptInvitationInput) },
    returns: { description: 'SessionView' },
  },
  { method: 'get', path: '/api/profile', summary: 'The person themselves', returns: { description: 'ProfileView' } },
  {
    method: 'patch',
    path: '/api/profile',
    summary: 'Change name or language',
    request: { body: json(profileUpdateInput) },
    returns: { description: 'ProfileView' },
  },
  {
    method: 'get',
    path: '/api/partnership',
    summary: 'Administrators: parties, people, invitations, plans',
    returns: { description: 'PartnershipView' },
  },
  {
    method: 'get',
    path: '/api/plans',
    summary: 'Plans the caller takes part in',
    returns: { description: 'PlanSummaryView', list: true },
  },
  {
    method: 'get',
    path: '/api/plans/{planId}',
    summary: 'A plan with parties, members and sections',
    request: { params: planParams },
    returns: { description: 'PlanView' },
  },
  {
    method: 'get',
    path: '/api/plans/{planId}/threads',
    summary: 'Comment threads',
    request: { params: planParams },
    returns: { description: 'ThreadView', list: true },
  },
  {
    method: 'get',
    path: '/api/plans/{planId}/contents',
    summary: "Every section's body",
    request: { params: planParams },
    returns: { description: 'SectionBodyView', list: true },
  },
  {
    method: 'get',
    path: '/api/plans/{planId}/search',
    summary: 'Search titles, text and comments',
    request: { params: planParams, query: searchQueryInput },
    returns: { description: 'SearchResultView' },
  },
  {
    method: 'get',
    path: '/api/plans/{planId}/audit',
    summary: 'The decision log',
    request: { params: planParams },
    returns: { description: 'AuditEventView', list: true },
  },
  {
    method: 'get',
    path: '/api/plans/{planId}/audit/verify',
    summary: 'Verify the hash chain of the decision log',
    request: { params: planParams },
    returns: { description: 'AuditVerificationView' },
  },
  {
    method: 'get',
    path: '/api/sections/{sectionId}/content',
    summary: "A section's body: {revision, json, text}",
    request: { params: z.object({ sectionId: idSchema }) },
    returns: { description: 'SectionContentView' },
  },
  {
    method: 'get',
    path: '/api/plans/{planId}/versions',
    summary: "The plan's named versions",
    request: { params: planParams },
    returns: { description: 'VersionSummaryView', list: true },
  },
  {
    method: 'get',
    path: '/api/plans/{planId}/adoptions',
    summary: 'Adoption rounds (forankring), newest first, with each party’s decision',
    request: { params: planParams },
    returns: { description: 'AdoptionsView' },
  },
  {
    method: 'get',
    path: '/api/hearings/{hearingId}/summary.docx',
    summary: 'The høringsoppsummering as a Word file (internal; `?public=1` without withheld responses)',
    request: { params: hearingParams, query: summaryQuery },
    returns: { description: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' },
  },
  {
    method: 'get',
    path: '/api/hearings/{hearingId}/remarks.csv',
    summary: 'Every remark of a hearing, one row each (UTF-8 with BOM, `;`-separated)',
    request: { params: hearingParams, query: summaryQuery },
    returns: { description: 'text/csv' },
  },
  {
    method: 'get',
    path: '/api/plans/{planId}/compare',
    summary: 'Two versions of the plan (or a version and now) compared, section by section',
    request: { params: planParams, query: compareQuery },
    returns: { description: 'PlanCompareView' },
  },
  {
    method: 'get',
    path: '/api/sections/{sectionId}/since-agreed',
    summary: "What changed in a section since a party's latest stance on it",
    request: { params: z.object({ sectionId: idSchema }), query: sinceAgreedQuery },
    returns: { description: 'SinceAgreedView' },
  },
  {
    method: 'get',
    path: '/api/versions/{versionId}',
    summary: 'A version: the plan as it was, with each section body',
    request: { params: z.object({ versionId: idSchema }) },
    returns: { description: 'VersionView' },
  },
  {
    method: 'get',
    path: '/api/sections/{sectionId}/history',
    summary: 'Who changed a section when, in editing sessions',
    request: { params: z.object({ sectionId: idSchema }) },
    returns: { description: 'EditSessionView', list: true },
  },
  {
    method: 'get',
    path: '/api/sections/{sectionId}/history/{editId}',
    summary: 'The section text as it was after an edit',
    request: { params: editParams },
    returns: { description: 'SectionTextAtView' },
  },
  {
    method: 'post',
    path: '/api/plans/import',
    summary:
      'A plan from a Word file (multipart: `file` a .docx, `title`, `forum`, `period`, `partyIds`, `ownerIds`); `?preview=1` only proposes its sections',
    request: { query: importQuery },
    returns: { description: '{id}, or with ?preview=1 ImportPreview' },
  },
  {
    method: 'get',
    path: '/api/plans/{planId}/export.docx',
    summary: 'The plan, or a version of it, as a Word file',
    request: { params: planParams, query: exportQuery },
    returns: { description: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' },
  },
  {
    method: 'get',
    path: '/api/plans/{planId}/export.pdf',
    summary: 'The plan, or a version of it, as a PDF',
    request: { params: planParams, query: exportQuery },
    returns: { description: 'application/pdf' },
  },
  {
    method: 'get',
    path: '/api/plans/{planId}/hearings',
    summary: "The plan's hearings, newest first, with their counts",
    request: { params: planParams },
    returns: { description: 'HearingSummaryView', list: true },
  },
  {
    method: 'get',
    path: '/api/hearings/{hearingId}',
    summary: 'A hearing with its frozen sections, remark counts per section and extensions (members)',
    request: { params: hearingParams },
    returns: { description: 'HearingView' },
  },
  {
    method: 'get',
    path: '/api/hearings/{hearingId}/responses',
    summary: 'Every response to a hearing as sent, with e-mail, remarks and assessments (members)',
    request: { params: hearingParams },
    returns: { description: 'HearingResponseView', list: true },
  },
  {
    method: 'get',
    path: '/api/public/hearings/{token}',
    summary: 'A hearing behind its public link: the frozen draft, the deadline and, once published, the responses',
    open: true,
    request: { params: tokenParams },
    returns: { description: 'PublicHearingView' },
  },
  {
    method: 'post',
    path: '/api/public/hearings/{token}/responses',
    summary:
      'Respond to a hearing, without an account (or for one’s party with `onBehalfOfParty` and a member session); 409 `hearing_closed` after the deadline',
    open: true,
    request: { params: tokenParams, body: json(hearingResponseInput) },
    returns: { description: '{id, reference, receiptUrl}' },
  },
  {
    method: 'get',
    path: '/api/public/hearings/{token}/responses/{reference}/receipt',
    summary: "A respondent's receipt, with the secret of the receipt link (text/plain, or JSON with format=json)",
    open: true,
    request: { params: receiptParams, query: receiptQuery },
    returns: { description: 'text/plain receipt, or {reference, at, hearing, name, organisation, statement, remarks}' },
  },
  {
    method: 'get',
    path: '/api/notifications',
    summary: "The person's notifications",
    returns: { description: 'NotificationsView' },
  },
  {
    method: 'post',
    path: '/api/notifications/read',
    summary: 'Mark notifications read',
    request: { body: json(markNotificationsReadInput) },
    returns: { description: '{ok:true, read}' },
  },
  {
    method: 'get',
    path: '/api/notifications/stream',
    summary: 'Notifications as server-sent events',
    returns: { description: 'text/event-stream' },
  },
];

function errorResponses(error: z.ZodTypeAny, open: boolean): Responses {
  const answer = (description: string) => ({ description, ...json(error) });
  return {
    400: answer('Invalid input; `field` names it'),
    ...(open ? {} : { 401: answer('No valid session') }),
    403: answer('Refused by policy'),
    404: answer('Unknown id'),
    409: answer('Conflicts with the current state'),
    429: answer('Too many requests'),
  };
}

function ok(returns: RouteSpec['returns']): Responses[number] {
  if (returns instanceof z.ZodType) return { description: 'OK', ...json(returns) };
  const schema = returns.list ? z.array(z.object({}).passthrough()) : z.object({}).passthrough();
  return { description: returns.description, ...json(schema) };
}

/**
 * The HTTP API as OpenAPI 3.1, generated from the zod schemas the server validates with: every
 * command of `COMMANDS` with its input and result, and the other routes with their inputs.
 */
export function buildOpenApiDocument(): ReturnType<OpenApiGeneratorV31['generateDocument']> {
  const registry = new OpenAPIRegistry();
  const error = registry.register('Error', errorBody);
  const bearer = registry.registerComponent('securitySchemes', 'bearer', {
    type: 'http',
    scheme: 'bearer',
    description: 'The `token` of POST /api/session',
  });
  const cookie = registry.registerComponent('securitySchemes', 'cookie', {
    type: 'apiKey',
    in: 'cookie',
    name: 'fp_session',
  });
  const session = [{ [bearer.name]: [] }, { [cookie.name]: [] }];

  for (const route of ROUTES) {
    const open = route.open === true;
    registry.registerPath({
      method: route.method,
      path: route.path,
      summary: route.summary,
      security: open ? [] : session,
      ...(route.request ? { request: route.request } : {}),
      responses: { 200: ok(route.returns), ...errorResponses(error, open) },
    });
  }
  for (const [name, { input, result }] of Object.entries(COMMANDS)) {
    registry.registerPath({
      method: 'post',
      path: `/api/commands/${name}`,
      operationId: name,
      tags: ['commands'],
      security: session,
      request: { body: { required: true, ...json(input) } },
      responses: { 200: { description: 'Done', ...json(result) }, ...errorResponses(error, false) },
    });
  }
  return new OpenApiGeneratorV31(registry.definitions).generateDocument({
    openapi: '3.1.0',
    info: {
      title: 'Fellesplan',
      version: '1',
      description: 'Commands are `POST /api/commands/<name>`; errors are `{error: {code, message, field?}}`.',
    },
    security: session,
  });
}

let built: ReturnType<typeof buildOpenApiDocument> | undefined;

/** The document depends only on the code, so it is built once per process. */
export function openApiDocument(): ReturnType<typeof buildOpenApiDocument> {
  built ??= buildOpenApiDocument();
  return built;
}
