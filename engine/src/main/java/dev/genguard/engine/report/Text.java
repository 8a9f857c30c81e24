package dev.genguard.engine.report;

/** Text from analysed code made safe for a terminal or log: no control characters, no ANSI escapes. */
final class Text {

    private Text() {
    }

    static String oneLine(String s) {
        StringBuilder b = new StringBuilder(s.length());
        s.codePoints().forEach(c -> {
            if (c == '\n' || c == '\r' || c == '\t') {
                b.append(' ');
            } else if (Character.isISOControl(c) || c == 0x2028 || c == 0x2029) {
                b.append(String.format("\\u%04x", c));
            } else {
                b.appendCodePoint(c);
            }
        });
        return b.toString();
    }
}
