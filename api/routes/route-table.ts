import { type EventHandler, type H3, HTTPError } from 'h3';

type Method = 'GET' | 'HEAD' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface RouteTable {
  /** Registers GET and, with the same handler unless `head` is given, HEAD. */
  get(path: string, handler: EventHandler, head?: EventHandler): void;
  post(path: string, handler: EventHandler): void;
  put(path: string, handler: EventHandler): void;
  patch(path: string, handler: EventHandler): void;
  delete(path: string, handler: EventHandler): void;
  /** Once every route is in: a known path asked with a method it lacks gets 405 with `Allow`. */
  seal(): void;
}

/**
 * The API's routes, registered on the h3 app through one table that remembers each path's
 * methods. h3 sends a HEAD to a catch-all rather than to the GET route of the same path, and a
 * known path asked with another method would fall through to the 404 catch-all; the table gives
 * every GET route its HEAD and every known path a 405 that lists what it allows.
 */
export function createRouteTable(app: H3): RouteTable {
  const methods = new Map<string, Set<Method>>();
  const add = (method: Method, path: string, handler: EventHandler) => {
    app.on(method, path, handler);
    const known = methods.get(path) ?? new Set<Method>();
    known.add(method);
    methods.set(path, known);
  };
  return {
    get(path, handler, head = handler) {
      add('GET', path, handler);
      add('HEAD', path, head);
    },
    post: (path, handler) => add('POST', path, handler),
    put: (path, handler) => add('PUT', path, handler),
    patch: (path, handler) => add('PATCH', path, handler),
    delete: (path, handler) => add('DELETE', path, handler),
    seal() {
      for (const [path, known] of methods) {
        const allow = [...known].join(', ');
        app.all(path, () => {
          throw HTTPError.status(405, 'Method Not Allowed', {
            message: `use ${allow}`,
            headers: { allow },
          });
        });
      }
    },
  };
}
