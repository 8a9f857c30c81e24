package dev.genguard.pmd.web;

import dev.genguard.pmd.internal.Annotations;
import dev.genguard.pmd.internal.SourceKind;
import java.util.List;
import java.util.Set;
import net.sourceforge.pmd.lang.java.ast.ASTAnnotation;
import net.sourceforge.pmd.lang.java.ast.ASTFormalParameter;
import net.sourceforge.pmd.lang.java.ast.ASTMethodCall;
import net.sourceforge.pmd.lang.java.ast.ASTMethodDeclaration;
import net.sourceforge.pmd.lang.java.ast.ASTTypeDeclaration;
import net.sourceforge.pmd.lang.java.rule.AbstractJavaRulechainRule;
import net.sourceforge.pmd.lang.java.symbols.JClassSymbol;
import net.sourceforge.pmd.lang.java.symbols.JTypeDeclSymbol;
import net.sourceforge.pmd.lang.java.symbols.SymbolicValue.SymAnnot;
import net.sourceforge.pmd.lang.java.types.InvocationMatcher;
import net.sourceforge.pmd.lang.java.types.InvocationMatcher.CompoundInvocationMatcher;
import net.sourceforge.pmd.lang.java.types.JArrayType;
import net.sourceforge.pmd.lang.java.types.JClassType;
import net.sourceforge.pmd.lang.java.types.JTypeMirror;
import net.sourceforge.pmd.lang.java.types.JWildcardType;
import net.sourceforge.pmd.lang.java.types.TypeTestUtil;

/**
 * Finds Spring MVC handler parameters that bind the request onto a JPA entity: {@code @RequestBody},
 * {@code @ModelAttribute} or an unannotated (implicitly model-attribute) parameter of a {@code @Controller} /
 * {@code @RestController} handler whose type is an {@code @Entity}, or a collection, array, {@code Optional} or
 * {@code HttpEntity} of one. Reports the parameter.
 *
 * <p>The entity annotation is read from the class file or source by its binary name, so both
 * {@code jakarta.persistence.Entity} and {@code javax.persistence.Entity} count without either being on the
 * analysis classpath. Left alone: parameters bound by other annotations ({@code @PathVariable User user} is
 * loaded by id, {@code @AuthenticationPrincipal} comes from the security context), Feign and HTTP-interface
 * clients (no controller annotation), and model attributes of controllers whose {@code @InitBinder} restricts
 * the bindable fields.
 */
public class EntityBoundFromRequestRule extends AbstractJavaRulechainRule {

    private static final Set<String> ENTITY_ANNOTATIONS = Set.of("jakarta.persistence.Entity", "javax.persistence.Entity");

    private static final List<String> MAPPINGS = List.of(
            "org.springframework.web.bind.annotation.RequestMapping",
            "org.springframework.web.bind.annotation.GetMapping",
            "org.springframework.web.bind.annotation.PostMapping",
            "org.springframework.web.bind.annotation.PutMapping",
            "org.springframework.web.bind.annotation.DeleteMapping",
            "org.springframework.web.bind.annotation.PatchMapping");
    private static final List<String> CONTROLLERS = List.of(
            "org.springframework.stereotype.Controller",
            "org.springframework.web.bind.annotation.RestController");

    private static final String REQUEST_BODY = "org.springframework.web.bind.annotation.RequestBody";
    private static final String MODEL_ATTRIBUTE = "org.springframework.web.bind.annotation.ModelAttribute";
    private static final String INIT_BINDER = "org.springframework.web.bind.annotation.InitBinder";
    /** Annotations that leave a parameter an implicit model attribute: validation triggers, not binding sources. */
    private static final Set<String> VALIDATION_ANNOTATIONS = Set.of(
            "jakarta.validation.Valid", "javax.validation.Valid", "org.springframework.validation.annotation.Validated");

    /** Containers whose element type receives the bound values: {@code List<User>}, {@code HttpEntity<User>}. */
    private static final List<String> CONTAINERS = List.of(
            "java.lang.Iterable", "java.util.Optional", "org.springframework.http.HttpEntity");

