export * from './embedded-postgres.js';
export * from './free-port.js';
export * from './temporal-dev-server.js';
