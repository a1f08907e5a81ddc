import { clsx } from "clsx";
import type { ReactNode } from "react";
import ReactMarkdown, { type Components, type UrlTransform } from "react-markdown";
import remarkBreaks from "remark-breaks";
import remarkGfm from "remark-gfm";

export interface MarkdownProps {
  /** What someone wrote: Markdown, never trusted. */
  children: string;
  className?: string;
}

/**
 * What a chat message may contain. Everything else is unwrapped to its text: a table
 * reads as its cells, a rule disappears. Headings are allowed only to be restyled below
 * (a message shouting `# BIG` is not a page title); images only to show their alt text,
 * so a message can never make the reader's browser fetch an address of its choosing.
 */
const CHAT_ELEMENTS = [
  "p",
  "br",
  "em",
  "strong",
  "del",
  "code",
  "pre",
  "a",
  "ul",
  "ol",
  "li",
  "blockquote",
  "h1",
  "h2",
  "h3",
  "h4",
  "h5",
  "h6",
  "img",
];

const LINK_PROTOCOLS = new Set(["http:", "https:", "mailto:"]);

/**
 * Links go only to web pages and email addresses written in full: no `javascript:`, no
 * `data:`, and no relative paths that would open a page of Parley itself. Anything else
 * loses its address and shows as plain text.
 */
export const chatUrlTransform: UrlTransform = (url) => {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null; // relative, or not an address at all
  }
  return LINK_PROTOCOLS.has(parsed.protocol) ? parsed.href : null;
};

function HeadingAsStrongParagraph({ children }: { children?: ReactNode }) {
  return (
    <p>
      <strong className="font-semibold">{children}</strong>
    </p>
  );
}

// Colours come from the text around (`current`), so the same message reads well in an
// incoming bubble, on the brand colour of an outgoing one and on a note's yellow.
const components: Components = {
  p: ({ children }) => <p>{children}</p>,
  strong: ({ children }) => <strong className="font-semibold">{children}</strong>,
  em: ({ children }) => <em className="italic">{children}</em>,
  del: ({ children }) => <del className="line-through opacity-80">{children}</del>,
  a: ({ href, children }) =>
    href ? (
      <a
        href={href}
        target="_blank"
        rel="noopener noreferrer nofollow"
        className="font-medium underline decoration-current/50 underline-offset-2 hover:decoration-current"
      >
        {children}
      </a>
    ) : (
      <span>{children}</span>
    ),
  code: ({ children }) => <code className="rounded-sm bg-current/10 px-1 py-0.5 font-mono text-[0.9em]">{children}</code>,
  pre: ({ children }) => (
    <pre className="overflow-x-auto rounded-control bg-current/10 p-2.5 font-mono text-xs leading-normal whitespace-pre [&>code]:bg-transparent [&>code]:p-0 [&>code]:text-[1em]">
      {children}
    </pre>
  ),
  ul: ({ children }) => <ul className="list-disc space-y-0.5 pl-5">{children}</ul>,
  ol: ({ children }) => <ol className="list-decimal space-y-0.5 pl-5">{children}</ol>,
  li: ({ children }) => <li className="pl-0.5">{children}</li>,
  blockquote: ({ children }) => <blockquote className="border-l-2 border-current/30 pl-3 opacity-90">{children}</blockquote>,
  h1: HeadingAsStrongParagraph,
  h2: HeadingAsStrongParagraph,
  h3: HeadingAsStrongParagraph,
  h4: HeadingAsStrongParagraph,
  h5: HeadingAsStrongParagraph,
  h6: HeadingAsStrongParagraph,
  img: ({ alt }) => (alt ? <span>{alt}</span> : null),
};

// GFM for autolinked addresses and ~~strikethrough~~; breaks so that Enter in the
// composer is a new line in the message, as in every chat.
const remarkPlugins = [remarkGfm, remarkBreaks];

/**
 * A chat message's Markdown, as a safe subset: raw HTML is dropped (never rendered,
 * never shown as markup), only the elements of `CHAT_ELEMENTS` render, and links open
 * in a new tab without handing over the page (`noopener noreferrer`) or the site's
 * reputation (`nofollow`). Lays out its own whitespace, so it can sit in a bubble that
 * keeps the line breaks of plain text.
 */
export function Markdown({ children, className }: MarkdownProps) {
  return (
    <div className={clsx("space-y-2 break-words whitespace-normal", className)}>
      <ReactMarkdown
        skipHtml
        allowedElements={CHAT_ELEMENTS}
        unwrapDisallowed
        urlTransform={chatUrlTransform}
        remarkPlugins={remarkPlugins}
        components={components}
      >
        {children}
      </ReactMarkdown>
    </div>
  );
}
