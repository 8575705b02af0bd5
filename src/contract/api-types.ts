/**
 * The JSON shapes of the weaklink HTTP API, shared by the server (which produces them)
 * and the web map (which renders them), derived from the zod schemas of schemas.ts: the
 * shapes, what each field means (units included), the routes and the error and
 * authentication rules are documented there. Types only: nothing here runs, and the
 * imports are type-only, so the web bundle never pulls zod in through these types.
 */
import type { z } from 'zod';
import type * as S from './schemas.ts';

export type ApiError = z.infer<typeof S.ErrorSchema>;
export type ApiIssue = z.infer<typeof S.IssueSchema>;
export type SummaryResponse = z.infer<typeof S.SummarySchema>;
export type CompanyRow = z.infer<typeof S.CompanyRowSchema>;
export type CompanyListResponse = z.infer<typeof S.CompanyListSchema>;
export type SupplyLink = z.infer<typeof S.SupplyLinkSchema>;
export type CompanyDetailResponse = z.infer<typeof S.CompanyDetailSchema>;
export type GraphNode = z.infer<typeof S.GraphNodeSchema>;
export type GraphEdge = z.infer<typeof S.GraphEdgeSchema>;
export type GraphResponse = z.infer<typeof S.GraphSchema>;
export type OverviewHeader = z.infer<typeof S.OverviewHeaderSchema>;
export type OverviewArray = z.infer<typeof S.OverviewArraySchema>;
export type BreachStop = z.infer<typeof S.BreachStopSchema>;
export type SimulateResponse = z.infer<typeof S.SimulateSchema>;
export type HealthResponse = z.infer<typeof S.HealthSchema>;
export type JobResponse = z.infer<typeof S.JobSchema>;
export type AggregateGroup = z.infer<typeof S.AggregateGroupSchema>;
export type AggregateLink = z.infer<typeof S.AggregateLinkSchema>;
export type AggregateResponse = z.infer<typeof S.AggregateSchema>;
export type AggregateCompaniesResponse = z.infer<typeof S.AggregateCompaniesSchema>;
export type Tier1Dependant = z.infer<typeof S.Tier1DependantSchema>;
export type DependantsResponse = z.infer<typeof S.DependantsSchema>;

/** A page of a longer list of `T`: the type of `S.pageOf(schema of T)`. */
export type Page<T> = z.infer<ReturnType<typeof S.pageOf<z.ZodType<T>>>>;

export type WeakLink = z.infer<typeof S.WeakLinkSchema>;
export type WeakLinksResponse = z.infer<typeof S.WeakLinksSchema>;
export type SingleSource = z.infer<typeof S.SingleSourceSchema>;
export type SingleSourcesResponse = z.infer<typeof S.SingleSourcesSchema>;
export type HiddenCritical = z.infer<typeof S.HiddenCriticalItemSchema>;
export type HiddenCriticalResponse = z.infer<typeof S.HiddenCriticalSchema>;
export type LevelGap = z.infer<typeof S.LevelGapSchema>;
export type LevelGapsResponse = z.infer<typeof S.LevelGapsSchema>;
export type Unassessed = z.infer<typeof S.UnassessedSchema>;
export type UnassessedResponse = z.infer<typeof S.UnassessedListSchema>;
export type Lapsing = z.infer<typeof S.LapsingSchema>;
export type LapsingListResponse = z.infer<typeof S.LapsingListSchema>;
export type CountryShare = z.infer<typeof S.CountryShareSchema>;
export type ConcentrationGroup = z.infer<typeof S.ConcentrationGroupSchema>;
export type ConcentrationResponse = z.infer<typeof S.ConcentrationSchema>;

export type NetworkUploadResponse = z.infer<typeof S.NetworkUploadSchema>;
export type CompanyEditResponse = z.infer<typeof S.CompanyEditSchema>;
export type SupplyEditResponse = z.infer<typeof S.SupplyEditSchema>;
export type Assessment = z.infer<typeof S.AssessmentSchema>;
export type AssessmentListResponse = z.infer<typeof S.AssessmentListSchema>;
export type AssessmentRecordResponse = z.infer<typeof S.AssessmentRecordSchema>;
export type TokenInfo = z.infer<typeof S.TokenInfoSchema>;
export type MeResponse = z.infer<typeof S.MeSchema>;
export type TokenListResponse = z.infer<typeof S.TokenListSchema>;
export type TokenCreateResponse = z.infer<typeof S.TokenCreateSchema>;

export type WhatIfOp = z.infer<typeof S.WhatIfOpSchema>;
export type ScenarioRequest = z.infer<typeof S.ScenarioRequestSchema>;
export type ScenarioDay = z.infer<typeof S.ScenarioDaySchema>;
export type ScenarioRun = z.infer<typeof S.ScenarioRunSchema>;
export type ScenarioResponse = z.infer<typeof S.ScenarioSchema>;
export type CompanyMeasures = z.infer<typeof S.CompanyMeasuresSchema>;
export type WhatIfComparison = z.infer<typeof S.WhatIfComparisonSchema>;
export type SavedScenario = z.infer<typeof S.SavedScenarioSchema>;
export type ScenarioDeleteResponse = z.infer<typeof S.ScenarioDeleteSchema>;
export type SavedScenarioList = z.infer<typeof S.SavedScenarioListSchema>;
export type ScenarioComparison = z.infer<typeof S.ScenarioComparisonSchema>;
export type RiskResponse = z.infer<typeof S.RiskSchema>;
export type PlanResponse = z.infer<typeof S.PlanSchema>;
export type ExecutiveAssumptions = z.infer<typeof S.ExecutiveAssumptionsSchema>;
export type CurvePoint = z.infer<typeof S.CurvePointSchema>;
export type ExecutiveResponse = z.infer<typeof S.ExecutiveSchema>;
export type RequestRecordResponse = z.infer<typeof S.RequestRecordSchema>;
export type RequestListResponse = z.infer<typeof S.RequestListSchema>;
export type AssessResponse = z.infer<typeof S.AssessSchema>;
