package com.example.mdhtml;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class MarkdownConverterTest {

    private final MarkdownConverter converter = new MarkdownConverter();

    @Test
    void rendersHeadings() {
        assertEquals("<h1>Title</h1>\n<h3>Part</h3>\n", converter.toHtml("# Title\n### Part ###"));
    }

    @Test
    void rendersEmphasis() {
        assertEquals("<p>a <em>soft</em> and <strong>loud</strong> word, <code>x</code></p>\n",
                converter.toHtml("a *soft* and **loud** word, `x`"));
    }

    @Test
    void rendersLists() {
        assertEquals("<ul>\n<li>one</li>\n<li><em>two</em></li>\n</ul>\n<ol>\n<li>first</li>\n</ol>\n",
                converter.toHtml("- one\n* *two*\n1. first"));
    }

    @Test
    void joinsParagraphLinesAndEscapesText() {
        assertEquals("<p>a &lt;b&gt; &amp; c</p>\n<p>d</p>\n", converter.toHtml("a <b>\n& c\n\nd"));
    }

    @Test
    void wrapsADocument() {
        String page = converter.toDocument("notes", "# Hi");
        assertEquals(true, page.startsWith("<!DOCTYPE html>"));
        assertEquals(true, page.contains("<title>notes</title>"));
        assertEquals(true, page.contains("<body>\n<h1>Hi</h1>\n</body>"));
    }
}
