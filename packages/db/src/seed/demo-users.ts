/**
 * The accounts a newcomer signs in with after seeding. Every seeded account, the 199
 * generated customers included, shares this password.
 */
export const DEMO_PASSWORD = "parley-demo";

/**
 * DEMO_PASSWORD hashed the way sign-in verifies passwords (Argon2id with @node-rs/argon2's
 * defaults, see packages/api/src/auth/password.ts). Computed once and kept here because the
 * password is public anyway, hashing 207 accounts would take seconds, and packages/db cannot
 * depend on packages/api. To regenerate: `await hash("parley-demo")` from @node-rs/argon2.
 */
export const DEMO_PASSWORD_HASH =
  "$argon2id$v=19$m=19456,t=2,p=1$7qr8gfUKlDd6sKkFO3QNqw$QNKMOparuwEjbnwowL/f6mSuxnG/XeqgFQ8ak7jv0n0";

export type DemoRole = "admin" | "agent" | "customer";
export type DemoTeamSlug = "orders-delivery" | "billing-accounts";
export type DemoAvailability = "online" | "away" | "offline";

export interface DemoTeam {
  slug: DemoTeamSlug;
  name: string;
  description: string;
  /** Billing sessions wait for an agent to pick them, so the demo shows both queue modes. */
  autoAssign: boolean;
}

export const DEMO_TEAMS: readonly DemoTeam[] = [
  {
    slug: "orders-delivery",
    name: "Orders & Delivery",
    description: "Late parcels, wrong items and address changes.",
    autoAssign: true,
  },
  {
    slug: "billing-accounts",
    name: "Billing & Accounts",
    description: "Refunds, invoices, charges and sign-in trouble.",
    autoAssign: false,
  },
];

export interface DemoStaffAccount {
  email: string;
  name: string;
  role: "admin" | "agent";
  /** Agents only. */
  team?: DemoTeamSlug;
  availability: DemoAvailability;
  maxConcurrentChats: number;
}

export const DEMO_ADMIN: DemoStaffAccount = {
  email: "admin@parley.dev",
  name: "Sam Rivera",
  role: "admin",
  availability: "online",
  maxConcurrentChats: 3,
};

export const DEMO_AGENTS: readonly DemoStaffAccount[] = [
  {
    email: "ada@parley.dev",
    name: "Ada Okafor",
    role: "agent",
    team: "orders-delivery",
    availability: "online",
    maxConcurrentChats: 4,
  },
  {
    email: "grace@parley.dev",
    name: "Grace Kim",
    role: "agent",
    team: "orders-delivery",
    availability: "online",
    maxConcurrentChats: 5,
  },
  {
    email: "linus@parley.dev",
    name: "Linus Berg",
    role: "agent",
    team: "orders-delivery",
    availability: "away",
    maxConcurrentChats: 3,
  },
  {
    email: "margaret@parley.dev",
    name: "Margaret Osei",
    role: "agent",
    team: "billing-accounts",
    availability: "online",
    maxConcurrentChats: 4,
  },
  {
    email: "alan@parley.dev",
    name: "Alan Reyes",
    role: "agent",
    team: "billing-accounts",
    availability: "offline",
    maxConcurrentChats: 3,
  },
  {
    email: "katherine@parley.dev",
    name: "Katherine Dubois",
    role: "agent",
    team: "billing-accounts",
    availability: "online",
    maxConcurrentChats: 5,
  },
];

/** The one customer with a known login, so the customer side of Parley can be tried too. */
export const DEMO_CUSTOMER = { email: "customer@parley.dev", name: "Jordan Lee", role: "customer" } as const;

export interface DemoLogin {
  email: string;
  password: string;
  role: DemoRole;
  name: string;
}

/** What the server and the seed command print, so nobody has to look the logins up. */
export const DEMO_LOGINS: readonly DemoLogin[] = [
  { email: DEMO_ADMIN.email, password: DEMO_PASSWORD, role: "admin", name: DEMO_ADMIN.name },
  ...DEMO_AGENTS.map((agent) => ({
    email: agent.email,
    password: DEMO_PASSWORD,
    role: "agent" as const,
    name: agent.name,
  })),
  { email: DEMO_CUSTOMER.email, password: DEMO_PASSWORD, role: "customer", name: DEMO_CUSTOMER.name },
];
