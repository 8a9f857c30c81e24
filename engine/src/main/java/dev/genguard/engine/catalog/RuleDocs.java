package dev.genguard.engine.catalog;

import dev.genguard.engine.EngineKind;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * The documentation each rule ships with, read from where its engine reads it: a PMD rule's
 * {@code <description>}, {@code <message>} and {@code <example>}s in its category ruleset
 * ({@code genguard/pmd/category/<category>.xml} in the rules jar), a SpotBugs bug pattern's
 * {@code <ShortDescription>}, {@code <LongDescription>} and {@code <Details>} in the plugin's {@code messages.xml}.
 * One source of truth for the rule reference, and for reports that explain a finding.
 */
public final class RuleDocs {

    /**
     * @param id          the rule id
     * @param message     the message template (PMD message, SpotBugs long description)
     * @param description what the rule finds, why, and the fix: plain text for PMD (with Markdown code spans),
     *                    HTML for SpotBugs
     * @param html        whether {@code description} is HTML
     * @param examples    code examples (PMD); SpotBugs details carry theirs inline
     */
    public record Doc(String id, String message, String description, boolean html, List<String> examples) {
        public Doc {
            examples = List.copyOf(examples);
        }
    }

    /** The documentation of the Maven plugin's own checks. */
    public static final String GOVERNANCE_DOCS = "genguard/governance/rules.xml";

    private final Map<String, Doc> docs;

    private RuleDocs(Map<String, Doc> docs) {
        this.docs = Map.copyOf(docs);
    }

    /** The docs of every catalog rule whose engine's resources {@code loader} can see; others are absent. */
    public static RuleDocs load(Catalog catalog, ClassLoader loader) {
        Map<String, Doc> docs = new HashMap<>();
        Map<String, Document> categories = new HashMap<>();
        for (RuleInfo rule : catalog.rules()) {
            if (rule.engine() == EngineKind.SPOTBUGS) {
                continue;
            }
            // Governance rules' docs have the shape of a PMD category ruleset.
            String resource = rule.engine() == EngineKind.GOVERNANCE ? GOVERNANCE_DOCS
                    : "genguard/pmd/category/" + rule.category() + ".xml";
            Document category = categories.computeIfAbsent(resource, r -> parse(loader.getResource(r)));
            if (category != null) {
                pmdRule(category, rule.id()).ifPresent(d -> docs.put(d.id(), d));
            }
        }
        for (Document messages : spotBugsMessages(loader)) {
            NodeList patterns = messages.getDocumentElement().getElementsByTagName("BugPattern");
            for (int i = 0; i < patterns.getLength(); i++) {
                Element pattern = (Element) patterns.item(i);
                String type = pattern.getAttribute("type");
                if (catalog.rule(type).filter(r -> r.engine() == EngineKind.SPOTBUGS).isPresent()) {
                    docs.put(type, new Doc(type, childText(pattern, "LongDescription"), childText(pattern, "Details"),
                            true, List.of()));
                }
            }
        }
        return new RuleDocs(docs);
    }

    public Optional<Doc> doc(String ruleId) {
        return Optional.ofNullable(docs.get(ruleId));
    }

    private static Optional<Doc> pmdRule(Document category, String id) {
        NodeList rules = category.getDocumentElement().getElementsByTagNameNS("*", "rule");
        for (int i = 0; i < rules.getLength(); i++) {
            Element rule = (Element) rules.item(i);
            if (!id.equals(rule.getAttribute("name"))) {
                continue;
            }
            List<String> examples = new ArrayList<>();
            NodeList exampleNodes = rule.getElementsByTagNameNS("*", "example");
            for (int e = 0; e < exampleNodes.getLength(); e++) {
                examples.add(exampleNodes.item(e).getTextContent().strip());
            }
            String message = rule.getAttribute("message");
            return Optional.of(new Doc(id, message, childText(rule, "description"), false, examples));
        }
        return Optional.empty();
    }

    /** Every {@code messages.xml} on the class path that declares a GenGuard bug pattern (SpotBugs has its own). */
    private static List<Document> spotBugsMessages(ClassLoader loader) {
        List<Document> found = new ArrayList<>();
        try {
            Enumeration<URL> urls = loader.getResources("messages.xml");
            while (urls.hasMoreElements()) {
                Document doc = parse(urls.nextElement());
                if (doc != null && "MessageCollection".equals(doc.getDocumentElement().getTagName())) {
                    found.add(doc);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return found;
    }

    private static String childText(Element parent, String name) {
        NodeList list = parent.getElementsByTagNameNS("*", name);
        if (list.getLength() == 0) {
            list = parent.getElementsByTagName(name);
        }
        return list.getLength() == 0 ? "" : list.item(0).getTextContent().strip();
    }

    private static Document parse(URL url) {
        if (url == null) {
            return null;
        }
        try (InputStream in = url.openStream()) {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            return factory.newDocumentBuilder().parse(in, url.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + url, e);
        } catch (ParserConfigurationException | SAXException e) {
            throw new IllegalStateException("malformed rule documentation " + url + ": " + e.getMessage(), e);
        }
    }
}
