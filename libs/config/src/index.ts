export * from './app-config.js';
export * from './config.module.js';
export * from './require-servers.js';
export * from './interval.js';
