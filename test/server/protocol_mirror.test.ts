import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import * as serverProtocol from "../../src/server/protocol.js";
import * as webProtocol from "../../web/src/protocol.js";

/** The `export interface Name { … }` blocks of a file, whitespace-normalised. */
function interfaces(path: string): Map<string, string> {
  const text = readFileSync(path, "utf8");
  const out = new Map<string, string>();
  for (const m of text.matchAll(/export interface (\w+)[^{]*\{([\s\S]*?)\n\}/g)) {
    out.set(m[1], m[2].replace(/\s+/g, " ").trim());
  }
  return out;
}

describe("web protocol mirror", () => {
  it("declares the same message and view interfaces as the server", () => {
    const server = interfaces("src/server/protocol.ts");
    const web = interfaces("web/src/protocol.ts");
    expect(server.size).toBeGreaterThanOrEqual(8);
    expect([...web.keys()].sort()).toEqual([...server.keys()].sort());
    for (const [name, body] of server) expect(web.get(name), name).toBe(body);
  });

  it("has the same version and rate", () => {
    expect(webProtocol.PROTOCOL_VERSION).toBe(serverProtocol.PROTOCOL_VERSION);
    expect(webProtocol.MAX_BATCHES_PER_SECOND).toBe(serverProtocol.MAX_BATCHES_PER_SECOND);
  });
});
