/** Citizen panel (issue 5): a village mailing list for people without accounts. */
export {};
