import { useSyncExternalStore } from 'react';
import { clearDrafts } from './form-draft';

/**
 * The session token lives in sessionStorage: it survives a reload but not a closed tab, and is never shared
 * between tabs. Everything else about the user comes from the API (`me.get`), never from the token itself.
 */
const TOKEN_KEY = 'regie.token';
const NOTICE_KEY = 'regie.logoutNotice';

/** Why the user was logged out, shown once on the login page. */
export type LogoutReason = 'expired' | 'manual';

const listeners = new Set<() => void>();

function readToken(): string | null {
  try {
    return sessionStorage.getItem(TOKEN_KEY);
  } catch {
    return null; // storage blocked (privacy settings): behave as logged out
  }
}

let token: string | null = readToken();

function emit(): void {
  for (const listener of listeners) listener();
}

export function getToken(): string | null {
  return token;
}

export function login(newToken: string): void {
  token = newToken;
  try {
    sessionStorage.setItem(TOKEN_KEY, newToken);
    sessionStorage.removeItem(NOTICE_KEY);
  } catch {
    // keep the token in memory only
  }
  emit();
}

/**
 * The same session with a renewed token (the refresh token's work, `lib/oidc.ts`): stored, but nobody is told —
 * the user is the same, so nothing cached for them is dropped and no form on screen is reset.
 */
export function renew(newToken: string): void {
  if (token === null || token === newToken) return;
  token = newToken;
  try {
    sessionStorage.setItem(TOKEN_KEY, newToken);
  } catch {
    // keep the token in memory only
  }
}

/**
 * Ends the session in this tab. With `leaving`, the page is about to navigate away (to Cognito's logout), so the
 * app is not told: it would route to the login page first and the navigation would race it.
 */
export function logout(reason: LogoutReason = 'manual', leaving = false): void {
  if (token === null) return;
  token = null;
  try {
    sessionStorage.removeItem(TOKEN_KEY);
    sessionStorage.setItem(NOTICE_KEY, reason);
    // Signing out on purpose gives up unsaved forms; an expired session keeps them for the next login.
    if (reason === 'manual') clearDrafts(sessionStorage);
  } catch {
    // nothing stored to clear
  }
  if (!leaving) emit();
}

/** Why the last session ended, for a notice on the login page; cleared by the next login. */
export function getLogoutReason(): LogoutReason | null {
  try {
    const reason = sessionStorage.getItem(NOTICE_KEY);
    return reason === 'expired' || reason === 'manual' ? reason : null;
  } catch {
    return null;
  }
}

export function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The current token; components re-render on login and logout. */
export function useToken(): string | null {
  return useSyncExternalStore(subscribe, getToken, getToken);
}
