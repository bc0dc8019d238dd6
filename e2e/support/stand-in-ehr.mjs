#!/usr/bin/env node
/**
 * A minimal stand-in SMART server for the launch test: it serves only the SMART
 * discovery document, so a test can watch launch.html start the authorization redirect.
 * (The full local EHR lives in sandbox/.) Loopback only.
 */
import { createServer } from "node:http";

const port = Number(process.argv[2] ?? 4199);
const origin = `http://localhost:${port}`;

createServer((req, res) => {
  const url = new URL(req.url ?? "/", origin);
  if (url.pathname === "/fhir/.well-known/smart-configuration") {
    res.writeHead(200, { "content-type": "application/json", "access-control-allow-origin": "*" });
    res.end(JSON.stringify({
      authorization_endpoint: `${origin}/authorize`,
      token_endpoint: `${origin}/token`,
      grant_types_supported: ["authorization_code"],
      code_challenge_methods_supported: ["S256"],
      capabilities: ["launch-ehr", "launch-standalone", "client-public", "context-ehr-patient", "permission-v2"],
    }));
    return;
  }
  if (url.pathname === "/authorize") {
    res.writeHead(200, { "content-type": "text/html" });
    res.end("<!doctype html><title>Stand-in authorize</title><h1>Stand-in authorize endpoint</h1>");
    return;
  }
  if (url.pathname === "/health") {
    res.writeHead(200);
    res.end("ok");
    return;
  }
  res.writeHead(404);
  res.end();
}).listen(port, "127.0.0.1");
