import type { DemoTeamSlug } from "./demo-users";

/**
 * What customers write to support about, with enough lines per topic that 2,000
 * sessions do not read as copies of each other. Placeholders in braces are filled per
 * session: {ref} {item} {amount} {carrier} {eta} {customer} {agent}.
 */
export type TopicKey = "order_late" | "wrong_item" | "address_change" | "refund" | "billing_question" | "password_reset";

export interface TopicTemplates {
  key: TopicKey;
  team: DemoTeamSlug;
  /** How often customers ask about it, relative to the other topics. */
  weight: number;
  /** The order or invoice the session is about, and how often customers give one. */
  externalRef?: { kind: "order" | "invoice"; likelihood: number };
  /** Whether the agent can push a structured order status into the thread. */
  sendsOrderUpdates: boolean;
  subjects: readonly string[];
  openings: readonly string[];
  customerDetails: readonly string[];
  agentSteps: readonly string[];
  resolutions: readonly string[];
  internalNotes: readonly string[];
  resolutionNotes: readonly string[];
}

export const TOPICS: readonly TopicTemplates[] = [
  {
    key: "order_late",
    team: "orders-delivery",
    weight: 28,
    externalRef: { kind: "order", likelihood: 0.85 },
    sendsOrderUpdates: true,
    subjects: ["Where is my order {ref}?", "Order {ref} hasn't arrived", "Delivery is late", "Parcel stuck in transit"],
    openings: [
      "Hi, my order {ref} was supposed to arrive on Monday and I still don't have it. Can you check what's going on?",
      "Hello! The tracking for {ref} hasn't moved in four days. Is it lost?",
      "I ordered the {item} over a week ago and it still hasn't shown up. Order number is {ref}.",
      "Hi there, any news on my {item}? It says delivered but there's nothing at my door.",
    ],
    customerDetails: [
      "It said 2-3 business days when I ordered.",
      "The tracking page just says 'label created'.",
      "I need it before the weekend, it's a gift.",
      "Is there anything you can do to speed it up?",
      "Okay. Will I get an email when it moves?",
      "My address is correct in the order, I double-checked.",
    ],
    agentSteps: [
      "Thanks for the details. I can see {ref} left our warehouse but the last carrier scan is missing.",
      "I've contacted {carrier} and asked them to trace the parcel.",
      "It was held at the regional hub because of a backlog. It's moving again now.",
      "The new estimated delivery is {eta}. I'll keep an eye on it.",
      "If it hasn't arrived by {eta}, we'll send a replacement at no cost.",
      "You'll get a tracking email as soon as {carrier} scans it again.",
    ],
    resolutions: [
      "I've added a note to your order and upgraded the shipping on it. Anything else I can help with?",
      "Everything is set: {ref} should be with you by {eta}. Sorry again for the wait!",
      "I've refunded the shipping fee for the trouble. Is there anything else I can do today?",
    ],
    internalNotes: [
      "Carrier trace opened with {carrier}, reference in the order notes.",
      "Third late parcel through this hub this week, flagging to logistics.",
      "Repeat customer, approved a shipping refund.",
    ],
    resolutionNotes: ["Carrier trace opened, new ETA shared.", "Shipping fee refunded for the delay."],
  },
  {
    key: "wrong_item",
    team: "orders-delivery",
    weight: 14,
    externalRef: { kind: "order", likelihood: 0.9 },
    sendsOrderUpdates: true,
    subjects: ["Received the wrong item", "Wrong size in order {ref}", "This isn't what I ordered"],
    openings: [
      "I just opened my package from order {ref} and it's not the {item} I ordered.",
      "Hi, I got the wrong size. I ordered the {item} and received something else entirely.",
      "Hello, there's been a mix-up with {ref}: the box has someone else's item in it.",
    ],
    customerDetails: [
      "I can send a photo if that helps.",
      "The label on the box has a different product code.",
      "Do I need to pay for the return shipping?",
      "Can you send the right one instead of a refund?",
      "I don't have a printer, is there another way to return it?",
    ],
    agentSteps: [
      "I'm sorry about that! Could you confirm the product code on the label?",
      "Thanks, that confirms a packing error on our side.",
      "No need to pay anything: I've emailed you a prepaid return label.",
      "I've reserved the correct {item} for you and it will ship today.",
      "You can also drop the parcel at any {carrier} point with the QR code, no printer needed.",
    ],
    resolutions: [
      "The replacement ships today and you'll get tracking within a few hours. Keep the return label handy.",
      "All sorted: the replacement is on its way and the return is free. Anything else?",
      "I've arranged the exchange. The correct {item} should arrive by {eta}.",
    ],
    internalNotes: [
      "Picking error, bin location mislabelled. Reported to the warehouse.",
      "Waived return shipping; replacement reserved from stock.",
    ],
    resolutionNotes: ["Replacement shipped, prepaid return label sent.", "Exchange arranged, return shipping waived."],
  },
  {
    key: "address_change",
    team: "orders-delivery",
    weight: 10,
    externalRef: { kind: "order", likelihood: 0.95 },
    sendsOrderUpdates: true,
    subjects: ["Change delivery address", "Wrong address on order {ref}", "Can I ship {ref} somewhere else?"],
    openings: [
      "Hi, I just noticed I used my old address on {ref}. Can I change it?",
      "Hello, can I have order {ref} delivered to my office instead?",
      "I'm moving this week. Is it possible to update the shipping address for {ref}?",
      "Hi, I need to change the delivery address on my latest order.",
    ],
    customerDetails: [
      "The new address is 14 Harbour Street, apartment 3B.",
      "It hasn't shipped yet, I think.",
      "Can the driver leave it at the reception?",
      "Would it still arrive on the same day?",
      "Great, and will the tracking number stay the same?",
    ],
    agentSteps: [
      "Let me check whether {ref} has left the warehouse yet.",
      "Good news: it hasn't been packed yet, so I can update it directly.",
      "It's already with {carrier}, so I've asked them to redirect it.",
      "I've added a note for the driver to leave it at the reception.",
      "The tracking number stays the same; you'll see the new address in a few minutes.",
    ],
    resolutions: [
      "The address on {ref} is updated and delivery is still expected by {eta}.",
      "Done! The redirect is confirmed with {carrier}. Anything else I can help with?",
      "All updated. You'll get a confirmation email shortly.",
    ],
    internalNotes: ["Address changed before packing, no carrier fee.", "Redirect requested with {carrier}, may add a day."],
    resolutionNotes: ["Address updated before dispatch.", "Carrier redirect confirmed."],
  },
  {
    key: "refund",
    team: "billing-accounts",
    weight: 20,
    externalRef: { kind: "order", likelihood: 0.7 },
    sendsOrderUpdates: false,
    subjects: ["Refund for order {ref}", "When will I get my refund?", "Refund not received"],
    openings: [
      "Hi, I returned the {item} two weeks ago and haven't seen the refund yet.",
      "Hello, I'd like a refund for order {ref}: the {item} stopped working after a few days.",
      "Where is my refund? The return for {ref} shows as delivered.",
    ],
    customerDetails: [
      "I paid with my credit card.",
      "I dropped the return off last Tuesday.",
      "It's {amount} in total.",
      "How long does it usually take to show up?",
      "Could I get store credit instead? It would be faster.",
    ],
    agentSteps: [
      "Thanks, I can see the return arrived at our warehouse.",
      "The refund of {amount} was approved; it only needed a final check.",
      "Card refunds usually take 3 to 5 business days to appear on your statement.",
      "I've pushed the refund through manually so it doesn't wait for the next batch.",
      "Store credit is instant if you prefer: I can switch it for you.",
    ],
    resolutions: [
      "Your refund of {amount} has been issued. You'll get a confirmation email with the reference.",
      "Done: the refund is on its way and should show up within 5 business days.",
      "I've issued the refund and added a 10% voucher for the inconvenience. Anything else?",
    ],
    internalNotes: [
      "Return scanned late at the warehouse; refund released manually.",
      "Approved a goodwill voucher, within the team's limit.",
    ],
    resolutionNotes: ["Refund issued.", "Refund issued with a goodwill voucher."],
  },
  {
    key: "billing_question",
    team: "billing-accounts",
    weight: 16,
    externalRef: { kind: "invoice", likelihood: 0.5 },
    sendsOrderUpdates: false,
    subjects: ["Charged twice", "Question about invoice {ref}", "Unexpected charge on my card"],
    openings: [
      "Hi, I was charged twice for the same order. Can you check?",
      "Hello, I have a question about invoice {ref}: the total looks higher than expected.",
      "There's a charge of {amount} on my card that I don't recognise.",
    ],
    customerDetails: [
      "Both charges are from yesterday.",
      "The amount is {amount} each time.",
      "I thought shipping was free over $50?",
      "Can you send me a corrected invoice? I need it for my expenses.",
      "Are my card details safe?",
    ],
    agentSteps: [
      "Let me look at the payments on your account.",
      "I can see a pending authorisation and the actual charge. The pending one drops off within a few days.",
      "You're right, the shipping fee was applied by mistake. I've refunded it.",
      "I've sent a corrected invoice to your email address.",
      "Your card details are never stored on our side; the payment provider handles them.",
    ],
    resolutions: [
      "Everything is corrected now, and the updated invoice is in your inbox.",
      "The duplicate authorisation will disappear by itself. Let me know if it's still there on Friday.",
      "I've refunded {amount}. Anything else I can help with?",
    ],
    internalNotes: [
      "Duplicate authorisation, not a double capture. No action needed.",
      "Free-shipping threshold not applied again; refunded and linked to the billing bug.",
    ],
    resolutionNotes: ["Duplicate authorisation explained.", "Shipping fee refunded, invoice corrected."],
  },
  {
    key: "password_reset",
    team: "billing-accounts",
    weight: 12,
    sendsOrderUpdates: false,
    subjects: ["Can't log in", "Password reset email not arriving", "Locked out of my account"],
    openings: [
      "Hi, I've requested a password reset three times and never got the email.",
      "Hello, my account says it's locked after too many attempts.",
      "I can't sign in anymore. It says my password is wrong but I'm sure it's right.",
    ],
    customerDetails: [
      "I checked my spam folder too.",
      "The email is the one I'm writing from.",
      "I might have signed up with my work email, actually.",
      "It's working now, I got the email!",
      "Do I need to update the app as well?",
    ],
    agentSteps: [
      "Let me check the account linked to this email.",
      "The reset emails were sent but bounced. Your mailbox may be full or filtering us.",
      "I've unlocked your account; the lock would have lifted after 30 minutes anyway.",
      "I've sent a new reset link; it's valid for one hour.",
      "For your security I can't set the password for you, but the link lets you choose a new one.",
    ],
    resolutions: [
      "Great, glad you're back in! I'd recommend turning on two-step verification in your settings.",
      "Your account is unlocked and the new link is on its way. Anything else?",
      "All set. If the email doesn't arrive within 10 minutes, just reply here.",
    ],
    internalNotes: [
      "Reset emails bounced: the customer's provider blocks our sender. Reported to ops.",
      "Verified identity with the last order number before unlocking.",
    ],
    resolutionNotes: ["Account unlocked, reset link sent.", "Reset email delivered after sender fix."],
  },
];

