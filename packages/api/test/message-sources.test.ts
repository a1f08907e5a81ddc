import { describe, expect, it } from "vitest";

import { messageSources } from "../src/services/reports/message-quarters";

const at = (text: string) => new Date(text);
const window = (start: string, end: string) => ({ start: at(start), end: at(end) });

describe("which part of a period the message tallies answer", () => {
  const period = window("2026-03-01T23:00:00Z", "2026-03-04T23:00:00Z");

  it("reads every message before the first tally run, and for an agent", () => {
    expect(messageSources(period, {}, null)).toEqual({ tallied: null, read: [period] });
    expect(messageSources(period, { agentId: "a" }, at("2026-03-10T00:00:00Z"))).toEqual({ tallied: null, read: [period] });
  });

  it("takes the tallied whole quarter hours, and reads from the mark on", () => {
    expect(messageSources(period, { teamId: "t" }, at("2026-03-03T10:15:00Z"))).toEqual({
      tallied: window("2026-03-01T23:00:00Z", "2026-03-03T10:15:00Z"),
      read: [window("2026-03-03T10:15:00Z", "2026-03-04T23:00:00Z")],
    });
    expect(messageSources(period, {}, at("2026-03-10T00:00:00Z"))).toEqual({ tallied: period, read: [] });
  });

  it("reads the parts of quarter hours at the period's edges", () => {
    const ragged = window("2026-03-02T08:05:00Z", "2026-03-03T00:10:00Z");
    expect(messageSources(ragged, {}, at("2026-03-10T00:00:00Z"))).toEqual({
      tallied: window("2026-03-02T08:15:00Z", "2026-03-03T00:00:00Z"),
      read: [window("2026-03-02T08:05:00Z", "2026-03-02T08:15:00Z"), window("2026-03-03T00:00:00Z", "2026-03-03T00:10:00Z")],
    });
  });

  it("reads a period with no whole tallied quarter hour", () => {
    const short = window("2026-03-02T08:05:00Z", "2026-03-02T08:25:00Z");
    expect(messageSources(short, {}, at("2026-03-10T00:00:00Z"))).toEqual({ tallied: null, read: [short] });
    expect(messageSources(period, {}, at("2026-03-01T23:00:00Z"))).toEqual({ tallied: null, read: [period] });
  });
});
