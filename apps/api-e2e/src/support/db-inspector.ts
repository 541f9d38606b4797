/** Read-only look at the API's tables, straight through `pg` (snake_case columns as stored). */
import { Client } from 'pg';

/** A `payment_sessions` row (the columns the specs look at). */
export interface SessionRow {
  readonly id: string;
  readonly merchant_id: string;
  readonly connector: 'NUVEI' | 'PAYTM';
  readonly merchant_session_id: string;
  readonly status: string;
  readonly token_ciphertext: Buffer | null;
  readonly expires_at: Date | null;
  readonly http_status: number | null;
  readonly unified_error_code: string | null;
  readonly error_code: string | null;
  readonly error_message: string | null;
  readonly error_reason: string | null;
  readonly retryable: boolean | null;
  readonly attempt_count: number;
}

/** A `payment_session_attempts` row. */
export interface AttemptRow {
  readonly attempt_number: number;
  readonly status: string;
  readonly http_status: number | null;
  readonly unified_error_code: string | null;
  readonly error_code: string | null;
  readonly error_message: string | null;
  readonly completed_at: Date | null;
  readonly duration_ms: number | null;
}

export class DbInspector {
  readonly #client: Client;

  private constructor(client: Client) {
    this.#client = client;
  }

  static async connect(databaseUrl: string): Promise<DbInspector> {
    const client = new Client({ connectionString: databaseUrl, connectionTimeoutMillis: 10_000 });
    client.on('error', () => undefined);
    await client.connect();
    return new DbInspector(client);
  }

  /** Every session row with this merchantSessionId (the unique key also includes merchant and connector). */
  async sessions(merchantSessionId: string): Promise<SessionRow[]> {
    const { rows } = await this.#client.query<SessionRow>('SELECT * FROM payment_sessions WHERE merchant_session_id = $1 ORDER BY created_at', [merchantSessionId]);
    return rows;
  }

  /** The only session row with this merchantSessionId; throws when there is none or several. */
  async session(merchantSessionId: string): Promise<SessionRow> {
    const rows = await this.sessions(merchantSessionId);
    if (rows.length !== 1) throw new Error(`expected one session row for ${merchantSessionId}, found ${rows.length}`);
    return rows[0] as SessionRow;
  }

  async attempts(sessionId: string): Promise<AttemptRow[]> {
    const { rows } = await this.#client.query<AttemptRow>('SELECT * FROM payment_session_attempts WHERE session_id = $1 ORDER BY attempt_number', [sessionId]);
    return rows;
  }

  /** Rows of a read-only query the specs write themselves (e.g. counts by group). */
  async query<R extends Record<string, unknown>>(sql: string, values: readonly unknown[] = []): Promise<R[]> {
    const { rows } = await this.#client.query<R>(sql, [...values]);
    return rows;
  }

  async close(): Promise<void> {
    await this.#client.end().catch(() => undefined);
  }
}
