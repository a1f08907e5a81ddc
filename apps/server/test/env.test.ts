import { describe, expect, it } from "vitest";

import { readEnv } from "../src/env";

describe("server environment", () => {
  it("has defaults that run the product with nothing set", () => {
    const env = readEnv({ AUTH_SECRET: "x".repeat(32) });
    expect(env.PORT).toBe(3001);
    expect(env.DATABASE_URL).toBeUndefined();
    expect(env.DATA_DIR).toMatch(/\.data[\\/]pglite$/);
    expect(env.SEED_DEMO_DATA).toBe(true);
  });

  it("treats empty variables as unset", () => {
    expect(readEnv({ REDIS_URL: "", DATABASE_URL: "", AUTH_SECRET: "x".repeat(32) }).REDIS_URL).toBeUndefined();
  });

  it("requires a real auth secret", () => {
    expect(() => readEnv({})).toThrow(/AUTH_SECRET/);
    expect(() => readEnv({ AUTH_SECRET: "short" })).toThrow(/at least 32 characters/);
  });

  it("stops start-up with a clear message on a bad value", () => {
    expect(() => readEnv({ PORT: "eighty", DATABASE_URL: "not a url" })).toThrow(/PORT[\s\S]*DATABASE_URL|DATABASE_URL[\s\S]*PORT/);
  });
});
