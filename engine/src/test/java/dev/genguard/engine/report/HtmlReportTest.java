package dev.genguard.engine.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.genguard.engine.EngineKind;
import dev.genguard.engine.Finding;
import dev.genguard.engine.ScanError;
import dev.genguard.engine.Severity;
import dev.genguard.engine.catalog.Catalog;
import dev.genguard.engine.catalog.Profile;
import dev.genguard.engine.governance.AiRegion;
import dev.genguard.engine.governance.AiTag;
import dev.genguard.engine.governance.AssessedFinding;
import dev.genguard.engine.governance.Assessment;
import dev.genguard.engine.governance.FileRisk;
import dev.genguard.engine.governance.FindingState;
import dev.genguard.engine.governance.ProvenanceSource;
import dev.genguard.engine.governance.Review;
import dev.genguard.engine.governance.Suppression;
import java.io.ByteArrayOutputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

class HtmlReportTest {

    private static final Catalog CATALOG = Catalog.load();

    /** Everything analysed code could use to break out of the page, restyle a terminal, or hide text. */
    private static final String HOSTILE = "<script>alert(1)</script> </script> \"><img src=x onerror=alert(1)> ]]> &amp; "
            + "it's \u001b[31mred\u001b[0m nul\u0000 bell\u0007 del\u007f c1\u009b bidi\u202eevil\u2066 ls\u2028 Grüße ✓";

    /** A file name a Linux checkout can have. */
    private static final String EVIL_FILE = "src/main/java/x/<b>Evil&'.java";
    private static final String MISSING_FILE = "src/main/java/x/Missing.java";

    @TempDir
    Path dir;

    @Test
    void nothingFromAnalysedCodeReachesThePageUnescaped() throws Exception {
        Path base = dir.resolve("module");
        writeSource(base);
        Path out = dir.resolve("report/genguard.html");
        HtmlReport.write(hostile(), CATALOG, base, out);
        byte[] bytes = Files.readAllBytes(out);
        String html = new String(bytes, StandardCharsets.UTF_8);

        // The report has no markup of its own that could be confused with the input's.
        assertThat(html).doesNotContain("<script", "</script", "<img", "<b>Evil", "]]>");
        // The input is there, escaped.
        assertThat(html).contains("&lt;script&gt;alert(1)&lt;/script&gt;", "&lt;/script&gt;",
                "&quot;&gt;&lt;img src=x onerror=alert(1)&gt;", "]]&gt;", "&amp;amp;", "it&#39;s",
                "src/main/java/x/&lt;b&gt;Evil&amp;&#39;.java");
        // Control, bidi and separator characters are shown, never emitted.
        for (char c : new char[] {'\u001b', '\u0000', '\u0007', '\u007f', '\u009b', '\u202e', '\u2066', '\u2028'}) {
            assertThat(html.indexOf(c)).as("U+%04X in the output", (int) c).isEqualTo(-1);
        }
        assertThat(html).contains("\\u001b[31mred\\u001b[0m", "nul\\u0000", "bidi\\u202eevil\\u2066");
        // Non-ASCII text survives, as UTF-8.
        assertThat(html).contains("Grüße ✓");
        assertThat(bytes).containsSequence("Grüße ✓".getBytes(StandardCharsets.UTF_8));
        // Every kind of field went through the escaping: the hostile text appears once per place it was put.
        assertThat(count(html, "&lt;script&gt;alert(1)")).isGreaterThanOrEqualTo(12);
        // No script, no external resource, and a policy that would block both.
        assertThat(html).contains("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\" />")
                .doesNotContain("src=\"", "<link", "@import", "url(");
        assertThat(html).doesNotContain(dir.toString());

        Document doc = parse(html);
        assertThat(doc.getElementsByTagName("html").getLength()).isEqualTo(1);
        assertThat(doc.getElementsByTagName("script").getLength()).isZero();
        assertThat(doc.getElementsByTagName("img").getLength()).isZero();
        // Only the report's own links, to CWE pages.
        NodeList links = doc.getElementsByTagName("a");
        for (int i = 0; i < links.getLength(); i++) {
            String href = ((Element) links.item(i)).getAttribute("href");
            assertThat(href).matches("#file-[0-9]+|https://cwe\\.mitre\\.org/data/definitions/[0-9]+\\.html");
        }
    }

