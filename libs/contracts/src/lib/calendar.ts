/** A person's secret calendar address (iCal, RFC 5545) with all their sessions. */
export interface CalendarFeedDto {
  /** The https (or http on localhost) address to paste into a calendar app. */
  url: string;
  /** The same address as webcal://, which phones open straight in their calendar. */
  webcalUrl: string;
  createdAt: string;
}
