package dev.thefactory.internal.spec;

import java.util.Set;
import java.util.regex.Pattern;
import org.commonmark.node.Link;
import org.commonmark.node.Text;
import org.commonmark.parser.beta.InlineContentParser;
import org.commonmark.parser.beta.InlineContentParserFactory;
import org.commonmark.parser.beta.InlineParserState;
import org.commonmark.parser.beta.ParsedInline;
import org.commonmark.parser.beta.Position;
import org.commonmark.parser.beta.Scanner;

/**
 * Reads what starts with {@code <} in Markdown inline text in linear time: an autolink ({@code <https://x>},
 * {@code <a@b.org>}) becomes a {@link Link} as commonmark would make it; anything else, inline HTML included, is the
 * literal character {@code <}. A spec has no use for inline HTML as markup (its text is kept either way), and
 * commonmark's own autolink and inline-HTML parsers search the rest of the paragraph for a closing {@code >} from
 * every {@code <}, so that a hostile paragraph of many {@code <} takes quadratic time.
 *
 * <p>An autolink cannot hold whitespace, {@code <} or {@code >}, so the scan for its end stops at the first such
 * character: every character is looked at by at most one scan. Stateless and thread-safe.
 */
final class AngleBracketParser implements InlineContentParser {

    /** CommonMark's absolute URI: a scheme of 2 to 32 characters, a colon, no whitespace, controls or angles. */
    private static final Pattern URI = Pattern.compile("[a-zA-Z][a-zA-Z0-9.+-]{1,31}:[^<>\\u0000-\\u0020]*");
    /** CommonMark's e-mail autolink. */
    private static final Pattern EMAIL = Pattern.compile("[a-zA-Z0-9.!#$%&'*+/=?^_`{|}~-]+@[a-zA-Z0-9]"
            + "(?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?(?:\\.[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)*");

    @Override
    public ParsedInline tryParse(InlineParserState state) {
        Scanner scanner = state.scanner();
        scanner.next(); // the '<'
        Position afterOpen = scanner.position();
        StringBuilder content = new StringBuilder();
        char c = scanner.peek();
        while (c != Scanner.END && c != '<' && c != '>' && c > ' ') {
            content.append(c);
            scanner.next();
            c = scanner.peek();
        }
        if (c == '>' && content.length() > 0) {
            String text = content.toString();
            String destination = URI.matcher(text).matches() ? text
                    : EMAIL.matcher(text).matches() ? "mailto:" + text : null;
            if (destination != null) {
                Position beforeClose = scanner.position();
                scanner.next();
                Link link = new Link(destination, null);
                Text child = new Text(text);
                child.setSourceSpans(scanner.getSource(afterOpen, beforeClose).getSourceSpans());
                link.appendChild(child);
                return ParsedInline.of(link, scanner.position());
            }
        }
        return ParsedInline.of(new Text("<"), afterOpen);
    }

    /** Registers the parser for {@code <}. */
    static final class Factory implements InlineContentParserFactory {
        @Override
        public Set<Character> getTriggerCharacters() {
            return Set.of('<');
        }

        @Override
        public InlineContentParser create() {
            return new AngleBracketParser();
        }
    }
}