    @Test
    void excerptShowsTheFlaggedLinesWithContextAndMarksThem() throws Exception {
        Path base = dir.resolve("module");
        writeSource(base);
        Document doc = parse(HtmlReport.render(hostile(), CATALOG, base));

        Element section = fileSection(doc, EVIL_FILE);
        List<String> lines = excerptLines(section, 0);
        // The finding is on line 4: lines 2 to 6, line 4 marked.
        assertThat(lines).hasSize(5);
        assertThat(lines.get(0)).startsWith("2   ");
        assertThat(lines.get(2)).startsWith("4 > ").contains("String s = \"<script>alert(1)</script>\";");
        assertThat(lines.get(1)).startsWith("3   ").contains("\\u001b[31m");
        // Malformed UTF-8 is replaced, not fatal; valid UTF-8 on the same line is kept.
        assertThat(lines.get(3)).startsWith("5   ").contains("bad \uFFFD( byte", "Grüße");
        List<Element> hits = elements(section, "span", "line hit");
        assertThat(hits).hasSize(1);
        assertThat(hits.get(0).getTextContent()).startsWith("4 >");
    }

    @Test
    void missingOrOutsideSourceGivesAFindingWithoutExcerpt() throws Exception {
        Path base = dir.resolve("module");
        writeSource(base);
        Path secret = dir.resolve("secret.txt");
        Files.writeString(secret, "TOP SECRET\nTOP SECRET\nTOP SECRET\n");
        // A link committed to the analysed repository that points out of it.
        Path link = base.resolve("src/main/java/x/Link.java");
        try {
            Files.createSymbolicLink(link, secret);
        } catch (UnsupportedOperationException | java.io.IOException e) {
            Assumptions.abort("no symbolic links here: " + e);
        }
        Assessment a = new Assessment("m", Profile.DEFAULT, List.of(
                finding(MISSING_FILE, 3, "missing file", FindingState.NEW),
                finding("../secret.txt", 2, "outside the base directory", FindingState.NEW),
                finding("src/main/java/x/Link.java", 2, "linked out of the base directory", FindingState.NEW),
                finding(EVIL_FILE, 400, "beyond the end of the file", FindingState.NEW)),
                List.of(), List.of(), 0, 0, 0, List.of(), List.of());
        String html = HtmlReport.render(a, CATALOG, base);
        Document doc = parse(html);

        assertThat(html).contains("missing file", "outside the base directory", "linked out of the base directory",
                "beyond the end of the file").doesNotContain("TOP SECRET");
        assertThat(doc.getElementsByTagName("article").getLength()).isEqualTo(4);
        assertThat(doc.getElementsByTagName("pre").getLength()).isZero();
        // A base directory that does not exist is no reason to fail either.
        assertThat(HtmlReport.render(a, CATALOG, dir.resolve("nowhere"))).contains("missing file");
    }

