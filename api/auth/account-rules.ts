import { HTTPError } from 'h3';

export const USERNAME_MAX = 64;
export const PASSWORD_MIN = 8;
export const PASSWORD_MAX = 256;

/** Trimmed, NFC; 1–64 characters, no control characters. */
export function checkUsername(raw: unknown): string {
  if (typeof raw !== 'string') throw badRequest('username must be a string');
  const username = raw.normalize('NFC').trim();
  if (username.length === 0 || username.length > USERNAME_MAX) {
    throw badRequest(`username must be 1 to ${USERNAME_MAX} characters`);
  }
  if (/[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/u.test(username)) {
    throw badRequest('username must not contain control characters');
  }
  return username;
}

export function checkPassword(raw: unknown): string {
  if (typeof raw !== 'string') throw badRequest('password must be a string');
  if (raw.length < PASSWORD_MIN || raw.length > PASSWORD_MAX) {
    throw badRequest(`password must be ${PASSWORD_MIN} to ${PASSWORD_MAX} characters`);
  }
  return raw;
}

/** The form two names are compared in: "Ann" and "ann" are one account. */
export function foldUsername(username: string): string {
  return username.normalize('NFKC').trim().toLowerCase();
}

function badRequest(message: string) {
  return HTTPError.status(400, 'Bad Request', { message });
}
