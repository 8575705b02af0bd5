/**
 * PATCH /api/companies/{id} (analyst) — set a company's `scsLevel` and/or
 * `securityScore` (null clears one); PATCH /api/supplies (analyst) — set one supply's
 * `share` as given (null clears it; nothing is rescaled; the group's shares must stay
 * all given or all missing). Each edit names the network `version` it was made on
 * (GET /api/summary): under the write lock the version is compared and the edited
 * network loaded, so an edit of a version that is no longer current is a 409, never a
 * lost update; the answer comes once the store has committed it (the memory store's
 * workspace database). The analysis is recomputed for the new version on the next read.
 * The level of a company with assessment rows comes from its assessments: `scsLevel` for
 * one is a 409 saying to record an assessment (POST /api/assessments) instead.
 */
import { z } from 'zod';
import { editCompany, editSupplyShare } from '../../src/app/edits.ts';
import { defineRoute } from '../route.ts';
import { CompanyEditSchema, SupplyEditSchema } from '../../src/contract/schemas.ts';
import { expectVersion } from '../write-lock.ts';
import { CompanyParams } from './companies.ts';

const Version = z.string().min(1).max(200).describe('The network version the edit was made on (GET /api/summary).');
const id = z.string().min(1).max(1000);

export const CompanyEditBody = z
  .strictObject({
    version: Version,
    scsLevel: z.number().int().min(0).max(5).nullable().optional().describe('0–5; null clears it.'),
    securityScore: z
      .number()
      .min(0)
      .max(100)
      .nullable()
      .optional()
      .describe('0–100; wins over scsLevel; null clears it.'),
  })
  .refine((b) => b.scsLevel !== undefined || b.securityScore !== undefined, {
    message: 'give scsLevel or securityScore (or both)',
    path: ['scsLevel'],
  });

export const companyEditRoute = defineRoute({
  method: 'patch',
  path: '/api/companies/{id}',
  operationId: 'editCompany',
  access: 'analyst',
  summary:
    "Set a company's SCS level and/or security score, on the version given (409 when the network changed since, or for the level of a company with assessments: record one instead).",
  params: CompanyParams,
  body: CompanyEditBody,
  response: CompanyEditSchema,
  errors: [404, 409, 413, 503],
  change: (out) =>
    out.version === out.previousVersion
      ? null
      : {
          company: out.company.id,
          from: out.previous,
          to: { scsLevel: out.company.scsLevel, securityScore: out.company.securityScore },
        },
  handle: ({ params, body }, { store, writes }, caller) =>
    writes.run(async () => {
      const previousVersion = await expectVersion(store, body.version);
      const edit = editCompany(await store.read(), params.id, body);
      const version = edit.changed ? (await store.load(edit.network, { by: caller?.name })).version : previousVersion;
      return { version, previousVersion, company: { id: params.id, ...edit.after }, previous: edit.before };
    }),
});

export const SupplyEditBody = z.strictObject({
  version: Version,
  supplier: id.describe('Supplier id.'),
  buyer: id.describe('Buyer id.'),
  commodity: id.describe('Commodity of the supply.'),
  share: z
    .number()
    .gt(0)
    .lte(1)
    .nullable()
    .describe('Fraction (0, 1] of the buyer’s need for the commodity, as given; null clears it.'),
});

export const supplyEditRoute = defineRoute({
  method: 'patch',
  path: '/api/supplies',
  operationId: 'editSupply',
  access: 'analyst',
  summary:
    "Set one supply's share as given (nothing is rescaled); the group's shares must stay all given or all missing.",
  body: SupplyEditBody,
  response: SupplyEditSchema,
  errors: [404, 409, 413, 503],
  change: (out) =>
    out.version === out.previousVersion
      ? null
      : {
          supply: { supplier: out.supply.supplier, buyer: out.supply.buyer, commodity: out.supply.commodity },
          share: { from: out.previous.share, to: out.supply.share },
        },
  handle: ({ body }, { store, writes }, caller) =>
    writes.run(async () => {
      const previousVersion = await expectVersion(store, body.version);
      const { supplier, buyer, commodity, share } = body;
      const edit = editSupplyShare(await store.read(), { supplier, buyer, commodity }, share);
      const version = edit.changed ? (await store.load(edit.network, { by: caller?.name })).version : previousVersion;
      return {
        version,
        previousVersion,
        supply: { supplier, buyer, commodity, share },
        previous: { share: edit.before },
        group: edit.group,
        warnings: edit.warnings,
      };
    }),
});
