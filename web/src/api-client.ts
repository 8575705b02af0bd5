/**
 * Typed fetch against the weaklink HTTP API (the shapes of src/contract/api-types.ts). The map
 * never computes an analysis itself: every number it shows comes through here. Every
 * request but the health check needs a bearer token (server/auth.ts); the client sends
 * the one `token()` gives. Errors come back as `ApiRequestError` carrying the status and
 * the server's `{ error: { code, message } }` (401: no valid token).
 * `pending()` counts requests in flight, so a test (or a spinner) can wait for quiet.
 * Every request that reads the analysis (the routes that take `?asOf=`) carries the date
 * `asOf()` gives, when it gives one (none: the server's today).
 * Heavy requests (risk, plan, executive view, scenarios) carry a new `X-Job-Id`; while one
 * is pending, `heavyJobs()` lists it (listeners of `onJobs` hear of each change) and
 * `job(id)` reads its progress, which the progress bar (progress.tsx) shows.
 *
 * @example
 *   const api = createApiClient({ token: () => sessionStorage.getItem('weaklink.token') });
 *   const view = await api.graph({ depth: 3, limit: 1500 });
 */
import type {
  AggregateCompaniesResponse,
  AggregateResponse,
  DependantsResponse,
  ApiError,
  AssessResponse,
  ApiIssue,
  CompanyDetailResponse,
  CompanyEditResponse,
  MeResponse,
  NetworkUploadResponse,
  CompanyListResponse,
  ConcentrationResponse,
  ExecutiveResponse,
  GraphResponse,
  HiddenCriticalResponse,
  JobResponse,
  LapsingListResponse,
  LevelGapsResponse,
  PlanResponse,
  RiskResponse,
  SavedScenario,
  SavedScenarioList,
  ScenarioComparison,
  ScenarioRequest,
  ScenarioResponse,
  SimulateResponse,
  SingleSourcesResponse,
  SummaryResponse,
  WeakLinksResponse,
} from '../../src/contract/api-types.ts';
import type { AssessmentInput, AssessmentList, AssessmentRecorded } from './assessments.ts';
import { decodeOverview, type Overview } from '../../src/contract/overview-format.ts';

/** A network upload: the two CSV files (their bytes in base64, decoded by the server as files are) or one workbook. */
export type NetworkUpload =
  | { companies: string; supplies: string; encoding?: 'text' | 'base64'; version?: string }
  | { format: 'xlsx'; workbook: string; version?: string };

/** One workbook of POST /api/assess: its file name (named in errors) and its bytes, base64. */
export interface AssessWorkbook {
  file: string;
  content: string;
}

/** The body of POST /api/assess: the blank workbook (the catalogue) and one filled workbook per supplier. */
export interface AssessRequest {
  catalog: AssessWorkbook;
  workbooks: (AssessWorkbook & { company: string })[];
}

/** Paging of the analysis lists (the server allows a limit of at most 500). */
export interface PageQuery {
  offset?: number;
  limit?: number;
}

/** The filters of the map, passed on to GET /api/graph. */
export interface GraphFilters {
  commodity?: string;
  country?: string;
  criticalOnly?: boolean;
}

export type GraphQuery =
  | ({ focus: string; up: number; down: number; limit?: number } & GraphFilters)
  | ({ depth: number; limit?: number } & GraphFilters);

export interface CompanyQuery {
  q?: string;
  tier?: number;
  country?: string;
  level?: number;
  size?: string;
  offset?: number;
  limit?: number;
}

/** How GET /api/aggregate groups each tier's companies. */
export type AggregateBy = 'country' | 'industry';

/** One group of GET /api/aggregate (tier null: the companies with no tier) and a page of its companies. */
export interface GroupQuery extends PageQuery {
  by: AggregateBy;
  tier: number | null;
  key: string;
}

/** An error answer: its status, code and message, the request field it names, and an upload's located issues. */
export class ApiRequestError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly field: string | null = null,
    readonly issues: ApiIssue[] = [],
  ) {
    super(message);
    this.name = 'ApiRequestError';
  }
}

/** The ApiRequestError of an error answer `{ error: { code, message, field?, issues? } }`; any other body keeps the status. */
export function requestError(status: number, body: unknown, path: string): ApiRequestError {
  const error = (body as Partial<ApiError> | null)?.error;
  const fields: Partial<ApiError['error']> = typeof error === 'object' && error !== null ? error : {};
  return new ApiRequestError(
    status,
    typeof fields.code === 'string' ? fields.code : 'internal',
    typeof fields.message === 'string' ? fields.message : `${path} answered ${status}`,
    typeof fields.field === 'string' ? fields.field : null,
    Array.isArray(fields.issues) ? fields.issues : [],
  );
}

