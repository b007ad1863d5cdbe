/** nginx.conf for the nginx peer: one process, sendfile, the file at every /songs/listen/<id>. */
export function formatNginxConf(tmpDir: string, port: number, filePath: string): string {
  return `daemon off;
master_process off;
worker_processes 1;
pid ${tmpDir}/nginx.pid;
error_log ${tmpDir}/error.log warn;
events { worker_connections 4096; }
http {
  types { audio/wav wav; }
  default_type application/octet-stream;
  access_log off;
  sendfile on;
  tcp_nopush on;
  keepalive_requests 1000000;
  keepalive_timeout 60s;
  client_body_temp_path ${tmpDir}/body;
  proxy_temp_path ${tmpDir}/proxy;
  fastcgi_temp_path ${tmpDir}/fastcgi;
  uwsgi_temp_path ${tmpDir}/uwsgi;
  scgi_temp_path ${tmpDir}/scgi;
  server {
    listen 127.0.0.1:${port};
    # A regex location with an alias and no capture maps every matching URI to the file itself.
    location ~ ^/songs/listen/[^/]+$ {
      default_type audio/wav;
      alias ${filePath};
    }
  }
}
`;
}
