package dev.genguard.engine.governance.source;

import dev.genguard.engine.governance.AiTag;
import dev.genguard.engine.governance.Review;
import java.util.List;

/**
 * A named type or a member of one, as written in a source file.
 *
 * @param kind         type, method, constructor, field, initializer or enum-constant
 * @param signature    {@code Outer.Inner}, {@code Outer#method(String,int)}, {@code Outer#<init>(String)},
 *                     {@code Outer#field}: stable under edits elsewhere in the file
 * @param beginLine    first line, its annotations included
 * @param endLine      last line
 * @param aiAnnotation the attributes of an {@code AiGenerated} annotation on it, or null
 * @param aiComment    the attributes of an {@code @ai-generated} tag in the comments directly before it, or null
 * @param review       its {@code SecurityReviewed} annotation or {@code genguard:reviewed-by} comment, or null
 * @param code         its declaration, normalized, without comments, annotations or body: what a finding on the
 *                     declaration itself is about
 */
public record Member(String kind, String signature, int beginLine, int endLine, AiTag aiAnnotation, AiTag aiComment,
                     Review review, String code) {

    public static final List<String> KINDS = List.of("type", "method", "constructor", "field", "initializer",
            "enum-constant");

    public boolean contains(int line) {
        return line >= beginLine && line <= endLine;
    }

    public int length() {
        return endLine - beginLine;
    }
}