export interface ApiClient {
  summary(): Promise<SummaryResponse>;
  companies(query: CompanyQuery): Promise<CompanyListResponse>;
  company(id: string): Promise<CompanyDetailResponse>;
  graph(query: GraphQuery): Promise<GraphResponse>;
  /** GET /api/overview: the whole network (positions, scores, risk, tiers, supplies, ids, names), binary, decoded. */
  overview(): Promise<Overview>;
  weakLinks(page?: PageQuery): Promise<WeakLinksResponse>;
  singleSources(page?: PageQuery): Promise<SingleSourcesResponse>;
  hiddenCritical(page?: PageQuery): Promise<HiddenCriticalResponse>;
  levelGaps(page?: PageQuery): Promise<LevelGapsResponse>;
  concentration(page?: PageQuery): Promise<ConcentrationResponse>;
  /** GET /api/analysis/lapsing: the assessments lapsing within `days` (default the server's, 90) of the analysis date. */
  lapsing(query?: PageQuery & { days?: number }): Promise<LapsingListResponse>;
  /** GET /api/assessments?company=: the assessments (of one company), each with its status as of the analysis date. */
  assessments(company?: string): Promise<AssessmentList>;
  /** POST /api/assessments (analyst): records an assessment; a new network version. */
  recordAssessment(input: AssessmentInput): Promise<AssessmentRecorded>;
  /** GET /api/aggregate: the companies grouped by (tier, country) or (tier, industry), with the supplies between groups. */
  aggregate(by: AggregateBy): Promise<AggregateResponse>;
  /** GET /api/aggregate/companies: a page of the companies of one group, highest risk contribution first. */
  aggregateCompanies(query: GroupQuery): Promise<AggregateCompaniesResponse>;
  /** GET /api/companies/:id/dependants: the focal companies' tier-1 suppliers downstream of company `id`. */
  dependants(id: string, query?: { focal?: string; limit?: number }): Promise<DependantsResponse>;
  /** GET /api/analysis/SLUG: a page of any report section (src/app/sections.ts). */
  section<T>(slug: string, page?: PageQuery): Promise<T>;
  simulate(hit: string[]): Promise<SimulateResponse>;
  /** POST /api/scenario: run a breach of `hit` for `days` days (not saved). */
  scenario(request: ScenarioRequest): Promise<ScenarioResponse>;
  /** GET /api/scenarios: the saved scenarios, newest first. */
  scenarios(): Promise<SavedScenarioList>;
  /** GET /api/scenarios/:name. */
  savedScenario(name: string): Promise<SavedScenario>;
  /** POST /api/scenarios (analyst): run and save under `name`. */
  saveScenario(request: ScenarioRequest & { name: string }): Promise<SavedScenario>;
  /** DELETE /api/scenarios/:name (analyst). */
  deleteScenario(name: string): Promise<void>;
  /** GET /api/scenarios/compare?a=&b=. */
  compareScenarios(a: string, b: string): Promise<ScenarioComparison>;
  /** POST /api/risk: the annual loss distribution (expected annual loss, 1-in-20/100/200-year losses, AEP and OEP curves). */
  risk(request?: { runs?: number; seed?: number; exact?: boolean }): Promise<RiskResponse>;
  /** POST /api/plan: the cost-sharing plan for a budget (yen): lifts to the target levels (default ★3–★5) avoiding the most expected annual loss. */
  plan(request: {
    budget: number;
    costs?: { sme?: number[]; large?: number[] };
    planTargets?: number[];
  }): Promise<PlanResponse>;
  /** GET /api/executive: the one-page executive view of one focal company, with the session's assumptions. */
  executive(params?: ExecutiveParams): Promise<ExecutiveResponse>;
  /** GET /api/me: the caller's token name and role. */
  me(): Promise<MeResponse>;
  /** PATCH /api/companies/:id (analyst): set the SCS level and/or security score on network `version`. */
  editCompany(
    id: string,
    edit: { version: string; scsLevel?: number | null; securityScore?: number | null },
  ): Promise<CompanyEditResponse>;
  /** PUT /api/network (admin): replace the network with the CSV texts of companies.csv and supplies.csv. */
  uploadNetwork(upload: NetworkUpload): Promise<NetworkUploadResponse>;
  /** POST /api/assess (analyst): the self-assessment workbooks read against the catalogue, per supplier and per criterion. */
  assess(request: AssessRequest): Promise<AssessResponse>;
  /** A list or an answer as a spreadsheet (`?format=csv|xlsx`); with `body`, the POST route computes it first. */
  download(path: string, format: 'csv' | 'xlsx', body?: unknown): Promise<{ blob: Blob; filename: string }>;
  /** GET /api/requests/:supplier/letter: the request letter to one supplier, as an HTML page (a Blob to open in a tab). */
  letter(supplier: string, lang: 'ja' | 'en'): Promise<Blob>;
  /** GET /api/jobs/:id: the progress of one of the caller's heavy requests. */
  job(id: string): Promise<JobResponse>;
  /** The heavy requests pending now, each with the job id it sent. */
  heavyJobs(): PendingJob[];
  /** Calls `listener` whenever a heavy request starts or ends; returns the unsubscribe. */
  onJobs(listener: () => void): () => void;
  /** Requests in flight. */
  pending(): number;
}

