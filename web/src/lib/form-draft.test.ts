import { describe, expect, it } from 'vitest';
import {
  clearDrafts,
  DRAFT_MAX_AGE_MS,
  draftKey,
  readDraft,
  removeDraft,
  startDraft,
  writeDraft,
} from './form-draft';

/** A Storage as the browser has it. */
function memoryStorage(): Storage & { map: Map<string, string> } {
  const map = new Map<string, string>();
  return {
    map,
    get length() {
      return map.size;
    },
    key: (i) => [...map.keys()][i] ?? null,
    getItem: (k) => map.get(k) ?? null,
    setItem: (k, v) => void map.set(k, String(v)),
    removeItem: (k) => void map.delete(k),
    clear: () => map.clear(),
  };
}

/** A form: its listeners, the values put back into it. */
function fakeForm<T>() {
  const listeners = new Set<(values: T) => void>();
  const restored: T[] = [];
  return {
    restored,
    change: (values: T) => {
      for (const listener of listeners) listener(values);
    },
    subscribe: (listener: (values: T) => void) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    restore: (values: T) => void restored.push(values),
    listening: () => listeners.size,
  };
}

const inge = 'GM0233/ermelo.inkoper';
const carla = 'GM0233/ermelo.contractmanager';

describe('form drafts', () => {
  it('keeps every change, and restores it when the same user opens the same form again', () => {
    const store = memoryStorage();
    const key = draftKey(inge, 'agreement.new');
    const first = fakeForm<{ title: string }>();
    const session1 = startDraft(store, key, first);
    expect(session1.restored).toBe(false);
    first.change({ title: 'Jeugdhulp' });
    first.change({ title: 'Jeugdhulp 2027' });
    session1.stop(); // the session expired: the page is gone
    expect(first.listening()).toBe(0);

    const again = fakeForm<{ title: string }>();
    const session2 = startDraft(store, key, again);
    expect(session2.restored).toBe(true);
    expect(again.restored).toEqual([{ title: 'Jeugdhulp 2027' }]);
  });

  it('keeps drafts per user and per form', () => {
    const store = memoryStorage();
    const form = fakeForm<{ title: string }>();
    startDraft(store, draftKey(inge, 'agreement.new'), form);
    form.change({ title: 'van Inge' });
    const other = fakeForm<{ title: string }>();
    expect(startDraft(store, draftKey(carla, 'agreement.new'), other).restored).toBe(false);
    expect(startDraft(store, draftKey(inge, 'agreement.edit.a1.3'), other).restored).toBe(false);
    expect(other.restored).toEqual([]);
    expect(draftKey(inge, 'x')).not.toBe(draftKey(carla, 'x'));
  });

  it('forgets a draft once saved or given up, and all of them on signing out', () => {
    const store = memoryStorage();
    const key = draftKey(inge, 'agreement.new');
    writeDraft(store, key, { title: 'a' });
    writeDraft(store, draftKey(carla, 'agreement.new'), { title: 'b' });
    store.setItem('regie.token', 'keep me');
    removeDraft(store, key);
    expect(readDraft(store, key)).toBeNull();
    clearDrafts(store);
    expect([...store.map.keys()]).toEqual(['regie.token']);
  });

  it('drops a draft older than a day, or one that is not its own shape', () => {
    const store = memoryStorage();
    const key = draftKey(inge, 'agreement.new');
    writeDraft(store, key, { title: 'old' }, 1_000);
    expect(readDraft(store, key, 1_000 + DRAFT_MAX_AGE_MS)).toEqual({ title: 'old' });
    expect(readDraft(store, key, 1_001 + DRAFT_MAX_AGE_MS)).toBeNull();
    expect(store.map.has(key)).toBe(false);
    store.setItem(key, 'not json');
    expect(readDraft(store, key)).toBeNull();
    store.setItem(key, JSON.stringify({ values: { title: 'no time' } }));
    expect(readDraft(store, key)).toBeNull();
  });

  it('never fails the form when storage refuses', () => {
    const full = {
      ...memoryStorage(),
      setItem: () => {
        throw new Error('QuotaExceededError');
      },
    } as Storage;
    expect(() => writeDraft(full, 'k', { a: 1 })).not.toThrow();
  });
});
