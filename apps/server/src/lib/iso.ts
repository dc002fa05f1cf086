// A moment as the contracts carry it (ISO 8601, UTC), or null where the row has none.
export const iso = (d: Date | null | undefined): string | null => d?.toISOString() ?? null;
