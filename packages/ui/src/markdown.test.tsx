import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";

import { chatUrlTransform, Markdown } from "./markdown";

const render = (source: string) => renderToStaticMarkup(<Markdown>{source}</Markdown>);

describe("Markdown", () => {
  it("renders bold, emphasis, inline code and code blocks", () => {
    const html = render("**bold** and *soft* and `npm i`\n\n```\nconst a = 1 < 2;\n```");
    expect(html).toContain('<strong class="font-semibold">bold</strong>');
    expect(html).toContain('<em class="italic">soft</em>');
    expect(html).toMatch(/<code class="[^"]*">npm i<\/code>/);
    expect(html).toMatch(/<pre class="[^"]*"><code[^>]*>const a = 1 &lt; 2;\n<\/code><\/pre>/);
  });

  it("renders lists, quotes, strikethrough and line breaks", () => {
    const html = render("- one\n- two\n\n1. first\n2. second\n\n> quoted\n\n~~gone~~\nnext line");
    expect(html).toMatch(/<ul class="[^"]*">\s*<li[^>]*>one<\/li>\s*<li[^>]*>two<\/li>\s*<\/ul>/);
    expect(html).toMatch(/<ol class="[^"]*">\s*<li[^>]*>first<\/li>\s*<li[^>]*>second<\/li>\s*<\/ol>/);
    expect(html).toMatch(/<blockquote class="[^"]*">\s*<p>quoted<\/p>\s*<\/blockquote>/);
    expect(html).toMatch(/<del class="[^"]*">gone<\/del><br\/>\s*next line/);
  });

  it("never renders raw HTML, not even as markup inside text", () => {
    const html = render('Hi <script>alert("x")</script> there <img src=x onerror="alert(1)"> and <b onclick="x()">b</b>');
    expect(html).not.toMatch(/<script|<img|onerror|onclick|<b[ >]/i);
    expect(html).toContain("Hi");
    expect(html).toContain("there");

    const block = render('<div onmouseover="steal()">\n\n# not a title\n\n</div>\n\n<iframe src="https://evil.example"></iframe>');
    expect(block).not.toMatch(/<div onmouseover|<iframe|steal\(\)/);
  });

  it("drops links that are not http, https or mailto, keeping their text", () => {
    const html = render(
      "[click](javascript:alert(1)) [data](data:text/html;base64,PHNjcmlwdD4=) [page](/admin/users) [vb](vbscript:msgbox)",
    );
    expect(html).not.toMatch(/javascript:|data:|vbscript:|href/);
    expect(html).toContain("<span>click</span>");
    expect(html).toContain("<span>page</span>");
  });

  it("opens safe links in a new tab without handing over the page", () => {
    const html = render("[docs](https://example.com/a?b=1) mail <mailto:help@example.com> and www.example.org");
    expect(html).toContain(
      '<a href="https://example.com/a?b=1" target="_blank" rel="noopener noreferrer nofollow"',
    );
    expect(html).toContain('href="mailto:help@example.com"');
    // A bare address becomes a link too (GFM autolinks).
    expect(html).toContain('href="http://www.example.org/"');
  });

  it("reads anything outside the chat subset as its text: a table becomes its cells", () => {
    const html = render("| item | price |\n|---|---|\n| tea | 3 |\n\n---");
    expect(html).not.toMatch(/<table|<tr|<td|<th|<hr/);
    expect(html.replace(/\s+/g, " ")).toContain("item price tea 3");
  });

  it("shows headings as strong paragraphs and images as their alt text only", () => {
    const html = render("# Shouting\n\n![a cat](https://tracker.example/pixel.gif)");
    expect(html).not.toMatch(/<h[1-6]/);
    expect(html).toContain('<p><strong class="font-semibold">Shouting</strong></p>');
    expect(html).not.toMatch(/<img|tracker\.example/);
    expect(html).toContain("<span>a cat</span>");
  });

  it("accepts only full web and email addresses", () => {
    expect(chatUrlTransform("https://example.com", "href", undefined as never)).toBe("https://example.com/");
    expect(chatUrlTransform("mailto:a@b.example", "href", undefined as never)).toBe("mailto:a@b.example");
    expect(chatUrlTransform(" JavaScript:alert(1)", "href", undefined as never)).toBeNull();
    expect(chatUrlTransform("//evil.example/x", "href", undefined as never)).toBeNull();
    expect(chatUrlTransform("#top", "href", undefined as never)).toBeNull();
  });
});
