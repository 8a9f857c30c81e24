package dev.genguard.pmd.auth;

import dev.genguard.pmd.internal.Annotations;
import dev.genguard.pmd.internal.NameWords;
import java.util.List;
import java.util.Set;
import net.sourceforge.pmd.lang.java.ast.ASTAnnotation;
import net.sourceforge.pmd.lang.java.ast.ASTAssignableExpr.ASTNamedReferenceExpr;
import net.sourceforge.pmd.lang.java.ast.ASTExpression;
import net.sourceforge.pmd.lang.java.ast.ASTMethodDeclaration;
import net.sourceforge.pmd.lang.java.ast.ASTTypeDeclaration;
import net.sourceforge.pmd.lang.java.ast.Annotatable;

/** Spring MVC handler facts read from annotations, shared by the authorization rules of this package. */
final class SpringMvc {

    private static final String BIND = "org.springframework.web.bind.annotation.";
    private static final String REQUEST_MAPPING = BIND + "RequestMapping";
    private static final List<String> STATE_CHANGING_MAPPINGS = List.of(
            BIND + "PostMapping", BIND + "PutMapping", BIND + "PatchMapping", BIND + "DeleteMapping");
    private static final List<String> MAPPINGS = List.of(
            REQUEST_MAPPING, BIND + "GetMapping", BIND + "PostMapping", BIND + "PutMapping", BIND + "PatchMapping",
            BIND + "DeleteMapping");
    private static final Set<String> STATE_CHANGING_METHODS = Set.of("POST", "PUT", "PATCH", "DELETE");
    private static final List<String> CONTROLLERS = List.of(
            "org.springframework.stereotype.Controller", BIND + "RestController");

    /** Words of a class name or path segment that say the code administers the application. */
    private static final Set<String> ADMIN_WORDS = Set.of("admin", "admins", "administration", "administrator", "superuser");

    private SpringMvc() {
    }

    static boolean isController(ASTTypeDeclaration type) {
        return Annotations.isAnyPresent(type, CONTROLLERS);
    }

    /** The method's request-mapping annotation, or null when it handles no request. */
    static ASTAnnotation mapping(Annotatable declaration) {
        return Annotations.first(declaration, MAPPINGS);
    }

    /**
     * A handler of POST, PUT, PATCH or DELETE: {@code @PostMapping} and its kin, or {@code @RequestMapping} whose
     * {@code method} names one. A {@code @RequestMapping} without {@code method} is not counted: it serves pages
     * read by GET as often as forms.
     */
    static boolean isStateChangingHandler(ASTMethodDeclaration method) {
        for (ASTAnnotation a : method.getDeclaredAnnotations()) {
            if (Annotations.isAny(a, STATE_CHANGING_MAPPINGS)) {
                return true;
            }
            if (Annotations.is(a, REQUEST_MAPPING) && a.getFlatValue("method")
                    .any(v -> v instanceof ASTNamedReferenceExpr ref && STATE_CHANGING_METHODS.contains(ref.getName()))) {
                return true;
            }
        }
        return false;
    }

    /** Whether the class-level mapping path has an admin segment ({@code /admin}, {@code /api/admin-users}). */
    static boolean hasAdminPath(Annotatable declaration) {
        ASTAnnotation mapping = mapping(declaration);
        if (mapping == null) {
            return false;
        }
        for (String attribute : List.of("value", "path")) {
            if (mapping.getFlatValue(attribute).any(v -> v instanceof ASTExpression e
                    && e.getConstValue() instanceof String path && isAdminPath(path))) {
                return true;
            }
        }
        return false;
    }

    static boolean isAdminPath(String path) {
        for (String segment : path.split("/")) {
            if (NameWords.split(segment).stream().anyMatch(ADMIN_WORDS::contains)) {
                return true;
            }
        }
        return false;
    }

    /** A class named as administration ({@code AdminController}, {@code UserAdministrationService}) or mapped under /admin. */
    static boolean isAdminLike(ASTTypeDeclaration type) {
        return NameWords.split(type.getSimpleName()).stream().anyMatch(ADMIN_WORDS::contains) || hasAdminPath(type);
    }
}
