"use client";
// Its own module, free of react-hook-form: the satisfaction widget on every
// public page needs it, and must not bring a form library along.
import { useSyncExternalStore } from "react";

const subscribeNothing = () => () => {};

/** False on the server and while hydrating, true once React runs in the browser. */
export function useHydrated(): boolean {
  return useSyncExternalStore(
    subscribeNothing,
    () => true,
    () => false,
  );
}
