import { AppFooter, LogoMark } from "@parley/ui";

import { API_URL } from "~/env";

const apiLinks = [
  { href: `${API_URL}/docs`, label: "API reference" },
  { href: `${API_URL}/openapi.json`, label: "OpenAPI" },
  { href: `${API_URL}/health`, label: "Health" },
];

export function SiteFooter() {
  return (
    <AppFooter>
      <p className="flex items-center gap-2">
        <LogoMark className="size-5" />
        Parley: open-source live chat support.
      </p>
      <nav aria-label="Developer">
        <ul className="flex flex-wrap gap-x-5 gap-y-1">
          {apiLinks.map(({ href, label }) => (
            <li key={href}>
              <a href={href} className="rounded-control hover:text-fg">
                {label}
              </a>
            </li>
          ))}
        </ul>
      </nav>
    </AppFooter>
  );
}
