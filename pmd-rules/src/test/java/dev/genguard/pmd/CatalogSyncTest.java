package dev.genguard.pmd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;

import dev.genguard.engine.EngineKind;
import dev.genguard.engine.catalog.Catalog;
import dev.genguard.engine.catalog.Profile;
import dev.genguard.engine.catalog.RuleInfo;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;
import net.sourceforge.pmd.lang.rule.Rule;
import net.sourceforge.pmd.lang.rule.RuleSet;
import net.sourceforge.pmd.lang.rule.RuleSetLoader;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Keeps the rule catalog ({@code genguard/catalog.tsv}), the PMD category rulesets and the profiles in sync,
 * and lints the rulesets as PMD's own {@code AbstractRuleSetFactoryTest} does: schema-valid, loadable by PMD,
 * every rule with message, description (naming its CWE) and an example.
 */
class CatalogSyncTest {

    private static final String CATEGORY_DIR = "genguard/pmd/category";
    private static final String RULESET_NS = "http://pmd.sourceforge.net/ruleset/2.0.0";
    private static final Catalog CATALOG = Catalog.load();

    /** A rule as its category file declares it. */
    private record DeclaredRule(String category, String name, int priority, String message, String description,
                                List<String> examples) {
    }

    @Test
    void categoryRulesAreExactlyTheCatalogsPmdRules() {
        assertThat(declaredRules().keySet()).isEqualTo(CATALOG.ids(EngineKind.PMD));
    }

    @TestFactory
    Stream<DynamicTest> eachRuleMatchesItsCatalogRow() {
        return declaredRules().values().stream().map(rule -> DynamicTest.dynamicTest(rule.name(), () -> {
            RuleInfo info = CATALOG.rule(rule.name()).orElseThrow();
            assertThat(rule.category()).as("category file of %s", rule.name()).isEqualTo(info.category());
            // The declared priority is the default severity; a rule left out of the default profile declares its "all" one.
            assertThat(rule.priority()).as("priority of %s (catalog default severity)", rule.name())
                    .isEqualTo(info.severityIn(Profile.DEFAULT).or(() -> info.severityIn(Profile.ALL)).orElseThrow()
                            .pmdPriority());
            assertThat(rule.description()).as("description of %s", rule.name()).contains("CWE-" + info.cwe());
            assertThat(rule.message()).as("message of %s", rule.name()).isNotBlank().doesNotEndWith(".");
            // PMD formats messages with MessageFormat, where a lone apostrophe starts a quote and vanishes: write ''.
            assertThat(rule.message().replace("''", "")).as("message of %s has a lone apostrophe", rule.name())
                    .doesNotContain("'");
            assertThat(rule.examples()).as("examples of %s", rule.name()).isNotEmpty().allSatisfy(e -> assertThat(e).isNotBlank());
        }));
    }

    @TestFactory
    Stream<DynamicTest> eachProfileReferencesItsCatalogRulesAtTheirProfileSeverity() {
        return Stream.of(Profile.values()).map(profile -> DynamicTest.dynamicTest(profile.id(), () -> {
            Map<String, String> expectedRefs = new TreeMap<>();
            Map<String, Integer> expectedPriorities = new TreeMap<>();
            for (RuleInfo info : CATALOG.rules(EngineKind.PMD, profile)) {
                expectedRefs.put(info.id(), CATEGORY_DIR + "/" + info.category() + ".xml/" + info.id());
                expectedPriorities.put(info.id(), info.severityIn(profile).orElseThrow().pmdPriority());
            }
            Map<String, String> refs = new TreeMap<>();
            Map<String, Integer> priorities = new TreeMap<>();
            Document doc = parse(profile.pmdRuleset());
            NodeList rules = doc.getDocumentElement().getElementsByTagNameNS(RULESET_NS, "rule");
            for (int i = 0; i < rules.getLength(); i++) {
                Element rule = (Element) rules.item(i);
                String ref = rule.getAttribute("ref");
                String name = ref.substring(ref.lastIndexOf('/') + 1);
                assertThat(refs.put(name, ref)).as("%s references %s twice", profile.pmdRuleset(), name).isNull();
                priorities.put(name, Integer.valueOf(text(rule, "priority")));
            }
            assertThat(refs).as("rule references of %s", profile.pmdRuleset()).isEqualTo(expectedRefs);
            assertThat(priorities).as("priorities in %s", profile.pmdRuleset()).isEqualTo(expectedPriorities);

            // And PMD agrees: the loaded profile holds those rules at those priorities.
            RuleSet loaded = new RuleSetLoader().warnDeprecated(true).loadFromResource(profile.pmdRuleset());
            Map<String, Integer> loadedPriorities = new TreeMap<>();
            for (Rule r : loaded.getRules()) {
                loadedPriorities.put(r.getName(), r.getPriority().getPriority());
            }
            assertThat(loadedPriorities).isEqualTo(expectedPriorities);
        }));
    }

