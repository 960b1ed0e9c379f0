export { backupDeskDatabase, type BackupResult } from './backup-database';
export { dailyBackupName, DEFAULT_BACKUP_KEEP_DAYS, defaultBackupFolder, localDay, runDailyBackupIfDue, type DailyBackupOptions, type DailyBackupOutcome } from './daily-backup';
export { exportDeskDatabase, type ExportOptions, type ExportResult } from './export-database';
export { BackupError } from './files';
export { restoreDeskDatabase, type RestoreOptions, type RestoreResult } from './restore-database';
