package dev.genguard.spotbugs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.genguard.engine.EngineKind;
import dev.genguard.engine.catalog.Catalog;
import dev.genguard.engine.catalog.Profile;
import dev.genguard.engine.catalog.RuleInfo;
import dev.genguard.spotbugs.dataflow.ValueTrackingDetector;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Keeps the plugin metadata (findbugs.xml, messages.xml), the rule catalog and the SpotBugs include filters of
 * the profiles in sync: bug types are public API, and a type missing from one of them silently disappears.
 */
class CatalogSyncTest {

    private static final ClassLoader LOADER = CatalogSyncTest.class.getClassLoader();
    private static final Catalog CATALOG = Catalog.load(LOADER);
    private static final Document FINDBUGS = parse(pluginResource("findbugs.xml"));
    private static final Document MESSAGES = parse(pluginResource("messages.xml"));

    @Test
    void bugPatternsAreTheCatalogsSpotBugsRules() {
        assertThat(bugPatterns().keySet()).isEqualTo(CATALOG.ids(EngineKind.SPOTBUGS));
    }

    @Test
    void bugPatternsCarryTheCatalogCweAndSecurityCategory() {
        for (Element pattern : bugPatterns().values()) {
            String type = pattern.getAttribute("type");
            RuleInfo rule = CATALOG.rule(type).orElseThrow(() -> new AssertionError(type + " is not in the catalog"));
            assertThat(pattern.getAttribute("cweid")).as("cweid of %s", type).isEqualTo(rule.cwe());
            assertThat(pattern.getAttribute("category")).as("category of %s", type).isEqualTo("SECURITY");
            assertThat(pattern.getAttribute("abbrev")).as("abbrev of %s", type).startsWith("GG");
        }
    }

    @Test
    void everyBugPatternHasMessages() {
        Map<String, Element> messages = byAttribute(MESSAGES.getDocumentElement(), "BugPattern", "type");
        for (String type : bugPatterns().keySet()) {
            Element message = messages.get(type);
            assertThat(message).as("messages.xml BugPattern %s", type).isNotNull();
            assertThat(text(message, "ShortDescription")).as("ShortDescription of %s", type).isNotBlank();
            assertThat(text(message, "LongDescription")).as("LongDescription of %s", type).isNotBlank();
            assertThat(text(message, "Details")).as("Details of %s", type).isNotBlank().contains("CWE-");
        }
        assertThat(messages.keySet()).as("messages for unknown bug types").isEqualTo(bugPatterns().keySet());
    }

    @Test
    void everyBugCodeHasMessages() {
        Set<String> abbrevs = new TreeSet<>();
        bugPatterns().values().forEach(p -> abbrevs.add(p.getAttribute("abbrev")));
        Map<String, Element> codes = byAttribute(MESSAGES.getDocumentElement(), "BugCode", "abbrev");
        assertThat(codes.keySet()).isEqualTo(abbrevs);
        codes.values().forEach(code -> assertThat(code.getTextContent()).isNotBlank());
    }

    @Test
    void everyDetectorExistsHasMessagesAndReportsKnownTypes() throws ClassNotFoundException {
        Map<String, Element> detectors = byAttribute(FINDBUGS.getDocumentElement(), "Detector", "class");
        Map<String, Element> messages = byAttribute(MESSAGES.getDocumentElement(), "Detector", "class");
        assertThat(detectors).isNotEmpty();
        Set<String> reported = new TreeSet<>();
        for (Element detector : detectors.values()) {
            String name = detector.getAttribute("class");
            Class.forName(name, false, LOADER);
            assertThat(messages).as("messages.xml Detector %s", name).containsKey(name);
            assertThat(text(messages.get(name), "Details")).as("Details of %s", name).isNotBlank();
            for (String type : detector.getAttribute("reports").split(",")) {
                reported.add(type.trim());
            }
        }
        assertThat(reported).isEqualTo(bugPatterns().keySet());
        assertThat(messages.keySet()).isEqualTo(detectors.keySet());
    }

    @Test
    void pluginHasADescription() {
        NodeList plugins = MESSAGES.getDocumentElement().getElementsByTagName("Plugin");
        assertThat(plugins.getLength()).isEqualTo(1);
        Element plugin = (Element) plugins.item(0);
        assertThat(text(plugin, "ShortDescription")).isNotBlank();
        assertThat(text(plugin, "Details")).isNotBlank();
        assertThat(FINDBUGS.getDocumentElement().getAttribute("pluginid")).isEqualTo("dev.genguard");
    }

    @Test
    void includeFiltersListTheCatalogRulesOfTheirProfile() {
        for (Profile profile : Profile.values()) {
            Document filter = parse(LOADER.getResource(profile.spotbugsIncludeFilter()));
            List<String> listed = new ArrayList<>();
            NodeList bugs = filter.getDocumentElement().getElementsByTagName("Bug");
            for (int i = 0; i < bugs.getLength(); i++) {
                listed.add(((Element) bugs.item(i)).getAttribute("pattern"));
            }
            Set<String> expected = new TreeSet<>();
            CATALOG.rules(EngineKind.SPOTBUGS, profile).forEach(r -> expected.add(r.id()));
            assertThat(listed).as("bug patterns in %s", profile.spotbugsIncludeFilter())
                    .doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(expected);
        }
    }

    private static Map<String, Element> bugPatterns() {
        return byAttribute(FINDBUGS.getDocumentElement(), "BugPattern", "type");
    }

    private static Map<String, Element> byAttribute(Element root, String tag, String attribute) {
        Map<String, Element> map = new LinkedHashMap<>();
        NodeList nodes = root.getElementsByTagName(tag);
        for (int i = 0; i < nodes.getLength(); i++) {
            Element e = (Element) nodes.item(i);
            assertThat(map.put(e.getAttribute(attribute), e)).as("duplicate %s %s", tag, e.getAttribute(attribute)).isNull();
        }
        return map;
    }

    private static String text(Element parent, String child) {
        NodeList nodes = parent.getElementsByTagName(child);
        return nodes.getLength() == 0 ? null : nodes.item(0).getTextContent().trim();
    }

    /**
     * A resource of this plugin, not of SpotBugs itself, whose jar (on the test classpath) has its own
     * findbugs.xml and messages.xml: the one under the classpath root the detector classes come from.
     */
    private static URL pluginResource(String name) {
        try {
            String root = ValueTrackingDetector.class.getProtectionDomain().getCodeSource().getLocation().toString();
            for (URL url : Collections.list(LOADER.getResources(name))) {
                if (url.toString().startsWith(root)) {
                    return url;
                }
            }
            throw new AssertionError(name + " is not under " + root);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Document parse(URL resource) {
        assertThat(resource).as("classpath resource").isNotNull();
        try (InputStream in = resource.openStream()) {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(false);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            return factory.newDocumentBuilder().parse(in);
        } catch (Exception e) {
            throw new IllegalStateException("cannot parse " + resource, e);
        }
    }
}
