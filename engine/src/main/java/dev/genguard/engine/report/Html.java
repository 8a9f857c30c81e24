package dev.genguard.engine.report;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * HTML in both directions: text from analysed code made safe to put into the HTML report, and the HTML of rule
 * documentation (SpotBugs {@code <Details>}) turned into plain text or Markdown for SARIF.
 */
final class Html {

    /** Start or end tag; group 1 is "/" for an end tag, group 2 the lower-cased name. Attributes are dropped. */
    private static final Pattern TAG = Pattern.compile("<(/?)([a-zA-Z][a-zA-Z0-9]*)\\b[^>]*>");
    private static final Pattern ENTITY = Pattern.compile("&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[a-zA-Z]+);");

    private Html() {
    }

    /**
     * One line of text for an element or attribute: escaped, line breaks and tabs as spaces, invisible and
     * control characters shown as {@code \\uXXXX} so that nothing in the report can hide or restyle what is
     * there (ANSI escapes, NUL, bidi overrides as in "Trojan Source").
     */
    static String text(String s) {
        return escape(s, false);
    }

    /** One line of a source excerpt: as {@link #text} but tabs stay (the block is {@code <pre>}). */
    static String codeLine(String s) {
        return escape(s, true);
    }

    private static String escape(String s, boolean keepTabs) {
        if (s == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(s.length() + 16);
        s.codePoints().forEach(c -> {
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                case '\t' -> b.append(keepTabs ? "\t" : " ");
                case '\n', '\r' -> b.append(' ');
                default -> {
                    if (c <= 0xFFFF && Character.isSurrogate((char) c)) {
                        // A lone surrogate has no UTF-8 form: a reader sees the replacement character.
                        b.append('\uFFFD');
                    } else if (visibleEscape(c)) {
                        b.append(String.format("\\u%04x", c));
                    } else {
                        b.appendCodePoint(c);
                    }
                }
            }
        });
        return b.toString();
    }

    /**
     * Characters that must not reach the page as themselves: C0/C1 controls (also illegal in XML, which keeps
     * the report parseable as XHTML), line and paragraph separators, bidi embedding, override and isolate
     * controls (they reorder how code reads), and the non-characters U+FFFE and U+FFFF.
     */
    private static boolean visibleEscape(int c) {
        return Character.isISOControl(c) || c == 0x2028 || c == 0x2029
                || (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069) || c == 0x200E || c == 0x200F
                || c == 0xFFFE || c == 0xFFFF;
    }

    /** Rule documentation HTML as plain text: paragraphs separated by blank lines, code blocks kept as written. */
    static String toPlainText(String html) {
        return convert(html, false);
    }

    /** Rule documentation HTML as Markdown: {@code <code>} as code spans, {@code <pre>} as fenced Java blocks. */
    static String toMarkdown(String html) {
        return convert(html, true);
    }

    /**
     * A deliberately small converter for the tags rule documentation uses ({@code p, ul, li, pre, code}); other
     * tags are dropped and their text kept. The input is GenGuard's own documentation, not analysed code.
     */
    private static String convert(String html, boolean markdown) {
        StringBuilder out = new StringBuilder();
        Matcher m = TAG.matcher(html);
        int at = 0;
        boolean pre = false;
        while (m.find()) {
            appendText(out, html.substring(at, m.start()), pre);
            at = m.end();
            boolean end = !m.group(1).isEmpty();
            switch (m.group(2).toLowerCase(Locale.ROOT)) {
                case "p", "ul", "ol", "div", "br" -> paragraph(out);
                case "li" -> {
                    if (!end) {
                        newline(out);
                        out.append("- ");
                    }
                }
                case "pre" -> {
                    pre = !end;
                    if (markdown && end) {
                        newline(out);
                        out.append("```");
                        paragraph(out);
                    } else {
                        paragraph(out);
                        if (markdown) {
                            out.append("```java\n");
                        }
                    }
                }
                case "code" -> {
                    if (markdown && !pre) {
                        out.append('`');
                    }
                }
                default -> {
                    // Inline formatting (em, b, a...): the text alone reads fine.
                }
            }
        }
        appendText(out, html.substring(at), pre);
        return out.toString().strip().replaceAll("[ ]+\n", "\n").replaceAll("\n{3,}", "\n\n");
    }

    /** Text between tags: whitespace collapsed outside {@code <pre>}, verbatim (less the first newline) inside. */
    private static void appendText(StringBuilder out, String raw, boolean pre) {
        String text = decodeEntities(raw);
        if (pre) {
            out.append(text);
            return;
        }
        String collapsed = text.replaceAll("\\s+", " ");
        if (collapsed.startsWith(" ") && (out.isEmpty() || Character.isWhitespace(out.charAt(out.length() - 1)))) {
            collapsed = collapsed.substring(1);
        }
        out.append(collapsed);
    }

    private static void newline(StringBuilder out) {
        trimTrailingSpaces(out);
        if (!out.isEmpty() && out.charAt(out.length() - 1) != '\n') {
            out.append('\n');
        }
    }

    private static void paragraph(StringBuilder out) {
        trimTrailingSpaces(out);
        if (out.isEmpty()) {
            return;
        }
        if (out.charAt(out.length() - 1) != '\n') {
            out.append('\n');
        }
        if (out.length() < 2 || out.charAt(out.length() - 2) != '\n') {
            out.append('\n');
        }
    }

    private static void trimTrailingSpaces(StringBuilder out) {
        while (!out.isEmpty() && out.charAt(out.length() - 1) == ' ') {
            out.setLength(out.length() - 1);
        }
    }

    static String decodeEntities(String s) {
        if (s.indexOf('&') < 0) {
            return s;
        }
        Matcher m = ENTITY.matcher(s);
        StringBuilder b = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(b, Matcher.quoteReplacement(entity(m.group(1), m.group())));
        }
        m.appendTail(b);
        return b.toString();
    }

    private static String entity(String name, String whole) {
        if (name.startsWith("#")) {
            try {
                int cp = name.length() > 1 && (name.charAt(1) == 'x' || name.charAt(1) == 'X')
                        ? Integer.parseInt(name.substring(2), 16) : Integer.parseInt(name.substring(1));
                return Character.isValidCodePoint(cp) ? Character.toString(cp) : whole;
            } catch (NumberFormatException e) {
                return whole;
            }
        }
        return switch (name) {
            case "lt" -> "<";
            case "gt" -> ">";
            case "amp" -> "&";
            case "quot" -> "\"";
            case "apos" -> "'";
            case "nbsp" -> "\u00A0";
            default -> whole;
        };
    }
}
