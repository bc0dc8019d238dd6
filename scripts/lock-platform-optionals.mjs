#!/usr/bin/env node
/**
 * Adds lock entries for optional, platform-specific binaries that this machine's npm registry
 * does not serve (e.g. @next/swc-darwin-arm64: 404 here), so `npm ci` accepts the lock.
 *
 * Why: `npm install` silently skips an optional dependency it cannot fetch and leaves it out of
 * package-lock.json; `npm ci` then refuses the lock ("Missing: @next/swc-darwin-arm64@ from lock
 * file"). Each entry added carries the package's os/cpu/libc (read from its name: every such
 * package names its platform), so `npm ci` skips it on other platforms without fetching it.
 * Run after `npm install` whenever the lock is regenerated: node scripts/lock-platform-optionals.mjs
 * (`--check` exits 1 when entries are missing; a unit test runs it).
 */
import { readFileSync, writeFileSync } from "node:fs";

const OS = ["darwin", "linux", "win32", "android", "freebsd", "openharmony", "netbsd", "openbsd", "sunos", "aix"];
const CPU = ["arm64", "x64", "ia32", "arm", "loong64", "ppc64", "riscv64", "s390x", "mips64el", "wasm32"];

/** os/cpu/libc from a platform package name, or null when the name does not say. */
export function platformOf(name) {
  const parts = name.split("/").pop().split("-");
  const os = OS.find((o) => parts.includes(o));
  const cpu = CPU.find((c) => parts.includes(c) || parts.some((p) => p === `${c}eabihf` || p === `${c}eabi`));
  if (!os || !cpu) return null;
  const libc = parts.some((p) => p.startsWith("musl")) ? ["musl"] : parts.some((p) => p.startsWith("gnu")) ? ["glibc"] : undefined;
  return { os: [os], cpu: [cpu], ...(libc ? { libc } : {}) };
}

function resolve(packages, from, dep) {
  let base = from;
  for (;;) {
    const candidate = base ? `${base}/node_modules/${dep}` : `node_modules/${dep}`;
    if (candidate in packages) return candidate;
    if (!base) return null;
    const i = base.lastIndexOf("/node_modules/");
    base = i >= 0 ? base.slice(0, i) : "";
  }
}

export function missingOptionals(lock) {
  const packages = lock.packages;
  const out = [];
  for (const [from, info] of Object.entries(packages)) {
    for (const [dep, spec] of Object.entries(info.optionalDependencies ?? {})) {
      if (resolve(packages, from, dep) !== null) continue;
      const platform = platformOf(dep);
      if (!platform) continue;
      const at = from ? `${from}/node_modules/${dep}` : `node_modules/${dep}`;
      out.push({ at, entry: { version: spec, ...(info.dev ? { dev: true } : {}), optional: true, ...platform } });
    }
  }
  return out;
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split("/").pop())) {
  const lock = JSON.parse(readFileSync("package-lock.json", "utf8"));
  const missing = missingOptionals(lock);
  if (process.argv.includes("--check")) {
    if (missing.length) {
      console.error(`package-lock.json lacks ${missing.length} platform-specific optional entries (${missing.map((m) => m.at).join(", ")}): run node scripts/lock-platform-optionals.mjs`);
      process.exit(1);
    }
  } else {
    for (const { at, entry } of missing) lock.packages[at] = entry;
    lock.packages = Object.fromEntries(Object.entries(lock.packages).sort(([a], [b]) => (a === "" ? -1 : b === "" ? 1 : a.localeCompare(b))));
    writeFileSync("package-lock.json", `${JSON.stringify(lock, null, 2)}\n`);
    console.error(`added ${missing.length} entries`);
  }
}
