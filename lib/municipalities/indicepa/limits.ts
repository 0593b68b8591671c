// How much of IndicePA's list is read. The whole list, every entity of Italy,
// is read as downloaded, not trimmed to Sicily first: it was 7.4 MB in June
// 2024 (mfortini/carbonEnti's copy) and had 23,757 entities on 10 October 2026
// (ondata/openrndt), so the limits leave it room to grow. Larger than the
// 2 MB every other upload may be (lib/platform/files/limits.ts).

export const MAX_INDICEPA_BYTES = 24 * 1024 * 1024;
export const MAX_INDICEPA_RECORDS = 100_000;