/** A heavy request in flight: the id it sent in `X-Job-Id`, and its kind. */
export interface PendingJob {
  id: string;
  kind: JobResponse['kind'];
}

/** A random UUID (v4), also where `crypto.randomUUID` is missing (plain HTTP to another host). */
export function newJobId(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6]! & 0x0f) | 0x40;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const hex = [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** The query string of `params`, leaving out undefined, empty and false values. */
/**
 * The query of GET /api/executive: the budget (yen), the focal company, and the
 * assumptions the session changed — `durations` as "days:probability,…", lift costs as
 * five yen amounts "a,b,c,d,e" (steps 0→1 … 4→5).
 */
export interface ExecutiveParams {
  budget?: number;
  focal?: string;
  hitBase?: number;
  hitDecay?: number;
  durations?: string;
  lossRatio?: number;
  costsSme?: string;
  costsLarge?: string;
}

export function queryString(params: Record<string, string | number | boolean | undefined>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined || value === '' || value === false) continue;
    search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}

export interface ApiClientOptions {
  /** Origin of the API (default: the page's own). */
  base?: string;
  /** The bearer token to send, if any (read on every request). */
  token?: () => string | null;
  /** The fetch to use (default the page's); for tests. */
  fetch?: typeof fetch;
  /** The analysis date to send as `asOf` (YYYY-MM-DD), read on every request; null or absent: the server's today. */
  asOf?: () => string | null;
}

/** The paths of the GET routes that take `asOf` for a download (`download(path, …)`). */
const DATED_DOWNLOAD = /^\/api\/(analysis\/|companies(\?|$)|scenario(\?|$)|plan(\?|$)|executive(\?|$))/;

