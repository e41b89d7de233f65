import { DefaultLogger, Runtime, makeTelemetryFilterString, type LogLevel } from '@temporalio/worker';
import type { LogLevel as AppLogLevel } from '../../config/src/index.js';

const SDK_LEVEL: Record<AppLogLevel, LogLevel> = {
  error: 'ERROR',
  warn: 'WARN',
  log: 'INFO',
  debug: 'DEBUG',
  verbose: 'TRACE',
};

/**
 * Sets the Temporal SDK's log level from LOG_LEVEL. Must run before the first worker or native
 * connection is created. `quiet` lowers routine start-up chatter (bundling, state changes) to warnings.
 */
export function installTemporalRuntimeLogging(level: AppLogLevel, options: { quiet?: boolean } = {}): void {
  const sdkLevel = options.quiet && (level === 'log' || level === 'warn') ? 'WARN' : SDK_LEVEL[level];
  Runtime.install({
    logger: new DefaultLogger(sdkLevel),
    telemetryOptions: { logging: { filter: makeTelemetryFilterString({ core: sdkLevel }) } },
  });
}
