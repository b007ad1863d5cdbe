import S3rver from 's3rver';

/**
 * s3rver, an S3-compatible server in Node, for the cluster and the tests. It does not check
 * signatures and answers suffix ranges wrongly (STACK-NOTES): the S3 store sends bounded ranges only.
 */
export async function startS3Server(options: {
  port: number;
  directory: string;
  buckets: string[];
}): Promise<S3rver> {
  const server = new S3rver({
    address: '127.0.0.1',
    port: options.port,
    silent: true,
    directory: options.directory,
    configureBuckets: options.buckets.map((name) => ({ name })),
  });
  await server.run();
  return server;
}
