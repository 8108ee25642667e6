export { openStore, type Store, type StoreOptions, type StorePragmas } from './open-store';
export { StoreError, isStoreError, type StoreErrorCode } from './store-error';
export { migrate, readSchemaVersion, APPLICATION_ID, type MigrateOptions } from './migrate';
export { migrations, LATEST_SCHEMA_VERSION, type Migration } from './migrations';
export { formatTimestamp } from './timestamp';
export { INITIALS_PATTERN, SYSTEM_ACTOR, normalizeInitials } from './operator-initials';
export type { NewAuditEntry, AuditQuery, AuditRecord, AuditRepository } from './repositories/audit';
export type { OperatorRecord, OperatorsRepository } from './repositories/operators';
export type { SettingRecord, SettingsRepository } from './repositories/settings';
