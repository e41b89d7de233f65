import type { AppConfig } from './app-config.js';

/** The production entry points run against configured servers only: refuse to start without them. */
export function requireServers(config: AppConfig, command: string): AppConfig {
  const missing = (['DATABASE_URL', 'TEMPORAL_ADDRESS'] as const).filter((name) => !config[name]);
  if (missing.length > 0) {
    throw new Error(
      `${command} needs ${missing.join(' and ')} (it starts no embedded servers). Set them, or use \`npm start\` for the embedded stack.`,
    );
  }
  return config;
}
