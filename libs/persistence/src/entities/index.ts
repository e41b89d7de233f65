import * as entityClasses from './entity-classes.js';

export * from './entity-classes.js';
export type { BatchSupplier } from './screening-batch-item.entity.js';
export type { MonitoringAlertChanges } from './monitoring-alert.entity.js';

/** Every entity TypeORM maps: exactly the classes entity-classes.ts exports. */
export const ENTITIES = Object.values(entityClasses);
