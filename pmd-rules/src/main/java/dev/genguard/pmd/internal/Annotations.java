package dev.genguard.pmd.internal;

import java.util.Collection;
import net.sourceforge.pmd.lang.java.ast.ASTAnnotation;
import net.sourceforge.pmd.lang.java.ast.Annotatable;
import net.sourceforge.pmd.lang.java.types.TypeTestUtil;

/**
 * Annotation tests that read the source before they ask type resolution. An annotation type is matched exactly (no
 * annotation subclasses another), and its simple name is in the source however it is written ({@code @PostMapping}
 * or {@code @org.springframework...PostMapping}), so a different simple name rules a type out without resolving it.
 * PMD's {@link Annotatable#isAnyAnnotationPresent} resolves every annotation against every name, which is a large
 * share of a rule's cost on code without any of the annotations (most code).
 */
public final class Annotations {

    private Annotations() {
    }

    /** Whether {@code annotation} is of the type with this binary name. */
    public static boolean is(ASTAnnotation annotation, String binaryName) {
        return annotation.getSimpleName().equals(simpleName(binaryName)) && TypeTestUtil.isA(binaryName, annotation);
    }

    /** Whether {@code annotation} is of one of the types with these binary names. */
    public static boolean isAny(ASTAnnotation annotation, Collection<String> binaryNames) {
        for (String name : binaryNames) {
            if (is(annotation, name)) {
                return true;
            }
        }
        return false;
    }

    /** The first annotation of {@code node} of one of these types, or null. */
    public static ASTAnnotation first(Annotatable node, Collection<String> binaryNames) {
        return node.getDeclaredAnnotations().first(a -> isAny(a, binaryNames));
    }

    /** Whether {@code node} carries an annotation of one of these types. */
    public static boolean isAnyPresent(Annotatable node, Collection<String> binaryNames) {
        return first(node, binaryNames) != null;
    }

    /** Whether {@code node} carries an annotation of this type. */
    public static boolean isPresent(Annotatable node, String binaryName) {
        return node.getDeclaredAnnotations().any(a -> is(a, binaryName));
    }

    private static String simpleName(String binaryName) {
        return binaryName.substring(Math.max(binaryName.lastIndexOf('.'), binaryName.lastIndexOf('$')) + 1);
    }
}
