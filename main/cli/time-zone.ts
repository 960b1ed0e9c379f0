import { TimeZoneSchema } from '../../shared/domain/reports';
import { CliError } from './cli-error';

/** The centre's zone: CIVICDESK_TIME_ZONE, else the desk's default (America/Edmonton), as the console uses. */
export function centreTimeZone(): string {
  const zone = process.env.CIVICDESK_TIME_ZONE ?? 'America/Edmonton';
  if (!TimeZoneSchema.safeParse(zone).success) throw new CliError(`CIVICDESK_TIME_ZONE must be an IANA time zone such as America/Edmonton (got '${zone}')`, 2);
  return zone;
}