    @Test
    void excerptsAreReadInTheSourceEncoding() throws Exception {
        // A module with project.build.sourceEncoding ISO-8859-1: the excerpt must show its text, not U+FFFD.
        Path base = dir.resolve("latin1");
        Path file = base.resolve("src/main/java/a/Gruss.java");
        Files.createDirectories(file.getParent());
        Files.write(file, "class Gruss {\n    String s = \"Grüße\";\n}\n".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
        Assessment a = new Assessment("m", Profile.DEFAULT, List.of(finding("src/main/java/a/Gruss.java", 2, "m",
                FindingState.NEW)), List.of(), List.of(), 0, 3, 0, List.of(), List.of());
        Path out = dir.resolve("latin1.html");
        Reports.write(a, CATALOG, base, dir, java.util.Set.of("html"), "0.1.0", java.nio.charset.StandardCharsets.ISO_8859_1);
        assertThat(Files.readString(dir.resolve("genguard.html"))).contains("Grüße").doesNotContain("\uFFFD");
    }

    @Test
    void summaryCountsSeveritiesAndStatesAndShowsRiskAndAiShare() throws Exception {
        Document doc = parse(HtmlReport.render(ReportFixtures.rich(), CATALOG, dir));
        Element counts = (Element) doc.getElementsByTagName("table").item(0);
        assertThat(counts.getAttribute("class")).isEqualTo("counts");
        // Rows: BLOCKER, CRITICAL, MAJOR, MINOR, All; columns: New, Baseline, Suppressed, Total.
        assertThat(rowTexts(counts)).containsExactly(
                List.of("Severity", "New", "Baseline", "Suppressed", "Total"),
                List.of("BLOCKER", "0", "0", "0", "0"),
                List.of("CRITICAL", "1", "1", "0", "2"),
                List.of("MAJOR", "1", "0", "1", "2"),
                List.of("MINOR", "0", "0", "0", "0"),
                List.of("All", "2", "1", "1", "4"));
        String header = doc.getElementsByTagName("header").item(0).getTextContent();
        assertThat(header).contains("shop-api", "Profile default", "Risk 42/100", "AI share 27.1% (13 of 48 lines)",
                "Fixed baseline entries 3");

        Element risk = (Element) doc.getElementsByTagName("table").item(1);
        assertThat(rowTexts(risk)).containsExactly(
                List.of("File", "Score", "Finding points", "AI share", "Sensitive areas", "Unreviewed"),
                List.of(ReportFixtures.A, "60", "13", "45.0%", "auth, sql", "0"),
                List.of(ReportFixtures.B, "25", "8", "14.3%", "logging", "1"));

        Element inventory = (Element) doc.getElementsByTagName("table").item(2);
        List<List<String>> rows = rowTexts(inventory);
        assertThat(rows).hasSize(3);
        assertThat(rows.get(1)).containsExactly(ReportFixtures.A, "a.A#connect()", "2\u201310", "annotation",
                "Copilot / gpt-4o", "connect to the db", "https://prompts.example/1", "@team-sec",
                "reviewed by alice on 2024-05-01 (SEC-12)", "2");
        assertThat(rows.get(2)).containsExactly(ReportFixtures.B, "a.B#log(String)", "11\u201314", "trailer", "Claude", "",
                "", "bob", "not reviewed", "1");

        String text = doc.getDocumentElement().getTextContent();
        assertThat(text).contains("Suppressed", "the value is masked by the layout (comment, line 12)",
                "Hardcoded credential", "CWE-798", "parse error at 3:1", "shallow clone");
    }

    @Test
    void emptyAssessmentRendersEverySection() throws Exception {
        Path out = dir.resolve("empty.html");
        HtmlReport.write(ReportFixtures.empty(), CATALOG, dir, out);
        String html = Files.readString(out, StandardCharsets.UTF_8);
        Document doc = parse(html);
        assertThat(doc.getElementsByTagName("h2").getLength()).isEqualTo(4);
        assertThat(html).contains("No findings.", "No AI-tagged code.", "None: every source was analysed.",
                "AI share <b>0.0%</b>");
    }

    @Test
    void equalInputGivesByteIdenticalOutput() throws Exception {
        Path base = dir.resolve("module");
        writeSource(base);
        Path a = dir.resolve("a.html");
        Path b = dir.resolve("b.html");
        HtmlReport.write(hostile(), CATALOG, base, a);
        HtmlReport.write(hostile(), CATALOG, base, b);
        assertThat(Files.readAllBytes(a)).isEqualTo(Files.readAllBytes(b));
    }

    /** Every free-text field of the model carries the hostile text. */
    private static Assessment hostile() {
        AiRegion region = new AiRegion(EVIL_FILE, HOSTILE, 1, 6, ProvenanceSource.COMMENT,
                new AiTag(HOSTILE, HOSTILE, HOSTILE, HOSTILE), HOSTILE, HOSTILE,
                new Review(HOSTILE, HOSTILE, HOSTILE, "comment", 1));
        List<AssessedFinding> findings = List.of(
                new AssessedFinding(new Finding("SqlQueryConcatenation", EngineKind.PMD, Severity.CRITICAL, "89", EVIL_FILE, 4,
                        4, HOSTILE), "fp1", HOSTILE, FindingState.SUPPRESSED,
                        new Suppression("SqlQueryConcatenation", HOSTILE, HOSTILE, 4), region),
                new AssessedFinding(new Finding(HOSTILE, EngineKind.GOVERNANCE, Severity.MAJOR, HOSTILE, MISSING_FILE, 2, 2,
                        HOSTILE), "fp2", HOSTILE, FindingState.NEW, null, null));
        return new Assessment(HOSTILE, Profile.DEFAULT, findings, List.of(region),
                List.of(new FileRisk(EVIL_FILE, 50, 8, 6, 6, List.of(HOSTILE), 1)), 50, 6, 0, List.of(HOSTILE),
                List.of(new ScanError(EngineKind.SPOTBUGS, HOSTILE, HOSTILE)));
    }

    private static AssessedFinding finding(String file, int line, String message, FindingState state) {
        return new AssessedFinding(new Finding("HardcodedCredential", EngineKind.PMD, Severity.CRITICAL, "798", file, line,
                line, message), "", "", state, null, null);
    }

    /** Six lines; line 5 has a malformed UTF-8 sequence (0xC3 0x28) next to valid "Grüße". */
    private static void writeSource(Path base) throws Exception {
        Path file = base.resolve(EVIL_FILE);
        Files.createDirectories(file.getParent());
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.writeBytes(("package x;\n"
                + "class Evil {\n"
                + "  // \u001b[31m red \u0000 ]]> &amp;\n"
                + "  String s = \"<script>alert(1)</script>\";\n").getBytes(StandardCharsets.UTF_8));
        bytes.writeBytes("  // bad ".getBytes(StandardCharsets.UTF_8));
        bytes.write(0xC3);
        bytes.writeBytes("( byte Grüße\n}\n".getBytes(StandardCharsets.UTF_8));
        Files.write(file, bytes.toByteArray());
    }

    /** A strict XML parse: the report is polyglot XHTML, so any unbalanced or unescaped markup fails here. */
    private static Document parse(String html) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        factory.setExpandEntityReferences(false);
        return factory.newDocumentBuilder().parse(new InputSource(new StringReader(html)));
    }

