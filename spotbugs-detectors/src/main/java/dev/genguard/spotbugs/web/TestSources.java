package dev.genguard.spotbugs.web;

import java.util.Locale;
import org.objectweb.asm.tree.ClassNode;

/**
 * Whether a class was compiled from test code, by its source file name as PMD's rules decide it ({@code *Test},
 * {@code *Tests}, {@code *IT}, {@code *TestCase}). Test code sets cookies and deserializes fixtures for local
 * servers; it does not ship, so findings there are not worth a reviewer's minute.
 */
public final class TestSources {

    private TestSources() {
    }

    public static boolean isTestClass(ClassNode cls) {
        String file = cls.sourceFile;
        if (file == null || !file.toLowerCase(Locale.ROOT).endsWith(".java")) {
            return false;
        }
        String name = file.substring(0, file.length() - ".java".length());
        return name.endsWith("Test") || name.endsWith("Tests") || name.endsWith("IT") || name.endsWith("TestCase");
    }
}
