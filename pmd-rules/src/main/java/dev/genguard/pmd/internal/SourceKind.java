package dev.genguard.pmd.internal;

import java.util.Locale;
import net.sourceforge.pmd.lang.ast.Node;

/**
 * Whether a node lies in test code. Test code legitimately holds throw-away credentials, permissive doubles
 * and trust-all clients for local servers; it does not ship, so findings there are not worth a reviewer's minute.
 */
public final class SourceKind {

    private SourceKind() {
    }

    /**
     * True for files under a Maven/Gradle test source root ({@code src/test/}, also {@code src/testFixtures/}
     * and {@code src/it/}) and for files named like test classes ({@code *Test}, {@code *Tests}, {@code *IT},
     * {@code *TestCase}). Decided from the file path, which costs a few string operations per call; rules
     * must not cache it, as one rule instance serves many files.
     */
    public static boolean isTestSource(Node node) {
        String path = node.getTextDocument().getFileId().getAbsolutePath().replace('\\', '/');
        if (path.contains("/src/test/") || path.contains("/src/testFixtures/") || path.contains("/src/it/")) {
            return true;
        }
        String file = path.substring(path.lastIndexOf('/') + 1);
        if (!file.toLowerCase(Locale.ROOT).endsWith(".java")) {
            return false;
        }
        String name = file.substring(0, file.length() - ".java".length());
        return name.endsWith("Test") || name.endsWith("Tests") || name.endsWith("IT") || name.endsWith("TestCase");
    }
}