    private static Element fileSection(Document doc, String file) {
        for (Element section : elements(doc.getDocumentElement(), "section", "file")) {
            if (section.getElementsByTagName("h3").item(0).getTextContent().equals(file)) {
                return section;
            }
        }
        throw new AssertionError("no section for " + file);
    }

    /** The text of each line of the n-th excerpt in {@code scope}. */
    private static List<String> excerptLines(Element scope, int n) {
        Element pre = (Element) scope.getElementsByTagName("pre").item(n);
        List<String> lines = new ArrayList<>();
        for (Element line : elements(pre, "span", null)) {
            if (line.getAttribute("class").startsWith("line")) {
                lines.add(line.getTextContent());
            }
        }
        return lines;
    }

    private static List<Element> elements(Element scope, String tag, String cssClass) {
        List<Element> found = new ArrayList<>();
        NodeList list = scope.getElementsByTagName(tag);
        for (int i = 0; i < list.getLength(); i++) {
            Element e = (Element) list.item(i);
            if (cssClass == null || e.getAttribute("class").equals(cssClass)) {
                found.add(e);
            }
        }
        return found;
    }

    private static List<List<String>> rowTexts(Element table) {
        List<List<String>> rows = new ArrayList<>();
        NodeList trs = table.getElementsByTagName("tr");
        for (int i = 0; i < trs.getLength(); i++) {
            List<String> cells = new ArrayList<>();
            NodeList children = trs.item(i).getChildNodes();
            for (int c = 0; c < children.getLength(); c++) {
                if (children.item(c) instanceof Element cell) {
                    cells.add(cell.getTextContent());
                }
            }
            rows.add(cells);
        }
        return rows;
    }

    private static int count(String s, String part) {
        int n = 0;
        for (int i = s.indexOf(part); i >= 0; i = s.indexOf(part, i + 1)) {
            n++;
        }
        return n;
    }
}
