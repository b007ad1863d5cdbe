/** What `npm run cluster` writes to CLUSTER_STATE (DESIGN.md): where each part listens. */
export interface ClusterState {
  url: string;
  instances: { pid: number; port: number }[];
  nginx: { pid: number; port: number };
  redis: { pid: number; port: number };
  s3: { pid: number; port: number };
}
