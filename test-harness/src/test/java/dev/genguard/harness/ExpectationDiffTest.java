package dev.genguard.harness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;

class ExpectationDiffTest {

    private static final Set<String> PMD = Set.of("HardcodedCredential", "FailOpenSecurityCheck");
    private static final Set<String> ALL = Set.of("HardcodedCredential", "FailOpenSecurityCheck", "GENGUARD_WEAK_CIPHER");

    private static final FixtureFile FILE = FixtureFile.parse("fixtures/a/A.java", List.of(
            "class A {",
            "  String p = \"changeme\"; // expect: HardcodedCredential",
            "  Cipher c = Cipher.getInstance(\"AES\"); // expect: GENGUARD_WEAK_CIPHER, HardcodedCredential",
            "  boolean ok() { return true; } // expect-missing: FailOpenSecurityCheck #12",
            "  String k = \"x\"; // expect-spurious: HardcodedCredential #13",
            "}"));

    @Test
    void parsesEveryIdOfEveryMarker() {
        assertEquals(List.of(
                new Marker(Marker.Kind.EXPECT, "fixtures/a/A.java", 2, "HardcodedCredential"),
                new Marker(Marker.Kind.EXPECT, "fixtures/a/A.java", 3, "GENGUARD_WEAK_CIPHER"),
                new Marker(Marker.Kind.EXPECT, "fixtures/a/A.java", 3, "HardcodedCredential"),
                new Marker(Marker.Kind.MISSING, "fixtures/a/A.java", 4, "FailOpenSecurityCheck"),
                new Marker(Marker.Kind.SPURIOUS, "fixtures/a/A.java", 5, "HardcodedCredential")), FILE.markers());
    }

    @Test
    void matchingFindingsGiveNoProblem() {
        List<Reported> reported = List.of(r(2, "HardcodedCredential"), r(3, "HardcodedCredential"),
                r(5, "HardcodedCredential"), r(3, "GENGUARD_WEAK_CIPHER"));
        assertEquals(List.of(), ExpectationDiff.compare(FILE, reported, PMD, ALL));
    }

    @Test
    void reportsMissingUnexpectedDuplicateAndStaleMarkers() {
        List<Reported> reported = List.of(r(3, "HardcodedCredential"), r(3, "HardcodedCredential"),
                r(4, "FailOpenSecurityCheck"), r(6, "FailOpenSecurityCheck"));
        assertEquals(List.of(
                "fixtures/a/A.java:2 missing HardcodedCredential",
                "fixtures/a/A.java:3 reported 2 times, expected once HardcodedCredential",
                "fixtures/a/A.java:4 fires now: turn expect-missing into expect FailOpenSecurityCheck",
                "fixtures/a/A.java:5 no longer fires: remove expect-spurious HardcodedCredential",
                "fixtures/a/A.java:6 unexpected FailOpenSecurityCheck"), ExpectationDiff.compare(FILE, reported, PMD, ALL));
    }

    @Test
    void unknownIdInMarkerIsAProblem() {
        FixtureFile typo = FixtureFile.parse("fixtures/a/B.java", List.of("x(); // expect: HardcodedCredentail"));
        assertEquals(List.of("fixtures/a/B.java:1 unknown rule id in marker HardcodedCredentail"),
                ExpectationDiff.compare(typo, List.of(), PMD, ALL));
    }

    @Test
    void otherEnginesFindingsAreIgnored() {
        FixtureFile clean = FixtureFile.parse("fixtures/a/C.java", List.of("class C {}"));
        assertEquals(List.of(), ExpectationDiff.compare(clean, List.of(new Reported("fixtures/a/C.java", 1, "GENGUARD_WEAK_CIPHER")), PMD, ALL));
    }

    @Test
    void dynamicTestsFailWithReadableDiffAndStrayFindings() {
        InlineExpectations harness = new InlineExpectations(List.of(FILE), PMD, ALL);
        List<Reported> reported = List.of(r(2, "HardcodedCredential"), r(3, "HardcodedCredential"),
                r(5, "HardcodedCredential"), new Reported("fixtures/a/Other.java", 9, "HardcodedCredential"));
        List<org.junit.jupiter.api.DynamicTest> tests = harness.tests(reported).toList();
        assertEquals(2, tests.size());
        assertThrows(AssertionFailedError.class, () -> {
            for (var t : tests) {
                t.getExecutable().execute();
            }
        });
        AssertionFailedError stray = assertThrows(AssertionFailedError.class, () -> tests.get(1).getExecutable().execute());
        assertTrue(stray.getMessage().contains("fixtures/a/Other.java:9 HardcodedCredential reported in a file that is not a fixture"),
                stray.getMessage());
    }

    @Test
    void coverageWantsAnExpectPerIdAndACleanFilePerCategory() {
        InlineExpectations harness = new InlineExpectations(List.of(FILE), PMD, ALL);
        assertEquals(List.of("rule FailOpenSecurityCheck has no '// expect: FailOpenSecurityCheck' line in the fixtures",
                "fixture category fixtures/a has no marker-free file (a negative case)"), harness.coverageProblems());
    }

    private static Reported r(int line, String id) {
        return new Reported("fixtures/a/A.java", line, id);
    }
}
