import type { NextConfig } from "next";
import { PHASE_PRODUCTION_BUILD } from "next/constants";

import { readWebEnv } from "./src/read-env";

export default function createNextConfig(phase: string): NextConfig {
  // A wrong environment stops `next start` and `next dev` with a clear message before the
  // first request. The build checks it too, without the secrets only a running app needs.
  readWebEnv({ building: phase === PHASE_PRODUCTION_BUILD });

  return {
    reactStrictMode: true,
    typedRoutes: true,
    // Internal packages are consumed as TypeScript source and compiled with the app.
    transpilePackages: ["@parley/api", "@parley/ui"],
    experimental: {
      // forbidden() and forbidden.tsx: a signed-in person in an area their role does not
      // open gets a real 403 page rather than a redirect that hides why.
      authInterrupts: true,
    },
  };
}
