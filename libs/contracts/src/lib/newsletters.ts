/** Newsletters (issue 5): the shapes the newsletter API and client speak. */
export {};
