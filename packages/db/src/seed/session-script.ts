import type { Faker } from "@faker-js/faker";

import {
  CARRIERS,
  fillTemplate,
  PRODUCT_NAMES,
  type TemplateValues,
  type TopicTemplates,
} from "./message-templates";
import { chance, DAY_MS } from "./random";
import type { ThreadMessage } from "./thread-writer";
import type { SeededAgent, SeededPerson } from "./users";

/**
 * The words of one support session: picks lines from its topic's bank and fills in the
 * session's own order number, item, amount, carrier and names.
 */
export class SessionScript {
  private readonly values: TemplateValues;

  constructor(
    private readonly faker: Faker,
    readonly topic: TopicTemplates,
    createdAt: number,
    customer: SeededPerson,
    agent: SeededAgent | null,
  ) {
    this.values = {
      ref: this.externalRef(createdAt),
      item: faker.helpers.arrayElement(PRODUCT_NAMES),
      amount: `$${faker.number.float({ min: 12, max: 240, fractionDigits: 2 }).toFixed(2)}`,
      carrier: faker.helpers.arrayElement(CARRIERS),
      eta: new Date(createdAt + faker.number.int({ min: 1, max: 4 }) * DAY_MS).toLocaleDateString("en-US", {
        weekday: "long",
        month: "short",
        day: "numeric",
        timeZone: "UTC",
      }),
      customer: customer.firstName,
      agent: agent?.firstName ?? "",
    };
  }

  /** The order or invoice the session is about, or null when the customer gave none. */
  get externalRefOrNull(): string | null {
    return this.values.ref || null;
  }

  /** After a transfer, lines speak in the new agent's name. */
  handOverTo(agent: SeededAgent): void {
    this.values.agent = agent.firstName;
  }

  fill(template: string): string {
    return fillTemplate(template, this.values);
  }

  line(templates: readonly string[]): string {
    return this.fill(this.faker.helpers.arrayElement(this.usable(templates)));
  }

  /** Distinct lines, kept in the order the bank tells the story in. */
  linesInOrder(templates: readonly string[], count: number): string[] {
    const usable = this.usable(templates);
    const chosen = new Set(this.faker.helpers.arrayElements(usable, Math.min(count, usable.length)));
    return usable.filter((template) => chosen.has(template)).map((template) => this.fill(template));
  }

  /** Whether Parley can post a structured status of the order into the thread. */
  get canUpdateOrder(): boolean {
    return this.topic.sendsOrderUpdates && this.values.ref !== "";
  }

  /** The order's status as a structured message: delivery progress or an order change. */
  orderUpdate(at: number): Pick<ThreadMessage, "type" | "body" | "data"> {
    const { ref, carrier, eta } = this.values;
    const details = {
      orderId: ref,
      carrier,
      trackingUrl: `https://tracking.example.com/${ref}`,
      estimatedDelivery: new Date(at + 2 * DAY_MS).toISOString().slice(0, 10),
    };
    if (this.topic.key === "order_late") {
      const status = this.faker.helpers.arrayElement(["in_transit", "out_for_delivery", "delayed"] as const);
      return {
        type: "delivery_update",
        body: `${ref}: ${status.replaceAll("_", " ")} with ${carrier}, expected ${eta}`,
        data: { ...details, status },
      };
    }
    const status = this.topic.key === "address_change" ? "address_updated" : "replacement_shipped";
    return { type: "order_update", body: `${ref}: ${status.replaceAll("_", " ")}`, data: { ...details, status } };
  }

  /** Lines that mention the order or invoice only make sense when the customer gave one. */
  private usable(templates: readonly string[]): readonly string[] {
    if (this.values.ref !== "") return templates;
    const withoutRef = templates.filter((template) => !template.includes("{ref}"));
    return withoutRef.length > 0 ? withoutRef : templates;
  }

  private externalRef(createdAt: number): string {
    const { faker, topic } = this;
    if (!topic.externalRef || !chance(faker, topic.externalRef.likelihood)) return "";
    if (topic.externalRef.kind === "order") return `ORD-${faker.number.int({ min: 10_000, max: 99_999 })}`;
    const number = String(faker.number.int({ min: 1, max: 9_999 })).padStart(4, "0");
    return `INV-${new Date(createdAt).getUTCFullYear()}-${number}`;
  }
}