/** The agent's first reply, whatever the topic. */
export const AGENT_GREETINGS = [
  "Hi {customer}, I'm {agent}. Thanks for reaching out, let me look into this for you.",
  "Hello {customer}! {agent} here. Sorry about the trouble, give me a moment to check.",
  "Hi {customer}, thanks for your patience. I'm {agent} and I'll help you with this.",
  "Hey {customer}, {agent} from support here. Let me pull up your details.",
] as const;

export const CUSTOMER_THANKS = [
  "Thank you so much, that's really helpful!",
  "Perfect, thanks {agent}!",
  "Great, thanks for sorting it out so quickly.",
  "Ok thanks.",
  "That's all, have a nice day!",
  "Thanks. A bit of a hassle, but glad it's resolved.",
] as const;

/** What a customer writes when they come back to a closed session. */
export const CUSTOMER_REOPENINGS = [
  "Hi again, it still isn't sorted: nothing has changed on my side.",
  "Sorry, one more question about this: will I get an email confirmation?",
  "Hello again, I still haven't received it.",
] as const;

export const AGENT_REOPEN_REPLIES = [
  "Thanks for coming back to us. I've checked again and fixed it properly this time.",
  "Good question: yes, you'll get an email as soon as it's processed.",
  "Sorry about that. I've escalated it and you'll hear from us within the day.",
] as const;

