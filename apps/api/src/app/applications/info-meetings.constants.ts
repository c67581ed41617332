/** Moved to the gatherings module (issue 16); this path stays for older imports. */
export * from '../gatherings/info-meetings.constants';
