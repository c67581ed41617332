import { writeCalendar } from '../calendar/ical-writer';
import type { GatheringRow } from './gatherings.queries';

export const GATHERING_PRODID = '-//BLUP Akademiet//Moeder//DA';

/**
 * The gathering as an iCalendar file: LOCATION is the address (or the link for an online
 * gathering), the link in URL for those who may have it, STATUS:CANCELLED once cancelled, and
 * the version as SEQUENCE so calendars update the one event.
 */
export function gatheringIcs(
  row: Pick<
    GatheringRow,
    | 'id'
    | 'title'
    | 'description'
    | 'address'
    | 'url'
    | 'starts_at'
    | 'ends_at'
    | 'cancelled_at'
    | 'version'
    | 'created_at'
    | 'updated_at'
  >,
  withLink: boolean,
  now = new Date(),
): string {
  const url = withLink ? row.url : null;
  return writeCalendar({
    name: row.title,
    prodId: GATHERING_PRODID,
    now,
    events: [
      {
        uid: `gathering-${row.id}@blup-akademiet`,
        sequence: row.version,
        cancelled: row.cancelled_at !== null,
        start: row.starts_at,
        end: row.ends_at,
        summary: row.title,
        description: row.description,
        location: row.address ?? url,
        url,
        created: row.created_at,
        lastModified: row.updated_at,
      },
    ],
  });
}
