import type { H3Event } from 'h3';

/**
 * What the catalog needs to know about the signed-in listener to answer `favourite` flags,
 * `favourite=true` and the recently/most played sorts. The per-user library (favourites, plays)
 * provides it through `UserViewProvider`; until it is wired in, every listener has the empty view.
 */
export interface UserView {
  readonly favourites: {
    readonly songs: ReadonlySet<string>;
    readonly albums: ReadonlySet<string>;
    readonly artists: ReadonlySet<string>;
  };
  /** By song id. */
  readonly plays: ReadonlyMap<string, { readonly count: number; readonly lastPlayedAt: number }>;
}

export type UserViewProvider = (event: H3Event) => UserView | Promise<UserView>;

export const EMPTY_USER_VIEW: UserView = Object.freeze({
  favourites: Object.freeze({
    songs: new Set<string>(),
    albums: new Set<string>(),
    artists: new Set<string>(),
  }),
  plays: new Map(),
});

export const emptyUserView: UserViewProvider = () => EMPTY_USER_VIEW;
