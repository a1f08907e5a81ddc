import type { Faker } from "@faker-js/faker";

import type { teamMembers, teams, users } from "../schema";
import {
  DEMO_ADMIN,
  DEMO_AGENTS,
  DEMO_CUSTOMER,
  DEMO_PASSWORD_HASH,
  DEMO_TEAMS,
  type DemoAvailability,
  type DemoStaffAccount,
  type DemoTeam,
  type DemoTeamSlug,
} from "./demo-users";
import { DAY_MS, HOUR_MS, MINUTE_MS, randomDelay } from "./random";

export interface SeededPerson {
  id: string;
  name: string;
  firstName: string;
  email: string;
}

export interface SeededAgent extends SeededPerson {
  teamSlug: DemoTeamSlug;
  teamId: string;
  availability: DemoAvailability;
  maxConcurrentChats: number;
}

export interface SeededTeam extends DemoTeam {
  id: string;
}

/** Who exists in the demo workspace, for the builders of conversations to draw on. */
export interface SeededPeople {
  admin: SeededPerson;
  agents: SeededAgent[];
  teams: SeededTeam[];
  /** The named demo customer, kept out of `customers` so their history is chosen on purpose. */
  demoCustomer: SeededPerson;
  customers: SeededPerson[];
}

export interface PeopleRows {
  users: (typeof users.$inferInsert)[];
  teams: (typeof teams.$inferInsert)[];
  teamMembers: (typeof teamMembers.$inferInsert)[];
  people: SeededPeople;
}

export function buildPeople(faker: Faker, now: number, customerCount: number): PeopleRows {
  const workspaceCreatedAt = new Date(now - 400 * DAY_MS);
  const teamRows = DEMO_TEAMS.map((team) => ({
    id: faker.string.uuid(),
    name: team.name,
    slug: team.slug,
    description: team.description,
    autoAssign: team.autoAssign,
    createdAt: workspaceCreatedAt,
  }));
  const seededTeams: SeededTeam[] = DEMO_TEAMS.map((team, index) => ({ ...team, id: teamRows[index]!.id }));

  const userRows: PeopleRows["users"] = [];
  const addStaff = (account: DemoStaffAccount): SeededPerson => {
    const id = faker.string.uuid();
    userRows.push({
      id,
      email: account.email,
      name: account.name,
      role: account.role,
      passwordHash: DEMO_PASSWORD_HASH,
      availability: account.availability,
      maxConcurrentChats: account.maxConcurrentChats,
      lastSeenAt: new Date(now - lastSeenAgo(faker, account.availability)),
      createdAt: workspaceCreatedAt,
      updatedAt: new Date(now),
    });
    return { id, name: account.name, firstName: firstNameOf(account.name), email: account.email };
  };

  const admin = addStaff(DEMO_ADMIN);
  const agents: SeededAgent[] = DEMO_AGENTS.map((account) => {
    const team = seededTeams.find((candidate) => candidate.slug === account.team);
    if (!team) throw new Error(`Demo agent ${account.email} names an unknown team`);
    return {
      ...addStaff(account),
      teamSlug: team.slug,
      teamId: team.id,
      availability: account.availability,
      maxConcurrentChats: account.maxConcurrentChats,
    };
  });

  const addCustomer = (name: string, email: string): SeededPerson => {
    const id = faker.string.uuid();
    userRows.push({
      id,
      email,
      name,
      role: "customer",
      passwordHash: DEMO_PASSWORD_HASH,
      createdAt: new Date(now - faker.number.int({ min: 31, max: 380 }) * DAY_MS),
      updatedAt: new Date(now),
    });
    return { id, name, firstName: firstNameOf(name), email };
  };

  const demoCustomer = addCustomer(DEMO_CUSTOMER.name, DEMO_CUSTOMER.email);
  const customers: SeededPerson[] = [];
  for (let index = 1; index < customerCount; index++) {
    const firstName = faker.person.firstName();
    const lastName = faker.person.lastName();
    // The index keeps addresses unique; example.com keeps them from reaching anyone.
    const email = `${emailPart(firstName)}.${emailPart(lastName)}${index}@example.com`;
    customers.push(addCustomer(`${firstName} ${lastName}`, email));
  }

  const teamMemberRows = agents.map((agent) => ({ teamId: agent.teamId, userId: agent.id, createdAt: workspaceCreatedAt }));

  return {
    users: userRows,
    teams: teamRows,
    teamMembers: teamMemberRows,
    people: { admin, agents, teams: seededTeams, demoCustomer, customers },
  };
}

function lastSeenAgo(faker: Faker, availability: DemoAvailability): number {
  if (availability === "online") return randomDelay(faker, 5, 60);
  if (availability === "away") return faker.number.int({ min: 5 * MINUTE_MS, max: 40 * MINUTE_MS });
  return faker.number.int({ min: 10 * HOUR_MS, max: 60 * HOUR_MS });
}

function firstNameOf(name: string): string {
  return name.split(" ")[0] ?? name;
}

function emailPart(name: string): string {
  return name
    .normalize("NFKD")
    .toLowerCase()
    .replace(/[^a-z]/g, "");
}
