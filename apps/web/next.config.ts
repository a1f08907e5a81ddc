import type { NextConfig } from "next";

// Validates the environment when the app is built or started, not at the first request.
import "./src/env";

const config: NextConfig = {
  reactStrictMode: true,
  typedRoutes: true,
  // Internal packages are consumed as TypeScript source and compiled with the app.
  transpilePackages: ["@parley/api", "@parley/ui"],
};

export default config;
