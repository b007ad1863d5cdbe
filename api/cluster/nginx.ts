import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { type Child, startChild } from './child.ts';

const TEMPLATE = new URL('./nginx/tapedeck.conf.template', import.meta.url);

export interface NginxOptions {
  port: number;
  /** host:port of each instance. */
  upstreams: string[];
  /** Holds the configuration, the cache, temp files, logs and pid. */
  dir: string;
  cacheSize?: string;
}

/** The shipped template with its `${TAPEDECK_*}` placeholders filled in. */
export async function renderNginxTemplate(values: Record<string, string>): Promise<string> {
  const template = await readFile(TEMPLATE, 'utf8');
  return template.replace(/\$\{(TAPEDECK_[A-Z_]+)\}/g, (_, name: string) => {
    const value = values[name];
    if (value === undefined) throw new Error(`nginx template: no value for ${name}`);
    return value;
  });
}

/**
 * nginx for a loopback cluster: the template inside a minimal main context, everything (cache,
 * temp files, logs, pid) under `dir`, in the foreground so its pid is the master's.
 */
export async function startNginx(options: NginxOptions): Promise<Child> {
  const { dir, port } = options;
  await mkdir(join(dir, 'cache'), { recursive: true });
  const site = await renderNginxTemplate({
    TAPEDECK_LISTEN: `127.0.0.1:${port}`,
    TAPEDECK_UPSTREAMS: options.upstreams
      .map((address) => `server ${address} max_fails=1 fail_timeout=5s;`)
      .join('\n    '),
    TAPEDECK_CACHE_DIR: join(dir, 'cache'),
    TAPEDECK_CACHE_SIZE: options.cacheSize ?? '1g',
  });
  await writeFile(join(dir, 'tapedeck.conf'), site);
  await writeFile(join(dir, 'nginx.conf'), mainContext(dir));
  const args = ['-p', dir, '-c', join(dir, 'nginx.conf'), '-e', join(dir, 'error.log')];
  return startChild('nginx', '/usr/sbin/nginx', args, {
    debianPackage: 'nginx',
    ready: async () => {
      const response = await fetch(`http://127.0.0.1:${port}/_tapedeck/ready`);
      await response.arrayBuffer();
      return response.status > 0;
    },
  });
}

function mainContext(dir: string): string {
  // As root, workers would switch to `nobody`, who cannot write the cache under `dir`.
  const user = process.getuid?.() === 0 ? 'user root root;\n' : '';
  return `${user}daemon off;
worker_processes 1;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log warn;
events { worker_connections 4096; }
http {
  default_type application/octet-stream;
  access_log ${dir}/access.log;
  sendfile on;
  keepalive_timeout 60s;
  client_body_temp_path ${dir}/body;
  proxy_temp_path ${dir}/proxy;
  fastcgi_temp_path ${dir}/fastcgi;
  uwsgi_temp_path ${dir}/uwsgi;
  scgi_temp_path ${dir}/scgi;
  include ${dir}/tapedeck.conf;
}
`;
}
