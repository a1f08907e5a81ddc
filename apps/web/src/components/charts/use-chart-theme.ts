"use client";

import { useSyncExternalStore } from "react";

/** The app's colours as the canvas needs them: concrete values, resolved for the current theme. */
export interface ChartTheme {
  series: string[];
  text: string;
  grid: string;
  /** The page's own typeface, so that axis labels match the text around the chart. */
  fontFamily: string;
}

// Tailwind text classes whose computed colour Chart.js can paint with (a canvas reads no CSS variables).
const SERIES_CLASSES = ["text-brand", "text-success", "text-warning", "text-danger", "text-fg-muted"];

const darkScheme = () => window.matchMedia("(prefers-color-scheme: dark)");

function subscribe(onChange: () => void) {
  const query = darkScheme();
  query.addEventListener("change", onChange);
  return () => query.removeEventListener("change", onChange);
}

let cached: { dark: boolean; theme: ChartTheme } | undefined;

function colourOf(className: string): string {
  const probe = document.createElement("span");
  probe.className = className;
  probe.hidden = true;
  document.body.append(probe);
  const colour = getComputedStyle(probe).color;
  probe.remove();
  return colour;
}

function readTheme(): ChartTheme | null {
  const dark = darkScheme().matches;
  if (cached?.dark !== dark) {
    cached = {
      dark,
      theme: {
        series: SERIES_CLASSES.map(colourOf),
        text: colourOf("text-fg-muted"),
        grid: colourOf("text-border"),
        fontFamily: getComputedStyle(document.body).fontFamily,
      },
    };
  }
  return cached.theme;
}

/** Null on the server, where there is no theme to read; charts render only in the browser. */
export function useChartTheme(): ChartTheme | null {
  return useSyncExternalStore(subscribe, readTheme, () => null);
}
