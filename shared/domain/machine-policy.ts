import { z } from 'zod';
import { DeskCodeSchema } from './desk';
import { ShiftScheduleSchema } from './shift';

/**
 * The machine policy: one JSON file IT deploys to every desk (docs/it-deployment.md). Every key is
 * optional; a key that is present wins over anything a person sets on the desk. Unknown keys are
 * refused, so a misspelt setting is reported instead of silently doing nothing.
 */

export const POLICY_SCHEMA_VERSION = 1;

const HttpUrlSchema = z
  .url({ protocol: /^https?$/, message: 'must be an http:// or https:// address, like https://sync.example.city' })
  .max(500, 'must be at most 500 characters');

/** A version like 1.4.2 (or 1.5.0-beta.1), as electron-builder stamps its releases. */
export const AppVersionSchema = z.string().regex(/^\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?$/, 'must be a version like 1.4.2');

export const UpdateChannelSchema = z.enum(['latest', 'beta'], { message: "must be 'latest' or 'beta'" });

export const MachinePolicySchema = z
  .object({
    /** Editors' JSON-schema hint; ignored. */
    $schema: z.string().optional(),
    policyVersion: z.literal(POLICY_SCHEMA_VERSION, { message: `must be ${POLICY_SCHEMA_VERSION}` }),
    server: z
      .object({
        url: HttpUrlSchema,
        tenant: z.string().trim().min(1, 'must not be empty').max(64, 'must be at most 64 characters'),
      })
      .strict()
      .optional(),
    deskCode: DeskCodeSchema.optional(),
    updates: z
      .object({
        /** false: this desk never checks for updates (IT installs each version itself). */
        enabled: z.boolean().default(true),
        /** Where the release files (latest.yml, latest-mac.yml, latest-linux.yml) are served. */
        feedUrl: HttpUrlSchema.optional(),
        channel: UpdateChannelSchema.default('latest'),
        /** Install exactly this version and no other, newer or older. */
        pinVersion: AppVersionSchema.optional(),
        /** How often to look for an update, in hours. */
        checkEveryHours: z.number().int().min(1, 'must be at least 1').max(168, 'must be at most 168 (a week)').default(4),
      })
      .strict()
      .refine((u) => !u.enabled || u.feedUrl !== undefined, { message: 'is required while updates are enabled (or set enabled: false)', path: ['feedUrl'] })
      .optional(),
    shiftSchedule: ShiftScheduleSchema.optional(),
    /** Minutes without a key press or a click before the console locks; 0 turns the lock off. */
    idleLockMinutes: z.number().int().min(0, 'must be 0 (off) or more').max(240, 'must be at most 240').optional(),
    retention: z
      .object({
        /** Resolved, closed or cancelled cases, already on the server and unchanged this many days, leave the desk. */
        syncedCaseDays: z.number().int().min(30, 'must be at least 30').max(3650, 'must be at most 3650 (ten years)'),
      })
      .strict()
      .optional(),
    backup: z
      .object({
        /** Daily backups are kept this many days. */
        keepDays: z.number().int().min(1, 'must be at least 1').max(365, 'must be at most 365').default(14),
        /** An absolute folder for the backups (a local disk or a UNC share); the desk's data folder's backups/ by default. */
        folder: z
          .string()
          .regex(/^(\/|[A-Za-z]:[\\/]|\\\\)/, 'must be an absolute folder, like D:\\CivicDeskBackups, \\\\server\\share\\civicdesk or /var/backups/civicdesk')
          .optional(),
      })
      .strict()
      .optional(),
    encryption: z
      .object({
        /** IT's recovery public key (PEM, RSA): each desk's database key is also sealed to it. */
        recoveryPublicKey: z.string().includes('BEGIN PUBLIC KEY', { message: 'must be a PEM public key (-----BEGIN PUBLIC KEY-----)' }).optional(),
      })
      .strict()
      .optional(),
  })
  .strict();

export type MachinePolicy = z.output<typeof MachinePolicySchema>;

/** One thing wrong with a policy file, named by where it is: `updates.channel: must be 'latest' or 'beta'`. */
export function describePolicyIssues(error: z.ZodError): string[] {
  return error.issues.map((issue) => {
    const where = issue.path.length > 0 ? issue.path.map(String).join('.') : 'the file';
    if (issue.code === 'unrecognized_keys') return `${where}: unknown setting${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `'${k}'`).join(', ')}`;
    return `${where}: ${issue.message}`;
  });
}
