import SwaggerParser from "@apidevtools/swagger-parser";
import { describe, expect, inject, it } from "vitest";

const serverUrl = inject("serverUrl");

describe("/openapi.json", () => {
  it("is a valid OpenAPI 3 document", async () => {
    const response = await fetch(`${serverUrl}/openapi.json`);
    expect(response.status).toBe(200);
    const document = (await response.json()) as { openapi: string; paths: Record<string, unknown>; servers: Array<{ url: string }> };

    expect(document.openapi).toMatch(/^3\./);
    // The validator resolves references in place, so it gets a copy.
    await expect(SwaggerParser.validate(structuredClone(document) as never)).resolves.toBeTruthy();

    expect(Object.keys(document.paths)).toContain("/system/status");
    expect(document.servers[0]!.url).toBe(`${serverUrl}/api/v1`);
  });
});
