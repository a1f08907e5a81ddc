import { describe, expect, it } from "vitest";

import { HEAP_GROWING_PERCENT, heapGrowthFlag } from "../src/heap-growth";

describe("the old generation's growing factor", () => {
  it("asks V8 to let the old generation reach four times what survived a full collection", () => {
    expect(HEAP_GROWING_PERCENT).toBe(300);
    expect(heapGrowthFlag(["--import", "tsx"])).toBe("--heap-growing-percent=300");
  });

  it("is left alone when whoever started node chose one", () => {
    expect(heapGrowthFlag(["--heap-growing-percent=50"])).toBeNull();
    expect(heapGrowthFlag(["--heap_growing_percent=50"])).toBeNull();
    expect(heapGrowthFlag(["--heap-growing-percent", "50"])).toBeNull();
    expect(heapGrowthFlag(["--heap-growing-percentage=50"])).toBe("--heap-growing-percent=300");
  });
});
