/** Exit codes every command follows. */
export const EXIT = { ok: 0, failed: 1, invalidConfig: 2 } as const;
