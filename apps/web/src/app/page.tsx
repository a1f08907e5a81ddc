import { Badge, buttonClassName, Card, IconArrowRight, PageContainer } from "@parley/ui";
import Link from "next/link";

import { mainNavItems } from "~/components/nav-items";
import { ConversationPreview } from "./_components/conversation-preview";
import { SystemOverview } from "./_components/system-overview";

export default function HomePage() {
  return (
    <PageContainer className="flex flex-col gap-16 sm:gap-20">
      <section aria-labelledby="hero-title" className="grid items-center gap-10 lg:grid-cols-[1.1fr_1fr] lg:gap-14">
        <div>
          <Badge tone="brand">Open source · Self-hosted</Badge>
          <h1 id="hero-title" className="mt-5 text-4xl font-semibold tracking-tight text-balance text-fg sm:text-5xl">
            Every customer conversation, <span className="text-brand-text">live</span>.
          </h1>
          <p className="mt-5 max-w-xl text-lg text-pretty text-fg-muted">
            Parley brings website chat, a shared inbox and team analytics together. Customers get answers in seconds;
            agents get one calm place to work.
          </p>
          <div className="mt-8 flex flex-wrap gap-3">
            <Link href="/inbox" className={buttonClassName({ size: "lg" })}>
              Open the inbox
              <IconArrowRight />
            </Link>
            <Link href="/chat" className={buttonClassName({ variant: "secondary", size: "lg" })}>
              Try the customer chat
            </Link>
          </div>
        </div>
        <ConversationPreview />
      </section>

      <section aria-labelledby="system-title">
        <SectionHeading
          id="system-title"
          title="Your Parley server"
          description="Live from the server this page is connected to."
        />
        <SystemOverview />
      </section>

      <section aria-labelledby="areas-title">
        <SectionHeading id="areas-title" title="Where you'll work" description="The rest of Parley is on its way." />
        <ul className="grid gap-4 sm:grid-cols-3">
          {mainNavItems.map(({ href, label, description, icon: Icon }) => (
            <li key={href}>
              <Card className="relative h-full p-5 transition-shadow hover:shadow-raised">
                <div className="flex items-center justify-between">
                  <span className="flex size-10 items-center justify-center rounded-control bg-brand-soft text-brand-text">
                    <Icon className="size-5" />
                  </span>
                  <Badge>Coming soon</Badge>
                </div>
                <h3 className="mt-4 font-semibold text-fg">
                  {/* The whole card is the link's hit area; the heading stays the accessible name. */}
                  <Link href={href} className="after:absolute after:inset-0 after:rounded-card">
                    {label}
                  </Link>
                </h3>
                <p className="mt-1.5 text-sm text-fg-muted">{description}</p>
              </Card>
            </li>
          ))}
        </ul>
      </section>
    </PageContainer>
  );
}

function SectionHeading({ id, title, description }: { id: string; title: string; description: string }) {
  return (
    <div className="mb-6">
      <h2 id={id} className="text-2xl font-semibold tracking-tight text-fg">
        {title}
      </h2>
      <p className="mt-1 text-fg-muted">{description}</p>
    </div>
  );
}
