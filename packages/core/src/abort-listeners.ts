import { abortErrorFrom, type VoicetaskError } from "./errors.js";

/** Told once when the signal it listens to aborts. An object, so a queued call need not carry a closure. */
export interface AbortListener {
  aborted(error: VoicetaskError): void;
}

/** The listeners of each signal we listen to; one real "abort" listener per signal calls them all. */
const listenersOf = new WeakMap<AbortSignal, Set<AbortListener>>();

/**
 * Tells `listener` once when `signal` aborts (until {@link offAbort}). However many calls share one signal, the
 * signal carries ONE listener of ours, so Node never prints MaxListenersExceededWarning, and adding or removing
 * a call is O(1) (EventTarget's own add is linear in its listeners). Every listener gets the same error, made
 * once per abort from the signal's reason, as `fetch` rejects every request of a signal with its one `reason`.
 * The signal must not be aborted yet (callers check `signal.aborted` first).
 */
export function onAbort(signal: AbortSignal, listener: AbortListener): void {
  let listeners = listenersOf.get(signal);
  if (!listeners) {
    const all = new Set<AbortListener>();
    listeners = all;
    listenersOf.set(signal, all);
    signal.addEventListener(
      "abort",
      () => {
        listenersOf.delete(signal);
        const error = abortErrorFrom(signal);
        for (const listener of all) listener.aborted(error);
        all.clear();
      },
      { once: true },
    );
  }
  listeners.add(listener);
}

/** Stops telling `listener` about `signal`. */
export function offAbort(signal: AbortSignal, listener: AbortListener): void {
  listenersOf.get(signal)?.delete(listener);
}
