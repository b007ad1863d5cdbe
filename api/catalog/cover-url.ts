/** A cover's version: its file's ETag, shortened. It changes whenever the file's bytes do. */
export function coverVersionOf(etag: string): string {
  return etag.replaceAll('"', '').slice(0, 12);
}

/** Versioned by the file's ETag, so browsers may keep a cover for good (see routes/covers.ts). */
export function coverUrlOf(id: string, etag: string): string {
  return `/api/songs/${id}/cover?v=${coverVersionOf(etag)}`;
}
