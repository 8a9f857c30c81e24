import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Collects the groupId:artifactId pairs that well-known BOMs manage, for bench/popular-artifacts.sh. Follows
 * {@code <scope>import</scope>} entries up to a depth, resolving {@code ${...}} in coordinates from the POM's own
 * properties and those of its parents (the way Maven's model interpolation would for these simple cases). POMs are
 * fetched from Maven Central with curl into a cache directory, so a rerun is offline.
 *
 * Usage: java bench/BomArtifacts.java CACHE_DIR DEPTH SKIP_REGEX g:a:v[@DEPTH]...
 * SKIP_REGEX is matched against groupId:artifactId; matching pairs are left out.
 * Prints, to stdout, one line per BOM ("# bom g:a:v depth N: M artifacts (K new)") and then the sorted pairs.
 */
public class BomArtifacts {

    private static final Pattern PROPERTY = Pattern.compile("\\$\\{([^}]+)}");

    private final Path cache;
    private final Pattern skip;
    private final Map<String, Pom> poms = new HashMap<>();

    BomArtifacts(Path cache, Pattern skip) {
        this.cache = cache;
        this.skip = skip;
    }

    public static void main(String[] args) throws Exception {
        BomArtifacts tool = new BomArtifacts(Path.of(args[0]), Pattern.compile(args[2]));
        int maxDepth = Integer.parseInt(args[1]);
        Set<String> all = new TreeSet<>();
        List<String> report = new ArrayList<>();
        Set<String> seenBoms = new TreeSet<>();
        for (int i = 3; i < args.length; i++) {
            // Breadth first from each root so that a BOM reached by two roots is counted under the first.
            Deque<Visit> queue = new ArrayDeque<>();
            // A root may carry its own depth: g:a:v@N.
            String root = args[i];
            int at = root.indexOf('@');
            int rootDepth = at < 0 ? maxDepth : Integer.parseInt(root.substring(at + 1));
            queue.add(new Visit(at < 0 ? root : root.substring(0, at), 0, rootDepth));
            while (!queue.isEmpty()) {
                Visit next = queue.poll();
                String gav = next.gav();
                int depth = next.depth();
                int limit = next.limit();
                if (!seenBoms.add(gav)) {
                    continue; // imported by two BOMs: counted under the first (another version is read again)
                }
                Pom pom;
                try {
                    pom = tool.pom(gav);
                } catch (IOException e) {
                    if (depth == 0) {
                        throw e;
                    }
                    // Some aggregate BOMs import BOMs that were never published; those add nothing we could read.
                    report.add("# bom " + gav + " depth " + depth + ": not on Central, skipped");
                    continue;
                }
                Set<String> managed = new TreeSet<>();
                for (Map<String, String> dep : pom.managed) {
                    String g = pom.resolve(dep.get("groupId"));
                    String a = pom.resolve(dep.get("artifactId"));
                    if (g.contains("${") || a.contains("${")) {
                        System.err.println("unresolved " + g + ":" + a + " in " + gav);
                        continue;
                    }
                    if ("import".equals(dep.get("scope"))) {
                        if (depth < limit) {
                            queue.add(new Visit(g + ":" + a + ":" + pom.resolve(dep.get("version")), depth + 1, limit));
                        }
                        continue;
                    }
                    if (!tool.skip.matcher(g + ":" + a).matches()) {
                        managed.add(g + ":" + a);
                    }
                }
                int before = all.size();
                all.addAll(managed);
                report.add("# bom " + gav + " depth " + depth + ": " + managed.size() + " artifacts ("
                        + (all.size() - before) + " new)");
            }
        }
        report.forEach(System.out::println);
        all.forEach(System.out::println);
    }

    private Pom pom(String gav) throws Exception {
        Pom cached = poms.get(gav);
        if (cached != null) {
            return cached;
        }
        String[] p = gav.split(":");
        if (p.length != 3 || p[2].contains("${")) {
            throw new IllegalArgumentException("not a resolved g:a:v: " + gav);
        }
        Path file = cache.resolve(p[0] + "/" + p[1] + "-" + p[2] + ".pom");
        if (!Files.exists(file)) {
            Files.createDirectories(file.getParent());
            String url = "https://repo.maven.apache.org/maven2/" + p[0].replace('.', '/') + "/" + p[1] + "/" + p[2] + "/"
                    + p[1] + "-" + p[2] + ".pom";
            Path part = Path.of(file + ".part");
            Process curl = new ProcessBuilder("curl", "-sSfL", "--retry", "3", "-o", part.toString(), url)
                    .inheritIO().start();
            if (curl.waitFor() != 0) {
                throw new IOException("curl failed for " + url);
            }
            Files.move(part, file);
        }
        Document doc;
        try (InputStream in = Files.newInputStream(file)) {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(false);
            doc = f.newDocumentBuilder().parse(in);
        }
        Element project = doc.getDocumentElement();
        Map<String, String> props = new LinkedHashMap<>();
        Element parent = child(project, "parent");
        if (parent != null) {
            Pom parentPom = pom(text(parent, "groupId") + ":" + text(parent, "artifactId") + ":" + text(parent, "version"));
            props.putAll(parentPom.properties);
            props.put("project.parent.version", text(parent, "version"));
            props.put("project.parent.groupId", text(parent, "groupId"));
        }
        Element properties = child(project, "properties");
        if (properties != null) {
            for (Node n = properties.getFirstChild(); n != null; n = n.getNextSibling()) {
                if (n instanceof Element e) {
                    props.put(e.getTagName(), e.getTextContent().strip());
                }
            }
        }
        String groupId = text(project, "groupId") != null ? text(project, "groupId") : text(parent, "groupId");
        String version = text(project, "version") != null ? text(project, "version") : text(parent, "version");
        for (String prefix : List.of("project.", "pom.", "")) {
            props.put(prefix + "groupId", groupId);
            props.put(prefix + "version", version);
            props.put(prefix + "artifactId", text(project, "artifactId"));
        }
        List<Map<String, String>> managed = new ArrayList<>();
        Element dm = child(project, "dependencyManagement");
        Element deps = dm == null ? null : child(dm, "dependencies");
        if (deps != null) {
            for (Node n = deps.getFirstChild(); n != null; n = n.getNextSibling()) {
                if (n instanceof Element dep && dep.getTagName().equals("dependency")) {
                    Map<String, String> d = new TreeMap<>();
                    for (String tag : List.of("groupId", "artifactId", "version", "scope")) {
                        if (text(dep, tag) != null) {
                            d.put(tag, text(dep, tag));
                        }
                    }
                    managed.add(d);
                }
            }
        }
        Pom pom = new Pom(props, managed);
        poms.put(gav, pom);
        return pom;
    }

    private static Element child(Element parent, String tag) {
        if (parent == null) {
            return null;
        }
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && e.getTagName().equals(tag)) {
                return e;
            }
        }
        return null;
    }

    private static String text(Element parent, String tag) {
        Element e = child(parent, tag);
        return e == null ? null : e.getTextContent().strip();
    }

    /** A BOM to read, how deep in the imports it sits, and how deep its root lets imports be followed. */
    record Visit(String gav, int depth, int limit) {
    }

    record Pom(Map<String, String> properties, List<Map<String, String>> managed) {

        /** Interpolates repeatedly, since a property's value may name another property. */
        String resolve(String value) {
            if (value == null) {
                return "";
            }
            for (int round = 0; round < 10 && value.contains("${"); round++) {
                Matcher m = PROPERTY.matcher(value);
                StringBuilder out = new StringBuilder();
                while (m.find()) {
                    String v = properties.get(m.group(1));
                    m.appendReplacement(out, Matcher.quoteReplacement(v != null ? v : m.group()));
                }
                m.appendTail(out);
                value = out.toString();
            }
            return value;
        }
    }
}