    @TestFactory
    Stream<DynamicTest> everyRulesetIsSchemaValidAndLoadsInPmd() {
        List<String> resources = new ArrayList<>();
        for (Path file : categoryFiles()) {
            resources.add(CATEGORY_DIR + "/" + file.getFileName());
        }
        for (Profile p : Profile.values()) {
            resources.add(p.pmdRuleset());
        }
        return resources.stream().map(resource -> DynamicTest.dynamicTest(resource, () -> {
            URL xsd = RuleSetLoader.class.getClassLoader().getResource("ruleset_2_0_0.xsd");
            assertThat(xsd).as("PMD's ruleset schema on the classpath").isNotNull();
            try (InputStream in = open(resource)) {
                SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI).newSchema(xsd).newValidator()
                        .validate(new StreamSource(in, resource));
            }
            RuleSet set = assertDoesNotThrow(() -> new RuleSetLoader().warnDeprecated(true).loadFromResource(resource));
            assertThat(set.getRules()).as("rules in %s", resource).isNotEmpty();
            for (Rule rule : set.getRules()) {
                assertThat(rule.dysfunctionReason()).as("dysfunction of %s", rule.getName()).isNull();
            }
        }));
    }

    /** Every rule of every category file, by name, read with PMD's loader (as users' builds read them). */
    private static Map<String, DeclaredRule> declaredRules() {
        Map<String, DeclaredRule> rules = new TreeMap<>();
        for (Path file : categoryFiles()) {
            String fileName = file.getFileName().toString();
            String category = fileName.substring(0, fileName.length() - ".xml".length());
            RuleSet set = new RuleSetLoader().loadFromResource(CATEGORY_DIR + "/" + fileName);
            for (Rule rule : set.getRules()) {
                DeclaredRule previous = rules.put(rule.getName(), new DeclaredRule(category, rule.getName(),
                        rule.getPriority().getPriority(), rule.getMessage(), rule.getDescription(), rule.getExamples()));
                assertThat(previous).as("rule %s declared in two category files", rule.getName()).isNull();
            }
        }
        return rules;
    }

    /** The category rulesets, listed from the rules jar's own output directory (tests run on target/classes). */
    private static List<Path> categoryFiles() {
        URL dir = CatalogSyncTest.class.getClassLoader().getResource(CATEGORY_DIR);
        assertThat(dir).as(CATEGORY_DIR + " on the test classpath").isNotNull();
        assertThat(dir.getProtocol()).as("tests read the category rulesets from a directory").isEqualTo("file");
        try (Stream<Path> files = Files.list(Path.of(dir.toURI()))) {
            return files.filter(p -> p.getFileName().toString().endsWith(".xml")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static InputStream open(String resource) {
        InputStream in = CatalogSyncTest.class.getClassLoader().getResourceAsStream(resource);
        assertThat(in).as(resource + " on the classpath").isNotNull();
        return in;
    }

    private static Document parse(String resource) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        try (InputStream in = open(resource)) {
            return factory.newDocumentBuilder().parse(in);
        }
    }

    private static String text(Element parent, String child) {
        NodeList list = parent.getElementsByTagNameNS(RULESET_NS, child);
        assertThat(list.getLength()).as("<%s> in rule %s", child, parent.getAttribute("ref")).isEqualTo(1);
        return list.item(0).getTextContent().trim();
    }
}
