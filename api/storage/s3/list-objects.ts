import { XMLParser } from 'fast-xml-parser';

/** One object as ListObjectsV2 reports it. */
export interface S3Object {
  /** The full object key (prefix included). */
  key: string;
  size: number;
  /** Quoted, as the store sends it. */
  etag: string;
  lastModified: Date;
}

export interface S3ListPage {
  objects: S3Object[];
  /** Ask again with this to get the next page; null on the last one. */
  next: string | null;
}

const parser = new XMLParser({
  // Keys and tokens stay strings ("007" is not 7); only Size is read as a number, below.
  parseTagValue: false,
  isArray: (name) => name === 'Contents',
  processEntities: true,
  // Numeric character references (`&#x27;`) are XML too; this option is what decodes them.
  htmlEntities: true,
});

/**
 * Parses a ListObjectsV2 answer. Keys are entity-decoded (`&amp;` → `&`), and URL-decoded when the
 * store says it encoded them (`EncodingType` url). Entries that are not plain objects with a size and
 * an ETag (folders' zero-byte markers included) are left out.
 */
export function parseListPage(xml: string): S3ListPage {
  const result = parser.parse(xml)?.ListBucketResult;
  if (!result || typeof result !== 'object') {
    throw new Error('[s3] the listing is not a ListBucketResult');
  }
  const urlEncoded = result.EncodingType === 'url';
  const objects: S3Object[] = [];
  for (const entry of (result.Contents ?? []) as Record<string, unknown>[]) {
    const key = text(entry.Key);
    const size = Number(text(entry.Size));
    const etag = text(entry.ETag);
    const lastModified = new Date(text(entry.LastModified));
    if (!key || key.endsWith('/') || !Number.isSafeInteger(size) || size < 0 || !etag) continue;
    if (Number.isNaN(lastModified.getTime())) continue;
    const decoded = urlEncoded ? decodeListedKey(key) : key;
    if (decoded) objects.push({ key: decoded, size, etag, lastModified });
  }
  const truncated = text(result.IsTruncated) === 'true';
  const next = text(result.NextContinuationToken);
  if (truncated && !next) throw new Error('[s3] a truncated listing without a continuation token');
  return { objects, next: truncated ? next : null };
}

/** `encoding-type=url` keys, decoded as the AWS SDKs do (`+` is a space); null if malformed. */
function decodeListedKey(key: string): string | null {
  try {
    return decodeURIComponent(key.replaceAll('+', ' '));
  } catch {
    return null;
  }
}

function text(value: unknown): string {
  return typeof value === 'string' || typeof value === 'number' ? String(value) : '';
}
