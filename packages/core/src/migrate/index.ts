export { migrateDocument, migrateText, hasStoragePrefix, STORAGE_TYPES, type MigrateNote, type MigrateNoteKind, type MigrateResult } from './migrate';
