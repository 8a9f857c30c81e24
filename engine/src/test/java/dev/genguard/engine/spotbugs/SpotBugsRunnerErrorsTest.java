package dev.genguard.engine.spotbugs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.genguard.engine.EngineKind;
import dev.genguard.engine.EngineResult;
import dev.genguard.engine.ScanError;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A detector that throws must not pass unnoticed: SpotBugs catches the exception per class and detector and
 * only logs it, so the runner has to turn what was logged into scan errors that name the class's file.
 */
class SpotBugsRunnerErrorsTest {

    private static final String DETECTOR = ThrowingDetector.class.getName();
    private static final Path TEST_CLASSES = Path.of("target/test-classes");
    private static final Path TEST_SOURCES = Path.of("src/test/java");

    @TempDir
    static Path dir;

    private static Path plugin;
    private static EngineResult result;

    @BeforeAll
    static void analyseWithAThrowingDetector() throws IOException {
        plugin = dir.resolve("throwing-plugin.jar");
        writePlugin(plugin);
        result = SpotBugsRunner.run(request(classes("classes", ThrowingDetector.Victim.class, ThrowingDetector.Logged.class,
                SpotBugsRunnerErrorsTest.class)));
    }

    @Test
    void runningOutOfHeapIsAnOutOfMemoryErrorNotAWrappedAnalysisFailure() throws IOException {
        // SpotBugs wraps what its analysis throws in an AnalysisException; the caller must see the heap ran out.
        assertThatThrownBy(() -> SpotBugsRunner.run(request(classes("exhausting", ThrowingDetector.Exhausting.class))))
                .isInstanceOf(OutOfMemoryError.class).hasMessage("deliberate: Java heap space");
    }

    @Test
    void classesMissingFromTheClassPathAreOneNoteNotAnError() throws IOException {
        EngineResult missing = SpotBugsRunner.run(request(classes("missing", MissingSuper.Child.class)));
        assertThat(missing.errors()).isEmpty();
        // The superclass, and the nest host that the class file names too.
        assertThat(missing.notes()).containsExactly("SpotBugs could not find 2 classes the analysed code refers to"
                + " (dev.genguard.engine.spotbugs.MissingSuper, dev.genguard.engine.spotbugs.MissingSuper$Parent):"
                + " findings that depend on them may be missing; is a dependency missing from the class path?");
        assertThat(result.notes()).singleElement().asString().startsWith("SpotBugs could not find ")
                .contains("dev.genguard.engine.spotbugs.MissingSuper$Child");
    }

    @Test
    void aNoteOnManyMissingClassesNamesTheFirstFive() {
        assertThat(SpotBugsRunner.missingClasses(List.of("g", "f", "e", "d", "c", "b", "a").iterator())).containsExactly(
                "SpotBugs could not find 7 classes the analysed code refers to (a, b, c, d, e, ...): findings that"
                        + " depend on them may be missing; is a dependency missing from the class path?");
        assertThat(SpotBugsRunner.missingClasses(java.util.Collections.emptyIterator())).isEmpty();
    }

    private static Path classes(String name, Class<?>... copied) throws IOException {
        Path classes = dir.resolve(name);
        for (Class<?> c : copied) {
            Path relative = Path.of(c.getName().replace('.', '/') + ".class");
            Files.createDirectories(classes.resolve(relative).getParent());
            Files.copy(TEST_CLASSES.resolve(relative), classes.resolve(relative));
        }
        return classes;
    }

    private static SpotBugsRunner.Request request(Path classes) {
        return new SpotBugsRunner.Request(List.of(classes), List.of(), List.of(TEST_SOURCES), Path.of(""), List.of(plugin),
                "default");
    }

    @Test
    void aDetectorExceptionIsAScanErrorNamingTheSourceFileDetectorAndException() {
        assertThat(result.errors()).contains(new ScanError(EngineKind.SPOTBUGS,
                "src/test/java/dev/genguard/engine/spotbugs/ThrowingDetector.java",
                "detector ThrowingDetector failed: java.lang.IllegalStateException: deliberate failure on ThrowingDetector.java at "
                        + DETECTOR + ".visitClassContext(ThrowingDetector.java:23)"));
    }

    @Test
    void anExceptionTheDetectorCaughtAndLoggedIsAScanErrorToo() {
        assertThat(result.errors()).anySatisfy(e -> assertThat(e.message())
                .startsWith("GenGuard test: cannot analyse " + ThrowingDetector.Logged.class.getName()
                        + ": java.lang.ArithmeticException: caught and logged at " + DETECTOR));
    }

    @Test
    void classesTheDetectorHandlesCleanlyGiveNoError() {
        assertThat(result.errors()).hasSize(2);
        assertThat(result.findings()).isEmpty();
    }

    @Test
    void aClassWithoutSourceIsNamedByItsClassName() {
        ScanError error = SpotBugsRunner.error(new SpotBugsRunner.Request(List.of(), List.of(), List.of(TEST_SOURCES),
                Path.of(""), List.of(), null), "Exception analyzing com.example.Gone$Inner using detector a.b.SomeDetector",
                new NullPointerException());
        assertThat(error.file()).isEqualTo("com.example.Gone$Inner");
        assertThat(error.message()).startsWith("detector SomeDetector failed: java.lang.NullPointerException at ");
    }

    /** A SpotBugs plugin jar holding the throwing detector, as a third-party plugin would ship it. */
    private static void writePlugin(Path jar) throws IOException {
        String findbugs = """
                <FindbugsPlugin pluginid="dev.genguard.test.throwing" provider="GenGuard tests" defaultenabled="true">
                  <Detector class="%s" reports="GENGUARD_TEST_NEVER_REPORTED" speed="fast"/>
                  <BugPattern type="GENGUARD_TEST_NEVER_REPORTED" abbrev="GGTEST" category="CORRECTNESS"/>
                </FindbugsPlugin>
                """.formatted(DETECTOR);
        String messages = """
                <MessageCollection>
                  <Plugin><ShortDescription>throwing test plugin</ShortDescription><Details>test only</Details></Plugin>
                  <Detector class="%s"><Details>throws on purpose</Details></Detector>
                  <BugPattern type="GENGUARD_TEST_NEVER_REPORTED">
                    <ShortDescription>never</ShortDescription><LongDescription>never in {1}</LongDescription>
                    <Details>never reported</Details>
                  </BugPattern>
                  <BugCode abbrev="GGTEST">test</BugCode>
                </MessageCollection>
                """.formatted(DETECTOR);
        try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file)) {
            put(out, "findbugs.xml", findbugs.getBytes(StandardCharsets.UTF_8));
            put(out, "messages.xml", messages.getBytes(StandardCharsets.UTF_8));
            for (Class<?> c : List.of(ThrowingDetector.class, ThrowingDetector.Victim.class, ThrowingDetector.Logged.class,
                    ThrowingDetector.Exhausting.class)) {
                String name = c.getName().replace('.', '/') + ".class";
                put(out, name, Files.readAllBytes(TEST_CLASSES.resolve(name)));
            }
        }
    }

    private static void put(JarOutputStream out, String name, byte[] bytes) throws IOException {
        out.putNextEntry(new JarEntry(name));
        out.write(bytes);
        out.closeEntry();
    }
}
