/** Enrolment (issue 6): applications for a full process, and info meetings. */
export {};
