/** Enrolment (issue 6): offerings, enrolments, waitlists and invoices. */
export {};