export const CUSTOMER_FOLLOW_UPS_WHILE_WAITING = [
  "Is anyone there?",
  "Hello?",
  "Just adding: it's quite urgent.",
  "I can wait, thanks.",
] as const;

export const CSAT_COMMENTS = {
  positive: [
    "Quick and friendly, thank you!",
    "{agent} was super helpful.",
    "Solved in minutes.",
    "Great service as always.",
    "Very clear explanation.",
  ],
  neutral: ["Fine, but it took a while to get an answer.", "Resolved, though I had to explain twice."],
  negative: [
    "Still waiting for my parcel.",
    "Took too long and I had to chase it.",
    "This shouldn't have happened in the first place.",
    "Not helpful.",
  ],
} as const;

export const PRODUCT_NAMES = [
  "wireless headphones",
  "ceramic mug set",
  "running shoes",
  "desk lamp",
  "merino wool sweater",
  "phone case",
  "espresso grinder",
  "yoga mat",
  "backpack",
  "smart watch strap",
] as const;

export const CARRIERS = ["DHL", "UPS", "FedEx", "DPD"] as const;

export type TemplateValues = Record<"ref" | "item" | "amount" | "carrier" | "eta" | "customer" | "agent", string>;

export function fillTemplate(template: string, values: TemplateValues): string {
  return template.replace(/\{(\w+)\}/g, (placeholder, name: string) =>
    name in values ? values[name as keyof TemplateValues] : placeholder,
  );
}
