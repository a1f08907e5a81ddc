export { isDatabaseEmpty, seedDemoWorkspace, type SeedDemoWorkspaceOptions } from "./seed-demo-workspace";
export {
  buildDemoWorkspace,
  type BuildDemoWorkspaceOptions,
  type DemoWorkspace,
  type DemoWorkspaceRows,
  type DemoWorkspaceSummary,
} from "./demo-workspace";
export {
  DEMO_ADMIN,
  DEMO_AGENTS,
  DEMO_CUSTOMER,
  DEMO_LOGINS,
  DEMO_PASSWORD,
  DEMO_PASSWORD_HASH,
  DEMO_TEAMS,
  type DemoLogin,
} from "./demo-users";
