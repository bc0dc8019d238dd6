/**
 * HTTP methods the app answers. Anything else (TRACE, TRACK, PROPFIND, made-up verbs) gets a
 * plain 405 with `Allow` before Next.js sees it: Next 16 builds a WHATWG `Request` for its
 * proxy, undici refuses TRACE ("'TRACE' HTTP method is unsupported"), and the framework
 * logged that TypeError with its stack for every such request (issue 19.8). The app itself
 * only ever serves GET/HEAD (pages, routes, assets) and POST (nothing today; kept for Next's
 * own use), plus OPTIONS.
 */
import { IncomingMessage, ServerResponse, type Server } from "node:http";

export const ALLOWED_METHODS = ["GET", "HEAD", "POST", "OPTIONS"] as const;

export function isAllowedMethod(method: string | undefined): boolean {
  return ALLOWED_METHODS.some((m) => m === method);
}

/** Answer a request with a method the app does not serve: 405, `Allow`, no body, nothing logged. */
export function refuseMethod(res: ServerResponse): void {
  res.writeHead(405, { allow: ALLOWED_METHODS.join(", "), "content-length": "0", "cache-control": "no-store" });
  res.end();
}

type Emit = Server["emit"];

/**
 * Refuse other methods on every node:http server of this process, before its `request`
 * listeners run (Next's server is created by `next start`, so the guard wraps the prototype's
 * `emit`, once). Called from instrumentation.ts at start-up.
 */
export function installMethodGuard(serverPrototype: { emit: Emit }): void {
  const marker = Symbol.for("opioid-taper-planner.method-guard");
  const target: { emit: Emit; [marker]?: true } = serverPrototype;
  if (target[marker]) return;
  const original = target.emit;
  target.emit = function guardedEmit(this: Server, event: string | symbol, ...args: unknown[]): boolean {
    const [req, res] = args;
    if (event === "request" && req instanceof IncomingMessage && res instanceof ServerResponse && !isAllowedMethod(req.method)) {
      refuseMethod(res);
      return true;
    }
    return Boolean(Reflect.apply(original, this, [event, ...args]));
  };
  target[marker] = true;
}
