/** Where the audio objects live in an S3-compatible store (path-style URLs: MinIO, Garage, R2, AWS…). */
export interface S3Settings {
  /** `http(s)://host[:port]`, without the bucket. */
  endpoint: string;
  region: string;
  bucket: string;
  /** Keys under this prefix are the library; it ends with `/` unless empty. */
  prefix: string;
  accessKeyId: string;
  secretAccessKey: string;
  /** How long a request may wait for the store's answer, or between two pieces of a body. */
  timeoutMs: number;
}

type Env = Record<string, string | undefined>;

/**
 * Reads the `S3_*` settings. Returns the message naming the first missing or bad setting instead of
 * settings, so that config.ts turns it into its one-line start-up error.
 */
export function readS3Settings(env: Env): S3Settings | string {
  const endpoint = env.S3_ENDPOINT ?? '';
  let url: URL;
  try {
    url = new URL(endpoint);
  } catch {
    return `S3_ENDPOINT=${endpoint} is not a URL (http://host:port of the object store)`;
  }
  if (!['http:', 'https:'].includes(url.protocol) || url.search || url.hash) {
    return `S3_ENDPOINT=${endpoint} must be an http:// or https:// URL without query`;
  }
  const bucket = env.S3_BUCKET ?? '';
  // S3's bucket naming rules: what the path-style URL can carry without escaping.
  if (!/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/.test(bucket)) {
    return `S3_BUCKET=${bucket} is not a bucket name (3–63 of a-z, 0-9, '.', '-')`;
  }
  const region = env.S3_REGION || 'us-east-1';
  if (!/^[a-z0-9-]{1,64}$/.test(region)) return `S3_REGION=${region} is not a region name`;
  const prefix = env.S3_PREFIX ?? '';
  if (prefix.startsWith('/') || prefix.split('/').some((part) => part === '..' || part === '.')) {
    return `S3_PREFIX=${prefix} must be a relative key prefix (no leading '/', '.' or '..')`;
  }
  const accessKeyId = env.S3_ACCESS_KEY_ID ?? '';
  if (!accessKeyId) return 'S3_ACCESS_KEY_ID is missing (needed with STORAGE=s3)';
  const secretAccessKey = env.S3_SECRET_ACCESS_KEY ?? '';
  if (!secretAccessKey) return 'S3_SECRET_ACCESS_KEY is missing (needed with STORAGE=s3)';
  const timeout = env.S3_TIMEOUT ?? '10';
  if (!/^\d+$/.test(timeout) || Number(timeout) < 1 || Number(timeout) > 300) {
    return `S3_TIMEOUT=${timeout} is not a whole number of seconds from 1 to 300`;
  }
  return {
    endpoint: url.origin + url.pathname.replace(/\/+$/, ''),
    region,
    bucket,
    prefix: prefix && !prefix.endsWith('/') ? `${prefix}/` : prefix,
    accessKeyId,
    secretAccessKey,
    timeoutMs: Number(timeout) * 1000,
  };
}
