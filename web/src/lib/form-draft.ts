import { useCallback, useEffect, useRef, useState } from 'react';

/**
 * A form in progress outlives an expired session (issue 17 point 4): its values are kept in this tab's
 * sessionStorage, per user and per form, on every change, restored when the same user opens the same form again
 * (after logging in anew), and removed when the form is saved or given up. sessionStorage, not localStorage: a
 * draft may hold contract terms, so it stays in the tab that made it and is gone when the tab is closed; signing
 * out on purpose removes every draft of the tab (`clearDrafts`, lib/auth.ts).
 */
export const DRAFT_PREFIX = 'regie.draft.';

/** A draft older than this is not offered again (the refresh token, and so a working day's session, lasts a day). */
export const DRAFT_MAX_AGE_MS = 24 * 60 * 60 * 1000;

interface Stored<T> {
  savedAt: number;
  values: T;
}

/** The storage key of one user's draft of one form; the user is `space/key`, so two users never share one. */
export const draftKey = (user: string, form: string) => `${DRAFT_PREFIX}${user}.${form}`;

export function readDraft<T>(storage: Storage, key: string, now = Date.now()): T | null {
  try {
    const raw = storage.getItem(key);
    if (!raw) return null;
    const stored = JSON.parse(raw) as Partial<Stored<T>> | null;
    if (
      typeof stored?.savedAt !== 'number' ||
      stored.values === undefined ||
      now - stored.savedAt > DRAFT_MAX_AGE_MS
    ) {
      storage.removeItem(key);
      return null;
    }
    return stored.values;
  } catch {
    return null; // storage blocked, or not JSON: no draft
  }
}

export function writeDraft<T>(storage: Storage, key: string, values: T, now = Date.now()): void {
  try {
    storage.setItem(key, JSON.stringify({ savedAt: now, values } satisfies Stored<T>));
  } catch {
    // storage full or blocked: the form still works, only without a safety net
  }
}

export function removeDraft(storage: Storage, key: string): void {
  try {
    storage.removeItem(key);
  } catch {
    // nothing stored
  }
}

/** Every draft of this tab, for a deliberate sign-out. */
export function clearDrafts(storage: Storage): void {
  try {
    const keys = Array.from({ length: storage.length }, (_, i) => storage.key(i));
    for (const key of keys) if (key?.startsWith(DRAFT_PREFIX)) storage.removeItem(key);
  } catch {
    // nothing stored
  }
}

export interface FormDraftOptions<T> {
  /** Whose draft: `space/userKey` from `me.get`. Until it is known nothing is kept or restored. */
  user: string | undefined;
  /** Which form, e.g. `agreement.new`, or `agreement.edit.<id>.<version>` so a draft never lands on newer data. */
  form: string;
  /** Calls the listener with the form's values on every change; returns the unsubscribe. */
  subscribe: (listener: (values: T) => void) => () => void;
  /** Puts restored values into the form. */
  restore: (values: T) => void;
  storage?: Storage;
}

export interface FormDraft {
  /** Values of an earlier session were put back into the form (show a notice). */
  restored: boolean;
  /** The form was saved or given up: forget the draft. */
  clear(): void;
}

/**
 * The work of the hook's effect, apart so the unit tier (no DOM) runs it: restores a kept draft, then keeps every
 * change. Returns whether it restored, and the stop that unsubscribes.
 */
export function startDraft<T>(
  store: Storage,
  key: string,
  form: Pick<FormDraftOptions<T>, 'subscribe' | 'restore'>,
): { restored: boolean; stop: () => void } {
  const draft = readDraft<T>(store, key);
  if (draft !== null) form.restore(draft);
  const stop = form.subscribe((values) => writeDraft(store, key, values));
  return { restored: draft !== null, stop };
}

/** Keeps the form's values per user and form until `clear`, and restores them once when the form opens. */
export function useFormDraft<T>({ user, form, subscribe, restore, storage }: FormDraftOptions<T>): FormDraft {
  const [restored, setRestored] = useState(false);
  const key = user ? draftKey(user, form) : null;
  // The callbacks may be new on every render; the effect runs per key.
  const latest = useRef({ subscribe, restore });
  latest.current = { subscribe, restore };
  useEffect(() => {
    const store = storage ?? globalThis.sessionStorage;
    if (!key || !store) return;
    const started = startDraft<T>(store, key, {
      subscribe: (listener) => latest.current.subscribe(listener),
      restore: (values) => latest.current.restore(values),
    });
    setRestored(started.restored);
    return started.stop;
  }, [key, storage]);
  const clear = useCallback(() => {
    const store = storage ?? globalThis.sessionStorage;
    if (key && store) removeDraft(store, key);
    setRestored(false);
  }, [key, storage]);
  return { restored, clear };
}
