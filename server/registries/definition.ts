/**
 * @module What a registry is to the framework (docs/REGISTRIES.md): a module that names its URL segment and audit
 * entity, lists and finds its records, presents them, says where they are on the map, saves them through its own
 * command, and declares its spreadsheet. From a module, `registryRoutes` (./routes.ts) builds the routes every
 * registry has: filtered paged list, map, detail with policies, create, edit, history, attachments, .xlsx template,
 * export and import. A registry's own actions (lifecycle steps, sampling rounds …) are extra routes beside it.
 */
import type { Kysely } from "kysely";
import type { z } from "zod";
import type { CommandContext } from "../context";
import type { DB } from "../db/schema";
import type { Feature } from "../../domain/registries/geo";
import type { RefLookup, SheetSpec } from "../../domain/registries/sheet";
import type { RegistryScope } from "../policies/registry.policy";
import type { Actor } from "../policies/cancan";
import type { ListQuery } from "./listQuery";

/** What every registry row has: an id and the unit that keeps it (null: only the office edits it). */
export interface RegistryRecord {
  id: string;
  unit_id: string | null;
}

/** The scope of records kept by their own unit alone (no river chiefs): most registries' `scope`. */
export async function unitScope(_db: Kysely<DB>, rows: readonly RegistryRecord[]): Promise<Map<string, RegistryScope>> {
  return new Map(rows.map((r) => [r.id, { unitId: r.unit_id }]));
}

/** One page of a list. */
export interface Page<Row> {
  rows: Row[];
  total: number;
}

/** A registry module. `Row` is the stored row, `Filter` the parsed list query, `Input` the create/update body. */
export interface RegistryModule<Row extends RegistryRecord, Filter extends ListQuery, Input extends Record<string, unknown>> {
  /** URL segment: /api/registries/<key>; also the web route and i18n prefix. */
  key: string;
  /** Audit entity type, attachments' and transitions' `registry` (e.g. "outfall"). */
  entityType: string;
  /** Chinese name, e.g. 入河排污口 (file names, messages). */
  title: string;
  /** The list query (extends BaseListQuery). */
  filterSchema: z.ZodType<Filter>;
  /** One page of records matching the filter. */
  list(db: Kysely<DB>, filter: Filter): Promise<Page<Row>>;
  /** Every record matching the filter (map and export; the filter's paging is ignored). */
  listAll(db: Kysely<DB>, filter: Filter): Promise<Row[]>;
  /** One record. */
  find(db: Kysely<DB>, id: string): Promise<Row | undefined>;
  /** The record a sheet row names by its key columns (an import updates it), if any. */
  findByKey(db: Kysely<DB>, values: Record<string, unknown>): Promise<Row | undefined>;
  /** Rows as the API shows them (one call per list, so names can be fetched in bulk). */
  present(db: Kysely<DB>, rows: Row[]): Promise<Record<string, unknown>[]>;
  /** Extra data of the detail page (chiefs of a river, rounds of a water body …). */
  detail?(db: Kysely<DB>, row: Row, actor: Actor): Promise<Record<string, unknown>>;
  /** The record's place on the map, or null when it has none; registries without a map leave it out (no /map route). */
  feature?(row: Row): Feature | null;
  /** Who may do what to a record: its unit and, where relevant, its river chiefs' user ids. */
  scope(db: Kysely<DB>, rows: Row[]): Promise<Map<string, RegistryScope>>;
  /** Body of a create (also each new sheet row). */
  createSchema: z.ZodType<Input>;
  /** Body of an update (also each sheet row naming an existing record): every field optional. */
  updateSchema: z.ZodType<Partial<Input>>;
  /** The unit a new record would belong to (permission to create it); may look it up (e.g. the parent record's unit). */
  unitOf(input: Input, db: Kysely<DB>): string | null | Promise<string | null>;
  /**
   * Whether the actor may create this record; default: the office, or the record's own unit
   * (`canCreateRecord(actor, unitOf(input))`). E.g. 清四乱 also lets a river chief report on their own river.
   */
  canCreate?(db: Kysely<DB>, actor: Actor, input: Input): Promise<boolean>;
  /** Whether the actor may create records one by one (the create button); default `canCreateAny`. Imports stay `canCreateAny`. */
  canCreateSome?(actor: Actor): boolean;
  /** Creates (`existing` undefined) or updates a record: a command, audited in `ctx.trx`. */
  save(ctx: CommandContext, existing: Row | undefined, input: Partial<Input>): Promise<Row>;
  /** The spreadsheet. */
  sheet: {
    spec: SheetSpec;
    /** Lookups of the ref columns, by ref name. */
    refs(db: Kysely<DB>): Promise<Record<string, RefLookup>>;
    /** A row's values by column key (the inverse of the import). */
    toValues(row: Row): Record<string, unknown>;
  };
  /** What a river's page shows of this registry (counts, names), when the registry has records on rivers. */
  onRiver?(db: Kysely<DB>, riverId: string): Promise<{ total: number; items: { id: string; name: string; status?: string }[] }>;
}

/** A module of any types, as lists of modules hold them. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyRegistryModule = RegistryModule<any, any, any>;
