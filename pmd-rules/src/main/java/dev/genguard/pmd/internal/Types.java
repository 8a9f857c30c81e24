package dev.genguard.pmd.internal;

import net.sourceforge.pmd.lang.java.ast.ASTAnonymousClassDeclaration;
import net.sourceforge.pmd.lang.java.ast.ASTConstructorCall;
import net.sourceforge.pmd.lang.java.ast.ASTTypeDeclaration;
import net.sourceforge.pmd.lang.java.types.TypeTestUtil;

/** Type tests that behave the same on every supported PMD version (7.17.0 and newer). */
public final class Types {

    private Types() {
    }

    /**
     * Whether a class declaration, named or anonymous, is a subtype of {@code type}. PMD 7.17.0 answers false
     * for {@code TypeTestUtil.isA(name, anonymousClass)}, so an anonymous class is tested by the type it
     * instantiates ({@code new X509TrustManager() {...}}).
     */
    public static boolean isA(String type, ASTTypeDeclaration declaration) {
        if (declaration instanceof ASTAnonymousClassDeclaration
                && declaration.getParent() instanceof ASTConstructorCall call) {
            return TypeTestUtil.isA(type, call.getTypeNode());
        }
        return TypeTestUtil.isA(type, declaration);
    }
}