    private static final CompoundInvocationMatcher RESTRICT_FIELDS = InvocationMatcher.parseAll(
            "org.springframework.validation.DataBinder#setAllowedFields(_*)",
            "org.springframework.validation.DataBinder#setDisallowedFields(_*)");

    public EntityBoundFromRequestRule() {
        super(ASTMethodDeclaration.class);
    }

    @Override
    public Object visit(ASTMethodDeclaration method, Object data) {
        ASTTypeDeclaration owner = method.getEnclosingType();
        if (owner == null || !Annotations.isAnyPresent(method, MAPPINGS) || !Annotations.isAnyPresent(owner, CONTROLLERS)
                || SourceKind.isTestSource(method)) {
            return data;
        }
        for (ASTFormalParameter param : method.getFormalParameters()) {
            boolean body = Annotations.isPresent(param, REQUEST_BODY);
            boolean model = Annotations.isPresent(param, MODEL_ATTRIBUTE) || isImplicitModelAttribute(param);
            if (!body && !model || !body && restrictsBinding(owner)) {
                continue;
            }
            JTypeDeclSymbol entity = boundEntity(param.getTypeMirror(), 0);
            if (entity != null) {
                asCtx(data).addViolation(param, entity.getSimpleName());
            }
        }
        return data;
    }

    /** A parameter with no annotation but validation ones: Spring binds request parameters onto it. */
    private static boolean isImplicitModelAttribute(ASTFormalParameter param) {
        for (ASTAnnotation annotation : param.getDeclaredAnnotations()) {
            JTypeDeclSymbol symbol = annotation.getTypeMirror().getSymbol();
            if (!(symbol instanceof JClassSymbol type) || !VALIDATION_ANNOTATIONS.contains(type.getBinaryName())) {
                return false;
            }
        }
        return true;
    }

    /** The entity that receives the request's values when bound to this type, or null. */
    private static JTypeDeclSymbol boundEntity(JTypeMirror type, int depth) {
        if (depth > 2) {
            return null;
        }
        if (type instanceof JArrayType array) {
            return boundEntity(array.getComponentType(), depth + 1);
        }
        if (type instanceof JWildcardType wildcard) {
            return wildcard.isUpperBound() ? boundEntity(wildcard.getBound(), depth + 1) : null;
        }
        if (!(type instanceof JClassType classType)) {
            return null;
        }
        if (isEntity(classType.getSymbol())) {
            return classType.getSymbol();
        }
        for (String container : CONTAINERS) {
            JTypeMirror element = typeArgument(classType, container, 0);
            if (element != null) {
                return boundEntity(element, depth + 1);
            }
        }
        JTypeMirror value = typeArgument(classType, "java.util.Map", 1);
        return value == null ? null : boundEntity(value, depth + 1);
    }

    /** The type argument of {@code generic} as a supertype of {@code type}: {@code E} of {@code List<E>} as an Iterable. */
    private static JTypeMirror typeArgument(JClassType type, String generic, int index) {
        JClassSymbol symbol = type.getTypeSystem().getClassSymbol(generic);
        JClassType supertype = symbol == null || !TypeTestUtil.isA(generic, type) ? null : type.getAsSuper(symbol);
        if (supertype == null) {
            return null;
        }
        List<JTypeMirror> args = supertype.getTypeArgs();
        return args.size() > index ? args.get(index) : null;
    }

    private static boolean isEntity(JTypeDeclSymbol symbol) {
        for (SymAnnot annotation : symbol.getDeclaredAnnotations()) {
            if (ENTITY_ANNOTATIONS.contains(annotation.getBinaryName())) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether the controller limits data binding with {@code @InitBinder} and {@code setAllowedFields} or
     * {@code setDisallowedFields}: model attributes then take only the fields it names.
     */
    private static boolean restrictsBinding(ASTTypeDeclaration owner) {
        return owner.getDeclarations(ASTMethodDeclaration.class)
                .filter(m -> Annotations.isPresent(m, INIT_BINDER))
                .flatMap(m -> m.descendants(ASTMethodCall.class))
                .any(RESTRICT_FIELDS::anyMatch);
    }
}
