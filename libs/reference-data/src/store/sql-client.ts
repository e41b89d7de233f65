/**
 * The slice of a `pg` client the writer uses. Bulk statements go to the driver directly: TypeORM's
 * query wrapper would log a failed batch with its parameters, i.e. a thousand records of data.
 */
export interface SqlClient {
  query<Row = Record<string, unknown>>(
    sql: string,
    params?: unknown[],
  ): Promise<{ rows: Row[]; rowCount: number | null }>;
}
