package com.example.mdhtml;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Converts Markdown text to HTML: ATX headings ({@code #} to {@code ######}), paragraphs, strong emphasis
 * ({@code **text**}), emphasis ({@code *text*}), inline code, bulleted lists and numbered lists. Text is escaped.
 */
public final class MarkdownConverter {

    private static final Pattern HEADING = Pattern.compile("^(#{1,6})\\s+(.*?)\\s*#*\\s*$");
    private static final Pattern BULLET = Pattern.compile("^\\s*[-*+]\\s+(.*)$");
    private static final Pattern NUMBERED = Pattern.compile("^\\s*\\d+[.)]\\s+(.*)$");
    private static final Pattern CODE = Pattern.compile("`([^`]+)`");
    private static final Pattern STRONG = Pattern.compile("(\\*\\*|__)(?=\\S)(.+?)(?<=\\S)\\1");
    private static final Pattern EMPHASIS = Pattern.compile("(\\*|_)(?=\\S)(.+?)(?<=\\S)\\1");

    /**
     * @param markdown Markdown text
     * @return its HTML, one block element per line
     */
    public String toHtml(String markdown) {
        StringBuilder html = new StringBuilder();
        List<String> paragraph = new ArrayList<>();
        String list = null;
        for (String line : markdown.replace("\r\n", "\n").split("\n", -1)) {
            Matcher heading = HEADING.matcher(line);
            Matcher bullet = BULLET.matcher(line);
            Matcher numbered = NUMBERED.matcher(line);
            boolean isHeading = heading.matches();
            String item = null;
            String kind = null;
            if (bullet.matches()) {
                item = bullet.group(1);
                kind = "ul";
            } else if (numbered.matches()) {
                item = numbered.group(1);
                kind = "ol";
            }
            if (line.isBlank() || isHeading || kind != null) {
                flush(paragraph, html);
            }
            if (list != null && !list.equals(kind)) {
                html.append("</").append(list).append(">\n");
                list = null;
            }
            if (isHeading) {
                int level = heading.group(1).length();
                html.append("<h").append(level).append('>').append(inline(heading.group(2)))
                        .append("</h").append(level).append(">\n");
            } else if (kind != null) {
                if (list == null) {
                    html.append('<').append(kind).append(">\n");
                    list = kind;
                }
                html.append("<li>").append(inline(item)).append("</li>\n");
            } else if (!line.isBlank()) {
                paragraph.add(line.strip());
            }
        }
        flush(paragraph, html);
        if (list != null) {
            html.append("</").append(list).append(">\n");
        }
        return html.toString();
    }

    /**
     * @param title    the page's title
     * @param markdown Markdown text
     * @return a complete HTML page with the converted text as its body
     */
    public String toDocument(String title, String markdown) {
        return "<!DOCTYPE html>\n<html>\n<head>\n<meta charset=\"utf-8\">\n<title>" + escape(title)
                + "</title>\n</head>\n<body>\n" + toHtml(markdown) + "</body>\n</html>\n";
    }

    private void flush(List<String> paragraph, StringBuilder html) {
        if (!paragraph.isEmpty()) {
            html.append("<p>").append(inline(String.join(" ", paragraph))).append("</p>\n");
            paragraph.clear();
        }
    }

    static String inline(String text) {
        String html = escape(text);
        html = CODE.matcher(html).replaceAll("<code>$1</code>");
        html = STRONG.matcher(html).replaceAll("<strong>$2</strong>");
        return EMPHASIS.matcher(html).replaceAll("<em>$2</em>");
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
