// The service's whole configuration: one class, read from the environment once, validated, and
// refused at start-up with a message that names the variable. Secrets never appear in toString/JSON.
import 'reflect-metadata';
import { plainToInstance, Transform } from 'class-transformer';
import {
  IsIn,
  IsInt,
  IsNumber,
  IsOptional,
  IsString,
  Matches,
  Validate,
  Max,
  MinLength,
  Min,
  ValidateIf,
  validateSync,
} from 'class-validator';
import { DEFAULT_SCREENING_TASK_QUEUE } from '../../contracts/src/index.js';
import { DEFAULT_MATCH_THRESHOLD } from '../../domain/src/names/score.js';
import { IntervalConstraint, MONITORING_INTERVAL_LIMITS } from './interval.js';

export const LOG_LEVELS = ['error', 'warn', 'log', 'debug', 'verbose'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

const toInt = ({ value }: { value: unknown }) =>
  value === undefined || value === '' ? undefined : Number(value);
const toNumber = ({ value }: { value: unknown }) =>
  value === undefined || value === '' ? undefined : Number(value);
const emptyToUndefined = ({ value }: { value: unknown }) => (value === '' ? undefined : value);

/** Variables whose values must never be printed. */
export const SENSITIVE_VARIABLES = [
  'DATABASE_URL',
  'BOOTSTRAP_ADMIN_TOKEN',
  'INVITATION_SECRET',
  'SMTP_URL',
] as const;
export const NOTIFICATION_TRANSPORTS = ['log', 'smtp'] as const;

export class AppConfig {
  /** PostgreSQL connection URL. Unset under `npm start` means: start an embedded PostgreSQL. */
  @IsOptional()
  @Transform(emptyToUndefined)
  @Matches(/^postgres(ql)?:\/\/.+/, { message: 'must be a postgres:// or postgresql:// URL' })
  DATABASE_URL?: string;

  /** host:port of the Temporal frontend. Unset under `npm start` means: start a Temporal dev server. */
  @IsOptional()
  @Transform(emptyToUndefined)
  @Matches(/^[A-Za-z0-9.\-_[\]:]+:\d{1,5}$/, { message: 'must be host:port, e.g. 127.0.0.1:7233' })
  TEMPORAL_ADDRESS?: string;

  @IsString()
  @Matches(/^[A-Za-z0-9._-]+$/, { message: 'must be a Temporal namespace name' })
  TEMPORAL_NAMESPACE = 'default';

  @IsString()
  @Matches(/^[A-Za-z0-9._-]+$/, { message: 'must be a task queue name (letters, digits, . _ -)' })
  TEMPORAL_TASK_QUEUE = DEFAULT_SCREENING_TASK_QUEUE;

  /** Path of the `temporal` CLI used to start the embedded dev server. */
  @IsOptional()
  @Transform(emptyToUndefined)
  @IsString()
  TEMPORAL_CLI_PATH?: string;

  @Transform(toInt)
  @IsInt({ message: 'must be an integer port number' })
  @Min(0, { message: 'must be between 0 and 65535' })
  @Max(65535, { message: 'must be between 0 and 65535' })
  PORT = 3000;

  @IsString()
  @MinLength(1)
  DATA_DIR = './.data';

  /** Admin token accepted by POST /v1/api-keys. Unset under `npm start`: generated and kept in DATA_DIR. */
  @IsOptional()
  @Transform(emptyToUndefined)
  @IsString()
  @MinLength(24, { message: 'must be at least 24 characters' })
  BOOTSTRAP_ADMIN_TOKEN?: string;

  /** Key that signs supplier invitation tokens. Unset under `npm start`: generated and kept in DATA_DIR. */
  @IsOptional()
  @Transform(emptyToUndefined)
  @IsString()
  @MinLength(32, { message: 'must be at least 32 characters' })
  INVITATION_SECRET?: string;

  /** Port of the embedded PostgreSQL (`npm start` without DATABASE_URL). */
  @Transform(toInt)
  @IsInt({ message: 'must be an integer port number' })
  @Min(1, { message: 'must be between 1 and 65535' })
  @Max(65535, { message: 'must be between 1 and 65535' })
  EMBEDDED_POSTGRES_PORT = 54329;

  /** Ports of the embedded Temporal dev server and its UI (`npm start` without TEMPORAL_ADDRESS). */
  @Transform(toInt)
  @IsInt({ message: 'must be an integer port number' })
  @Min(1, { message: 'must be between 1 and 65535' })
  @Max(65535, { message: 'must be between 1 and 65535' })
  TEMPORAL_DEV_PORT = 7233;

  @Transform(toInt)
  @IsInt({ message: 'must be an integer port number' })
  @Min(1, { message: 'must be between 1 and 65535' })
  @Max(65535, { message: 'must be between 1 and 65535' })
  TEMPORAL_UI_PORT = 8233;

  @IsIn(LOG_LEVELS, { message: `must be one of ${LOG_LEVELS.join(', ')}` })
  LOG_LEVEL: LogLevel = 'log';

  /** After a supplier submits, how long it may still amend the declaration before checks start (0: none). */
  @Transform(toInt)
  @IsInt({ message: 'must be a whole number of seconds' })
  @Min(0)
  @Max(7 * 86_400, { message: 'must be at most 604800 (seven days)' })
  DECLARATION_AMENDMENT_SECONDS = 0;

  /** How the worker sends reminders and escalations: `log` (default) or `smtp` (needs SMTP_URL). */
  @IsIn(NOTIFICATION_TRANSPORTS, { message: `must be one of ${NOTIFICATION_TRANSPORTS.join(', ')}` })
  NOTIFICATION_TRANSPORT: (typeof NOTIFICATION_TRANSPORTS)[number] = 'log';

  /** smtp://user:password@host:587 (STARTTLS when offered) or smtps://host:465; required for smtp. */
  @ValidateIf(
    (config: AppConfig) => config.NOTIFICATION_TRANSPORT === 'smtp' || config.SMTP_URL !== undefined,
  )
  @Transform(emptyToUndefined)
  @Matches(/^smtps?:\/\/[^/\s]+/, {
    message: 'must be an smtp:// or smtps:// URL (needed when NOTIFICATION_TRANSPORT=smtp)',
  })
  SMTP_URL?: string;

  /** Sender address of notification e-mails. */
  @IsString()
  @Matches(/^[^\s@]+@[^\s@]+$/, { message: 'must be an e-mail address' })
  NOTIFICATION_FROM = 'screening@localhost';

  /**
   * Score (0.5-1) a name must reach to be a name-screening hit. The default is the names library's,
   * tuned with `npm run bench:matching-quality`; lower finds more variants and buries reviewers in hits.
   */
  @Transform(toNumber)
  @IsNumber({}, { message: 'must be a number between 0.5 and 1, e.g. 0.8' })
  @Min(0.5, { message: 'must be between 0.5 and 1' })
  @Max(1, { message: 'must be between 0.5 and 1' })
  MATCH_THRESHOLD = DEFAULT_MATCH_THRESHOLD;

  /** Largest file POST /v1/reference-data/imports accepts, in megabytes (uploads stream to a temporary file). */
  @Transform(toInt)
  @IsInt({ message: 'must be a whole number of megabytes' })
  @Min(1)
  REFERENCE_IMPORT_MAX_MB = 2048;

  /**
   * How often every approved screening is re-checked against the newest reference data, as a safety
   * net: each import triggers a re-check anyway. A number and a unit: `30m`, `6h`, `24h`, `7d`.
   */
  @IsString()
  @Validate(IntervalConstraint, [MONITORING_INTERVAL_LIMITS])
  MONITORING_INTERVAL = '24h';

  toJSON(): Record<string, unknown> {
    const visible: Record<string, unknown> = { ...(this as object) };
    for (const name of SENSITIVE_VARIABLES) if (visible[name] !== undefined) visible[name] = '***';
    return visible;
  }
}

export class ConfigValidationError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigValidationError';
  }
}

/** Reads and validates the configuration; throws ConfigValidationError naming each bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const known = Object.keys(new AppConfig());
  const raw: Record<string, unknown> = {};
  for (const name of [
    ...known,
    ...SENSITIVE_VARIABLES,
    'DATABASE_URL',
    'TEMPORAL_ADDRESS',
    'TEMPORAL_CLI_PATH',
    'SMTP_URL',
  ]) {
    if (env[name] !== undefined) raw[name] = env[name];
  }
  const config = plainToInstance(AppConfig, raw, { exposeDefaultValues: true });
  const errors = validateSync(config, { forbidUnknownValues: false });
  if (errors.length > 0) {
    throw new ConfigValidationError(
      errors.map((e) => {
        const shown = (SENSITIVE_VARIABLES as readonly string[]).includes(e.property)
          ? '(hidden)'
          : JSON.stringify(raw[e.property]);
        return `${e.property}=${shown}: ${Object.values(e.constraints ?? {}).join('; ')}`;
      }),
    );
  }
  return config;
}