/** A client for the API; every request carries `Authorization: Bearer <token>` when there is a token. */
export function createApiClient(options: ApiClientOptions = {}): ApiClient {
  const base = options.base ?? '';
  let inFlight = 0;
  const jobs = new Map<string, PendingJob>();
  const listeners = new Set<() => void>();
  const changed = (): void => listeners.forEach((listener) => listener());
  /** `params` with the analysis date, for a route that reads the analysis. */
  const dated = <T extends object>(params: T): T & { asOf?: string } => {
    const asOf = options.asOf?.() ?? undefined;
    return asOf ? { ...params, asOf } : params;
  };
  const q = (params: object): string => queryString({ ...(params as Record<string, string | number | boolean>) });
  async function request<T>(path: string, init?: RequestInit, job?: PendingJob['kind']): Promise<T> {
    inFlight++;
    const id = job === undefined ? undefined : newJobId();
    if (id !== undefined && job !== undefined) {
      jobs.set(id, { id, kind: job });
      changed();
    }
    try {
      const token = options.token?.() ?? null;
      const headers: Record<string, string> = { accept: 'application/json' };
      if (init?.body) headers['content-type'] = 'application/json';
      if (token) headers['authorization'] = `Bearer ${token}`;
      if (id !== undefined) headers['x-job-id'] = id;
      const response = await (options.fetch ?? fetch)(base + path, { ...init, headers });
      const body: unknown = response.status === 204 ? null : await response.json().catch(() => null);
      if (!response.ok) throw requestError(response.status, body, path);
      return body as T;
    } finally {
      inFlight--;
      if (id !== undefined && jobs.delete(id)) changed();
    }
  }
  return {
    summary: () => request(`/api/summary${q(dated({}))}`),
    companies: (query) => request(`/api/companies${q(dated(query))}`),
    company: (id) => request(`/api/companies/${encodeURIComponent(id)}${q(dated({}))}`),
    graph: (query) => request(`/api/graph${q(dated(query))}`),
    weakLinks: (page = {}) => request(`/api/analysis/weak-links${q(dated(page))}`),
    singleSources: (page = {}) => request(`/api/analysis/single-sources${q(dated(page))}`),
    hiddenCritical: (page = {}) => request(`/api/analysis/hidden-critical${q(dated(page))}`),
    levelGaps: (page = {}) => request(`/api/analysis/level-gaps${q(dated(page))}`),
    concentration: (page = {}) => request(`/api/analysis/concentration${q(dated(page))}`),
    lapsing: ({ days, ...page } = {}) => request(`/api/analysis/lapsing${q(dated({ ...page, lapsingDays: days }))}`),
    assessments: (company) => request(`/api/assessments${q(dated({ company }))}`),
    recordAssessment: (input) => request('/api/assessments', { method: 'POST', body: JSON.stringify(input) }),
    aggregate: (by) => request(`/api/aggregate${q(dated({ by }))}`),
    aggregateCompanies: ({ by, tier, key, ...page }) =>
      request(`/api/aggregate/companies${q(dated({ by, tier: tier ?? 'none', key, ...page }))}`),
    dependants: (id, query = {}) =>
      request(`/api/companies/${encodeURIComponent(id)}/dependants${q(dated({ ...query }))}`),
    section: (slug, page = {}) => request(`/api/analysis/${encodeURIComponent(slug)}${q(dated(page))}`),
    simulate: (hit) => request(`/api/simulate${q(dated({}))}`, { method: 'POST', body: JSON.stringify({ hit }) }),
    scenario: (body) =>
      request(`/api/scenario${q(dated({}))}`, { method: 'POST', body: JSON.stringify(body) }, 'scenario'),
    scenarios: () => request('/api/scenarios'),
    savedScenario: (name) => request(`/api/scenarios/${encodeURIComponent(name)}`),
    saveScenario: (body) =>
      request(`/api/scenarios${q(dated({}))}`, { method: 'POST', body: JSON.stringify(body) }, 'scenario'),
    deleteScenario: async (name) => {
      await request<unknown>(`/api/scenarios/${encodeURIComponent(name)}`, { method: 'DELETE' });
    },
    compareScenarios: (a, b) => request(`/api/scenarios/compare${queryString({ a, b })}`),
    risk: (body = {}) => request(`/api/risk${q(dated({}))}`, { method: 'POST', body: JSON.stringify(body) }, 'risk'),
    plan: (body) => request(`/api/plan${q(dated({}))}`, { method: 'POST', body: JSON.stringify(body) }, 'plan'),
    executive: (params = {}) => request(`/api/executive${q(dated(params))}`, undefined, 'executive'),
    job: (id) => request(`/api/jobs/${encodeURIComponent(id)}`),
    heavyJobs: () => [...jobs.values()],
    onJobs: (listener) => {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
    me: () => request('/api/me'),
    editCompany: (id, edit) =>
      request(`/api/companies/${encodeURIComponent(id)}`, { method: 'PATCH', body: JSON.stringify(edit) }),
    assess: (body) => request('/api/assess', { method: 'POST', body: JSON.stringify(body) }),
    uploadNetwork: (upload) =>
      request('/api/network', { method: 'PUT', body: JSON.stringify({ format: 'csv', ...upload }) }),
    download: async (path, format, body) => {
      inFlight++;
      try {
        const token = options.token?.() ?? null;
        const headers: Record<string, string> = {};
        if (body !== undefined) headers['content-type'] = 'application/json';
        if (token) headers['authorization'] = `Bearer ${token}`;
        const asOf = DATED_DOWNLOAD.test(path) ? (options.asOf?.() ?? null) : null;
        const dateParam = asOf ? `&asOf=${asOf}` : '';
        const url = `${base}${path}${path.includes('?') ? '&' : '?'}format=${format}${dateParam}`;
        const init: RequestInit = { method: body === undefined ? 'GET' : 'POST', headers };
        if (body !== undefined) init.body = JSON.stringify(body);
        const response = await (options.fetch ?? fetch)(url, init);
        if (!response.ok) throw requestError(response.status, await response.json().catch(() => null), path);
        const named = /filename="?([^";]+)"?/.exec(response.headers.get('content-disposition') ?? '')?.[1];
        return { blob: await response.blob(), filename: named ?? `weaklink.${format}` };
      } finally {
        inFlight--;
      }
    },
    overview: async () => {
      inFlight++;
      try {
        const token = options.token?.() ?? null;
        const headers: Record<string, string> = { accept: 'application/octet-stream' };
        if (token) headers['authorization'] = `Bearer ${token}`;
        const response = await (options.fetch ?? fetch)(`${base}/api/overview${queryString(dated({}))}`, { headers });
        if (!response.ok) throw requestError(response.status, await response.json().catch(() => null), '/api/overview');
        return decodeOverview(await response.arrayBuffer());
      } finally {
        inFlight--;
      }
    },
    letter: async (supplier, lang) => {
      inFlight++;
      try {
        const token = options.token?.() ?? null;
        const path = `/api/requests/${encodeURIComponent(supplier)}/letter${queryString(dated({ lang, format: 'html' }))}`;
        const headers: Record<string, string> = token ? { authorization: `Bearer ${token}` } : {};
        const response = await (options.fetch ?? fetch)(base + path, { headers });
        if (!response.ok) throw requestError(response.status, await response.json().catch(() => null), path);
        return await response.blob();
      } finally {
        inFlight--;
      }
    },
    pending: () => inFlight,
  };
}
