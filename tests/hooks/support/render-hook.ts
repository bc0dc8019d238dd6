/**
 * A minimal renderHook for React 19 in a DOM environment (happy-dom): renders a probe component that
 * calls the hook inside a fresh SWR cache, and exposes the latest value. No testing-library needed.
 */
import { act, createElement, type ReactNode } from "react";
import { createRoot, type Root } from "react-dom/client";
import { SWRConfig } from "swr";

declare global {
  // React's flag for act() outside a test framework integration.
  var IS_REACT_ACT_ENVIRONMENT: boolean | undefined;
}
globalThis.IS_REACT_ACT_ENVIRONMENT = true;

export interface Rendered<T> {
  current: () => T;
  rerender: () => Promise<void>;
  unmount: () => Promise<void>;
}

export async function renderHook<T>(hook: () => T): Promise<Rendered<T>> {
  let latest: { value: T } | null = null;
  function Probe(): ReactNode {
    latest = { value: hook() };
    return null;
  }
  const tree = (): ReactNode => createElement(SWRConfig, { value: { provider: () => new Map(), dedupingInterval: 0 } }, createElement(Probe));
  const root: Root = createRoot(document.createElement("div"));
  await act(async () => root.render(tree()));
  return {
    current: () => {
      if (latest === null) throw new Error("the hook has not rendered");
      return latest.value;
    },
    rerender: async () => act(async () => root.render(tree())),
    unmount: async () => act(async () => root.unmount()),
  };
}

/** Waits (flushing React updates) until `check` passes or `timeoutMs` elapses. */
export async function waitFor(check: () => void, timeoutMs = 30_000): Promise<void> {
  const started = Date.now();
  for (;;) {
    try {
      check();
      return;
    } catch (e) {
      if (Date.now() - started > timeoutMs) throw e;
    }
    await act(async () => new Promise((resolve) => setTimeout(resolve, 20)));
  }
}
