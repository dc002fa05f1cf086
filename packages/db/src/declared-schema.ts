// What prisma/schema.prisma declares, read by Prisma's own schema parser (the WebAssembly build,
// which needs no native engine), and what the migrated database actually holds. The schema test
// compares the two, so a hand-written migration that disagrees with the schema (a column's type,
// its nullability, an enum, an index) fails the tests, not a night shift.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { get_dmmf } from '@prisma/prisma-schema-wasm';
import type pg from 'pg';

const schemaPath = fileURLToPath(new URL('../../../prisma/schema.prisma', import.meta.url));

interface DmmfField {
  name: string;
  dbName?: string | null;
  kind: 'scalar' | 'enum' | 'object' | 'unsupported';
  type: string;
  isList: boolean;
  isRequired: boolean;
  nativeType?: [string, string[]] | null;
}
interface DmmfModel {
  name: string;
  dbName: string | null;
  fields: DmmfField[];
}
interface DmmfIndex {
  model: string;
  type: 'id' | 'unique' | 'normal' | 'fulltext';
  fields: { name: string }[];
}
interface Dmmf {
  datamodel: { models: DmmfModel[]; enums: { name: string; dbName?: string | null }[]; indexes: DmmfIndex[] };
}

/** One column as PostgreSQL would describe it: table, column, type (udt name), nullability. */
export interface ColumnShape {
  table: string;
  column: string;
  type: string;
  nullable: boolean;
}

/** One index as a comparable string: `Table(colA,colB)` plus ` unique` when it is one. */
type IndexShape = string;

// Prisma's default PostgreSQL type per scalar, and the types its @db attributes choose.
const DEFAULT_TYPE: Record<string, string> = {
  String: 'text',
  Int: 'int4',
  BigInt: 'int8',
  Float: 'float8',
  Boolean: 'bool',
  DateTime: 'timestamp',
  Json: 'jsonb',
  Decimal: 'numeric',
  Bytes: 'bytea',
};
const NATIVE_TYPE: Record<string, string> = {
  Uuid: 'uuid',
  Text: 'text',
  VarChar: 'varchar',
  Char: 'bpchar',
  Timestamptz: 'timestamptz',
  Timestamp: 'timestamp',
  Date: 'date',
  Time: 'time',
  Integer: 'int4',
  SmallInt: 'int2',
  DoublePrecision: 'float8',
  Real: 'float4',
  JsonB: 'jsonb',
  Json: 'json',
  Inet: 'inet',
};

function readDmmf(): Dmmf {
  const schema = readFileSync(schemaPath, 'utf8');
  return JSON.parse(get_dmmf(JSON.stringify({ prismaSchema: [['schema.prisma', schema]] }))) as Dmmf;
}

function columnType(field: DmmfField, enumNames: Map<string, string>): string {
  const base =
    field.kind === 'enum'
      ? (enumNames.get(field.type) ?? field.type)
      : field.nativeType
        ? (NATIVE_TYPE[field.nativeType[0]] ?? field.nativeType[0].toLowerCase())
        : (DEFAULT_TYPE[field.type] ?? field.type);
  return field.isList ? `_${base}` : base;
}

/** The columns and indexes schema.prisma declares, in PostgreSQL's terms. */
export function declaredSchema(): { columns: ColumnShape[]; indexes: IndexShape[] } {
  const { datamodel } = readDmmf();
  const enumNames = new Map(datamodel.enums.map((e) => [e.name, e.dbName ?? e.name]));
  const tableOf = new Map(datamodel.models.map((m) => [m.name, m.dbName ?? m.name]));
  const columnOf = new Map(datamodel.models.map((m) => [m.name, new Map(m.fields.map((f) => [f.name, f.dbName ?? f.name]))]));
  const columns = datamodel.models.flatMap((m) =>
    m.fields
      .filter((f) => f.kind === 'scalar' || f.kind === 'enum')
      .map((f) => ({
        table: tableOf.get(m.name)!,
        column: f.dbName ?? f.name,
        type: columnType(f, enumNames),
        // Prisma's migrations create scalar lists without NOT NULL (the client never writes null).
        nullable: f.isList || !f.isRequired,
      })),
  );
  const indexes = datamodel.indexes.map((i) => {
    const cols = i.fields.map((f) => columnOf.get(i.model)?.get(f.name) ?? f.name);
    return `${tableOf.get(i.model)}(${cols.join(',')})${i.type === 'normal' || i.type === 'fulltext' ? '' : ' unique'}`;
  });
  return { columns, indexes };
}

/** The same shapes, read from a migrated database's catalogue (schema `public`). */
export async function actualSchema(client: pg.Client): Promise<{ columns: ColumnShape[]; indexes: IndexShape[] }> {
  const { rows: columnRows } = await client.query<{ table: string; column: string; type: string; nullable: boolean }>(
    `SELECT c.table_name AS table, c.column_name AS column, c.udt_name AS type, c.is_nullable = 'YES' AS nullable
       FROM information_schema.columns c
       JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
      WHERE c.table_schema = 'public' AND t.table_type = 'BASE TABLE' AND c.table_name <> '_prisma_migrations'`,
  );
  // Plain column indexes only: expression and partial indexes cannot be declared in schema.prisma.
  const { rows: indexRows } = await client.query<{ index: string; table: string; columns: string[]; unique: boolean; plain: boolean }>(
    `SELECT ic.relname AS index, tc.relname AS table, i.indisunique OR i.indisprimary AS unique,
            (i.indpred IS NULL AND i.indexprs IS NULL) AS plain,
            ARRAY(SELECT a.attname FROM unnest(i.indkey) WITH ORDINALITY k(attnum, n)
                   JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.attnum ORDER BY k.n)::text[] AS columns
       FROM pg_index i
       JOIN pg_class ic ON ic.oid = i.indexrelid
       JOIN pg_class tc ON tc.oid = i.indrelid
       JOIN pg_namespace ns ON ns.oid = tc.relnamespace
      WHERE ns.nspname = 'public' AND tc.relname <> '_prisma_migrations'`,
  );
  return {
    columns: columnRows,
    indexes: indexRows.map((r) =>
      r.plain ? `${r.table}(${r.columns.join(',')})${r.unique ? ' unique' : ''}` : `${r.table}: ${r.index} (hand-written)`,
    ),
  };
}
