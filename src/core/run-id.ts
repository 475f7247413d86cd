/** What a run id may look like: 1–100 letters, digits, dots, dashes or underscores, starting with a letter or digit. */
export const RUN_ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/;
