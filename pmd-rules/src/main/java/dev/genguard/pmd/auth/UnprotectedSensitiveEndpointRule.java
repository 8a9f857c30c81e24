package dev.genguard.pmd.auth;

import dev.genguard.pmd.internal.Annotations;
import dev.genguard.pmd.internal.SourceKind;
import java.util.List;
import net.sourceforge.pmd.lang.java.ast.ASTAnnotation;
import net.sourceforge.pmd.lang.java.ast.ASTMethodDeclaration;
import net.sourceforge.pmd.lang.java.ast.ASTTypeDeclaration;
import net.sourceforge.pmd.lang.java.ast.Annotatable;
import net.sourceforge.pmd.lang.java.rule.AbstractJavaRulechainRule;
import net.sourceforge.pmd.lang.java.symbols.JClassSymbol;

/**
 * Finds Spring MVC handlers that change state (POST, PUT, PATCH, DELETE) or serve an administration path and
 * carry no authorization annotation, neither on the method nor on the class, in a controller whose other
 * handlers do carry one, or under a path or class named admin. Reports the handler method.
 *
 * <p>The comparison with sibling handlers is what makes a finding likely to be an omission: a controller
 * without any method-level annotation leaves authorization to the URL rules, which this rule cannot see, and
 * stays silent. An annotation counts when it is one of {@code @PreAuthorize}, {@code @PostAuthorize},
 * {@code @Secured}, {@code @RolesAllowed}, {@code @PermitAll}, {@code @DenyAll}, or is itself annotated with one
 * (a project's {@code @AdminOnly}).
 */
public class UnprotectedSensitiveEndpointRule extends AbstractJavaRulechainRule {

    private static final List<String> AUTHORIZATION_ANNOTATIONS = List.of(
            "org.springframework.security.access.prepost.PreAuthorize",
            "org.springframework.security.access.prepost.PostAuthorize",
            "org.springframework.security.access.annotation.Secured",
            "jakarta.annotation.security.RolesAllowed", "jakarta.annotation.security.PermitAll",
            "jakarta.annotation.security.DenyAll",
            "javax.annotation.security.RolesAllowed", "javax.annotation.security.PermitAll",
            "javax.annotation.security.DenyAll");

    public UnprotectedSensitiveEndpointRule() {
        super(ASTMethodDeclaration.class);
    }

    @Override
    public Object visit(ASTMethodDeclaration method, Object data) {
        if (SpringMvc.mapping(method) == null) {
            return data;
        }
        ASTTypeDeclaration owner = method.getEnclosingType();
        if (owner == null || owner.isInterface() || !SpringMvc.isController(owner) || SourceKind.isTestSource(method)
                || isAuthorized(method) || isAuthorized(owner)) {
            return data;
        }
        if (SpringMvc.isAdminLike(owner) || SpringMvc.hasAdminPath(method)) {
            asCtx(data).addViolation(method, method.getName(), "it serves an administration path");
        } else if (SpringMvc.isStateChangingHandler(method) && hasAuthorizedSibling(owner, method)) {
            asCtx(data).addViolation(method, method.getName(),
                    "it changes state, and other handlers of this controller are protected");
        }
        return data;
    }

    private static boolean hasAuthorizedSibling(ASTTypeDeclaration owner, ASTMethodDeclaration method) {
        return owner.getDeclarations(ASTMethodDeclaration.class)
                .any(m -> m != method && SpringMvc.mapping(m) != null && isAuthorized(m));
    }

    /** An authorization annotation on the declaration, directly or as a meta-annotation of one of its annotations. */
    private static boolean isAuthorized(Annotatable declaration) {
        for (ASTAnnotation a : declaration.getDeclaredAnnotations()) {
            if (Annotations.isAny(a, AUTHORIZATION_ANNOTATIONS)) {
                return true;
            }
            JClassSymbol symbol = a.getTypeMirror().getSymbol();
            if (symbol != null && symbol.getDeclaredAnnotations().stream()
                    .anyMatch(meta -> AUTHORIZATION_ANNOTATIONS.stream().anyMatch(meta::isOfType))) {
                return true;
            }
        }
        return false;
    }
}
