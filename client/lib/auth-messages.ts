import { AuthError, retryText } from './auth-api.ts';

/** The message for a failed sign-in, setup or password change. */
export function describeAuthError(error: unknown, wrong: string): string {
  if (!(error instanceof AuthError)) return 'Something went wrong. Try again.';
  if (error.status === 0) return 'Can’t reach the Tapedeck server. Check your connection.';
  if (error.status === 429) return `Too many attempts. ${retryText(error.body.retryAfter)}`;
  if (error.status === 401) return wrong;
  if (error.status === 403 && error.body.reason === 'account-removed') {
    return 'This account is disabled. Ask your admin.';
  }
  if (error.status === 403 && wrong.startsWith('The current')) return wrong;
  return capitalize(error.message);
}

function capitalize(text: string): string {
  const sentence = text.charAt(0).toUpperCase() + text.slice(1);
  return /[.!?]$/.test(sentence) ? sentence : `${sentence}.`;
}
