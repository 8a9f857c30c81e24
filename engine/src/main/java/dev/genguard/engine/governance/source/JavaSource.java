package dev.genguard.engine.governance.source;

import com.github.javaparser.JavaParser;
import com.github.javaparser.ParseResult;
import com.github.javaparser.ParserConfiguration;
import com.github.javaparser.Problem;
import com.github.javaparser.Range;
import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.NodeList;
import com.github.javaparser.ast.body.BodyDeclaration;
import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.body.EnumConstantDeclaration;
import com.github.javaparser.ast.body.EnumDeclaration;
import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.comments.Comment;
import com.github.javaparser.ast.expr.AnnotationExpr;
import com.github.javaparser.ast.expr.ArrayInitializerExpr;
import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.expr.NormalAnnotationExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.expr.SingleMemberAnnotationExpr;
import com.github.javaparser.ast.expr.StringLiteralExpr;
import com.github.javaparser.ast.expr.TextBlockLiteralExpr;
import com.github.javaparser.ast.nodeTypes.NodeWithAnnotations;
import com.github.javaparser.ast.stmt.BlockStmt;
import com.github.javaparser.ast.stmt.CatchClause;
import com.github.javaparser.ast.stmt.DoStmt;
import com.github.javaparser.ast.stmt.ForEachStmt;
import com.github.javaparser.ast.stmt.ForStmt;
import com.github.javaparser.ast.stmt.IfStmt;
import com.github.javaparser.ast.stmt.LabeledStmt;
import com.github.javaparser.ast.stmt.Statement;
import com.github.javaparser.ast.stmt.SwitchStmt;
import com.github.javaparser.ast.stmt.SynchronizedStmt;
import com.github.javaparser.ast.stmt.TryStmt;
import com.github.javaparser.ast.stmt.WhileStmt;
import com.github.javaparser.printer.DefaultPrettyPrinter;
import com.github.javaparser.printer.DefaultPrettyPrinterVisitor;
import com.github.javaparser.printer.configuration.DefaultConfigurationOption;
import com.github.javaparser.printer.configuration.DefaultPrinterConfiguration;
import com.github.javaparser.printer.configuration.DefaultPrinterConfiguration.ConfigOption;
import com.github.javaparser.printer.configuration.PrinterConfiguration;
import dev.genguard.engine.governance.AiTag;
import dev.genguard.engine.governance.Review;
import dev.genguard.engine.governance.Suppression;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * What governance reads from one Java source file: its named types and members with their AI tags, review markers
 * and suppressions, and the code of the statement on a line (for fingerprints). Parsed with JavaParser at the newest
 * language level; a file that does not parse still yields its {@code genguard:ignore} comments and line texts, and
 * says why in {@link #parseError()}.
 */
public final class JavaSource {

    /**
     * Java's line terminators (JLS 3.4), as the parser and PMD count lines; not {@code \R}, which also breaks at
     * form feeds, U+0085, U+2028 and U+2029 and would shift every line after one.
     */
    private static final Pattern LINE_BREAK = Pattern.compile("\\r\\n|\\r|\\n");
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");
    /** A {@code genguard:ignore} in a line comment, for files that do not parse. */
    private static final Pattern IGNORE_COMMENT = Pattern.compile("//.*genguard:ignore");
    private static final String AI_GENERATED = "AiGenerated";
    private static final String SECURITY_REVIEWED = "SecurityReviewed";
    private static final String SUPPRESS_WARNINGS = "SuppressWarnings";

    private final String file;
    private final List<String> lines;
    private final List<Member> members = new ArrayList<>();
    private final List<Suppression> lineSuppressions = new ArrayList<>();
    /** Annotation suppressions with the lines they cover. */
    private final List<Scoped> scopedSuppressions = new ArrayList<>();
    private final List<Statement> statements = new ArrayList<>();
    /** The innermost statement and member of each line, computed on first use. */
    private Statement[] statementByLine;
    private Member[] memberByLine;
    /** {@code codeLines[i]}: line i holds code, not only comments and blanks; null when the file did not parse. */
    private boolean[] codeLines;
    private final String parseError;

    private record Scoped(Suppression suppression, int beginLine, int endLine) {
    }

    private JavaSource(String file, String text) {
        this.file = file;
        this.lines = List.of(LINE_BREAK.split(text, -1));
        ParseResult<CompilationUnit> result = parser().parse(text);
        if (result.isSuccessful() && result.getResult().isPresent()) {
            CompilationUnit unit = result.getResult().get();
            index(unit);
            parseError = "";
        } else {
            parseError = describe(result.getProblems());
            scanLineComments();
        }
    }

    /** Parses one file; never throws on bad input. */
    public static JavaSource parse(String file, String text) {
        return new JavaSource(file, text);
    }

    private static JavaParser parser() {
        // A parser per file: JavaParser instances are not thread-safe, and modules may be analysed in parallel.
        return new JavaParser(new ParserConfiguration()
                .setLanguageLevel(ParserConfiguration.LanguageLevel.BLEEDING_EDGE)
                .setAttributeComments(true)
                .setStoreTokens(true));
    }

    public String file() {
        return file;
    }

    /** Number of lines of the file (a final line break starts no new line). */
    public int lineCount() {
        return lines.get(lines.size() - 1).isEmpty() ? lines.size() - 1 : lines.size();
    }

    /** Empty when the file parsed; else the first problem, with its line. */
    public String parseError() {
        return parseError;
    }

    /** Named types and their members, in source order (outer before inner). */
    public List<Member> members() {
        return List.copyOf(members);
    }

    /** The innermost member containing the line. */
    public Optional<Member> memberAt(int line) {
        Member[] byLine = memberByLine();
        return line >= 1 && line < byLine.length ? Optional.ofNullable(byLine[line]) : Optional.empty();
    }

    /**
     * The innermost member of each line (of equally long ones the first in source order), computed once: a module
     * asks for it per finding and per AI line, and a scan of every member each time is quadratic in a big file.
     */
    private Member[] memberByLine() {
        if (memberByLine == null) {
            Member[] byLine = new Member[lines.size() + 2];
            for (Member m : members) {
                for (int line = Math.max(1, m.beginLine()); line <= Math.min(m.endLine(), byLine.length - 1); line++) {
                    if (byLine[line] == null || m.length() < byLine[line].length()) {
                        byLine[line] = m;
                    }
                }
            }
            memberByLine = byLine;
        }
        return memberByLine;
    }

    /** Every member containing the line, innermost first. */
    public List<Member> membersAt(int line) {
        return members.stream().filter(m -> m.contains(line)).sorted(Comparator.comparingInt(Member::length)).toList();
    }

    /**
     * The review marker that covers lines {@code begin..end}: that of the innermost member containing all of them
     * that has one (a reviewed type covers its members). A review of one member never covers code outside it.
     */
    public Optional<Review> reviewCovering(int begin, int end) {
        return membersAt(begin).stream().filter(m -> m.contains(end)).map(Member::review).filter(r -> r != null)
                .findFirst();
    }

    /**
     * The suppressions that cover a finding on lines {@code line..endLine}: {@code genguard:ignore} comments on one
     * of those lines or on a line of the same statement, and {@code @SuppressWarnings("genguard:...")} on an
     * enclosing declaration.
     */
    public List<Suppression> suppressionsAt(int line, int endLine) {
        // The statement's lines only when the finding is on them: a finding on a catch clause, an else or a
        // finally lies in a compound statement but not on its head, and must not reach the head or the body.
        Optional<Range> statement = statementRange(line).filter(r -> r.begin.line <= line && line <= r.end.line);
        int from = statement.map(r -> r.begin.line).orElse(line);
        int to = statement.map(r -> Math.max(r.end.line, endLine)).orElse(endLine);
        List<Suppression> found = new ArrayList<>();
        for (Suppression s : lineSuppressions) {
            if (s.line() >= from && s.line() <= to) {
                found.add(s);
            }
        }
        for (Scoped s : scopedSuppressions) {
            if (line >= s.beginLine() && line <= s.endLine()) {
                found.add(s.suppression());
            }
        }
        return found;
    }

    /** Every suppression written in the file, in line order. */
    public List<Suppression> suppressions() {
        List<Suppression> all = new ArrayList<>(lineSuppressions);
        scopedSuppressions.forEach(s -> all.add(s.suppression()));
        all.sort(Comparator.comparingInt(Suppression::line).thenComparing(Suppression::ruleId));
        return all;
    }

    /**
     * The code a finding on {@code line} is about, normalized (single spaces): for a line of comments only, its
     * text; else, without comments, the innermost statement
     * on the line — for a compound statement only its head ({@code if} condition, loop header, switch selector,
     * try resources, or the catch clause on the line), so edits to its body leave it alone, and for a statement
     * nested in a one-line statement that whole statement — else the declaration of the innermost member there,
     * else the line's text.
     */
    public String codeAt(int line) {
        // A line of comments only (SecurityDeferredComment reports one) is about what the comment says.
        if (codeLines != null && line >= 1 && line <= lines.size() && !codeLines[line]
                && !lines.get(line - 1).isBlank()) {
            return normalize(lines.get(line - 1));
        }
        Optional<Statement> statement = innermostStatement(line);
        if (statement.isPresent()) {
            // A line of a catch clause's head is about that clause, not the whole try ("try ()" for every try).
            if (statement.get() instanceof TryStmt t) {
                for (CatchClause c : t.getCatchClauses()) {
                    Optional<Range> head = c.getRange().flatMap(r -> c.getParameter().getRange()
                            .map(p -> new Range(r.begin, p.end)));
                    if (head.isPresent() && head.get().begin.line <= line && line <= head.get().end.line) {
                        return normalize("catch (" + print(c.getParameter()) + ")");
                    }
                }
            }
            // A statement nested in a one-line statement ("if (a.equals(SECRET)) return true;") is only part of
            // what the line flags: the code is the whole one-line statement.
            Statement s = statement.get();
            Statement outer = s;
            for (Node n = s.getParentNode().orElse(null); n instanceof Statement p && onLine(p, line);
                    n = p.getParentNode().orElse(null)) {
                if (!(p instanceof BlockStmt)) {
                    outer = p;
                }
            }
            return normalize(outer != s ? print(outer) : head(s));
        }
        Optional<Member> member = memberAt(line);
        if (member.isPresent()) {
            return member.get().code();
        }
        return line >= 1 && line <= lines.size() ? normalize(lines.get(line - 1)) : "";
    }

    private static boolean onLine(Node node, int line) {
        return node.getRange().map(r -> r.begin.line == line && r.end.line == line).orElse(false);
    }

    /** The first line (1-based) containing {@code text}, or 0. */
    public int lineOf(String text) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(text)) {
                return i + 1;
            }
        }
        return 0;
    }

    /** The text of a line (1-based), or empty. */
    public String line(int line) {
        return line >= 1 && line <= lines.size() ? lines.get(line - 1) : "";
    }

    // ---------------------------------------------------------------------------------------------------------

    private void index(CompilationUnit unit) {
        List<Comment> comments = unit.getAllComments();
        comments.sort(Comparator.comparing(c -> c.getRange().map(r -> r.begin).orElse(null),
                Comparator.nullsFirst(Comparator.naturalOrder())));
        codeLines = codeLines(comments);
        for (Comment c : comments) {
            c.getRange().ifPresent(r -> lineSuppressions.addAll(Markers.ignores(c.getContent(), r.begin.line)));
        }
        for (TypeDeclaration<?> type : unit.getTypes()) {
            indexType(type, "", comments, codeLines);
        }
        unit.findAll(AnnotationExpr.class, a -> a.getName().getIdentifier().equals(SUPPRESS_WARNINGS))
                .forEach(a -> suppressWarnings(a, comments));
        statements.addAll(unit.findAll(Statement.class, s -> !(s instanceof BlockStmt) && !(s instanceof LabeledStmt)));
    }

    private void indexType(TypeDeclaration<?> type, String outer, List<Comment> comments, boolean[] codeLines) {
        String name = outer.isEmpty() ? type.getNameAsString() : outer + "." + type.getNameAsString();
        add("type", name, type, comments, codeLines);
        if (type instanceof EnumDeclaration e) {
            for (EnumConstantDeclaration constant : e.getEntries()) {
                add("enum-constant", name + "#" + constant.getNameAsString(), constant, comments, codeLines);
            }
        }
        for (BodyDeclaration<?> member : type.getMembers()) {
            if (member instanceof TypeDeclaration<?> nested) {
                indexType(nested, name, comments, codeLines);
            } else if (member instanceof CallableDeclaration<?> callable) {
                String simple = callable.isConstructorDeclaration() ? "<init>" : callable.getNameAsString();
                add(callable.isConstructorDeclaration() ? "constructor" : "method",
                        name + "#" + simple + "(" + parameters(callable.getParameters()) + ")", member, comments, codeLines);
            } else if (member instanceof FieldDeclaration field) {
                String names = field.getVariables().stream().map(VariableDeclarator::getNameAsString)
                        .collect(Collectors.joining(","));
                add("field", name + "#" + names, member, comments, codeLines);
            } else if (member.isInitializerDeclaration()) {
                add("initializer", name + (member.asInitializerDeclaration().isStatic() ? "#<clinit>" : "#<init-block>"),
                        member, comments, codeLines);
            } else if (member.isCompactConstructorDeclaration()) {
                add("constructor", name + "#<init>", member, comments, codeLines);
            } else if (member.isAnnotationMemberDeclaration()) {
                add("method", name + "#" + member.asAnnotationMemberDeclaration().getNameAsString() + "()", member,
                        comments, codeLines);
            }
        }
    }

    private static String parameters(NodeList<Parameter> parameters) {
        return parameters.stream().map(p -> p.getType().asString() + (p.isVarArgs() ? "..." : ""))
                .collect(Collectors.joining(","));
    }

    private void add(String kind, String signature, Node node, List<Comment> comments, boolean[] codeLines) {
        Optional<Range> range = node.getRange();
        if (range.isEmpty()) {
            return;
        }
        int begin = range.get().begin.line;
        int end = range.get().end.line;
        AiTag aiAnnotation = null;
        Review review = null;
        if (node instanceof NodeWithAnnotations<?> annotated) {
            for (AnnotationExpr a : annotated.getAnnotations()) {
                String simple = a.getName().getIdentifier();
                if (simple.equals(AI_GENERATED)) {
                    aiAnnotation = new AiTag(attribute(a, "tool", true), attribute(a, "model", false),
                            attribute(a, "prompt", false), attribute(a, "promptLog", false));
                } else if (simple.equals(SECURITY_REVIEWED)) {
                    review = new Review(attribute(a, "by", true), attribute(a, "date", false),
                            attribute(a, "ticket", false), "annotation", a.getBegin().map(p -> p.line).orElse(begin));
                }
            }
        }
        AiTag aiComment = null;
        for (Comment c : leadingComments(node, begin, comments, codeLines)) {
            int line = c.getBegin().map(p -> p.line).orElse(begin);
            if (aiComment == null) {
                aiComment = Markers.aiTag(c.getContent()).orElse(null);
            }
            if (review == null) {
                review = Markers.review(c.getContent(), line).orElse(null);
            }
        }
        members.add(new Member(kind, signature, begin, end, aiAnnotation, aiComment, review, normalize(declaration(node))));
    }

    /** A declaration without its comments, annotations and body. */
    private static String declaration(Node node) {
        if (node instanceof CallableDeclaration<?> callable) {
            return callable.getDeclarationAsString(true, true, true);
        }
        if (node instanceof TypeDeclaration<?> type) {
            return type.getClass().getSimpleName().replace("Declaration", "") + " " + type.getNameAsString();
        }
        if (node instanceof FieldDeclaration field) {
            FieldDeclaration copy = field.clone();
            copy.getAnnotations().clear();
            return print(copy);
        }
        if (node instanceof EnumConstantDeclaration constant) {
            return constant.getNameAsString() + constant.getArguments().stream().map(JavaSource::print)
                    .collect(Collectors.joining(", ", "(", ")"));
        }
        return node.getClass().getSimpleName();
    }

    /**
     * The comments directly before a declaration: its own (Javadoc) comment and every comment in the run of
     * comment-only or blank lines just above it, so that {@code // @ai-generated} followed by
     * {@code // genguard:reviewed-by ...} both count.
     */
    private static List<Comment> leadingComments(Node node, int begin, List<Comment> comments, boolean[] codeLines) {
        List<Comment> found = new ArrayList<>();
        node.getComment().ifPresent(found::add);
        int top = node.getComment().flatMap(Comment::getBegin).map(p -> p.line).orElse(begin);
        int first = top;
        while (first > 1 && !codeLines[first - 1]) {
            first--;
        }
        for (Comment c : comments) {
            Optional<Range> r = c.getRange();
            if (r.isPresent() && r.get().begin.line >= first && r.get().end.line <= top && !found.contains(c)
                    && r.get().end.line < begin) {
                found.add(c);
            }
        }
        return found;
    }

    /**
     * {@code codeLines[i]}: line i (1-based) holds something other than comments and whitespace. Linear in the size
     * of the file: each comment marks the columns it covers on each of its lines.
     */
    private boolean[] codeLines(List<Comment> comments) {
        List<List<int[]>> covered = new ArrayList<>(lines.size() + 1);
        for (int i = 0; i <= lines.size(); i++) {
            covered.add(null);
        }
        for (Comment c : comments) {
            c.getRange().ifPresent(r -> {
                for (int line = r.begin.line; line <= Math.min(r.end.line, lines.size()); line++) {
                    int from = line == r.begin.line ? r.begin.column : 1;
                    int to = line == r.end.line ? r.end.column : Integer.MAX_VALUE;
                    if (covered.get(line) == null) {
                        covered.set(line, new ArrayList<>(1));
                    }
                    covered.get(line).add(new int[] {from, to});
                }
            });
        }
        boolean[] code = new boolean[lines.size() + 2];
        for (int line = 1; line <= lines.size(); line++) {
            String text = lines.get(line - 1);
            List<int[]> spans = covered.get(line);
            for (int col = 1; col <= text.length() && !code[line]; col++) {
                if (!Character.isWhitespace(text.charAt(col - 1)) && !within(spans, col)) {
                    code[line] = true;
                }
            }
        }
        return code;
    }

    private static boolean within(List<int[]> spans, int column) {
        if (spans != null) {
            for (int[] span : spans) {
                if (column >= span[0] && column <= span[1]) {
                    return true;
                }
            }
        }
        return false;
    }

    private void suppressWarnings(AnnotationExpr annotation, List<Comment> comments) {
        Optional<Node> target = annotation.getParentNode();
        Optional<Range> scope = target.flatMap(Node::getRange);
        int line = annotation.getBegin().map(p -> p.line).orElse(0);
        if (scope.isEmpty()) {
            return;
        }
        // A reason may also sit in a comment on the annotation's line: @SuppressWarnings("genguard:X") // -- why
        String commentReason = comments.stream()
                .filter(c -> c.getBegin().map(p -> p.line == line).orElse(false))
                .filter(c -> !c.getContent().contains("genguard:"))
                .map(c -> Markers.reasonText(c.getContent())).findFirst().orElse("");
        for (String value : values(annotation)) {
            Markers.suppressWarnings(value, commentReason, line).ifPresent(s ->
                    scopedSuppressions.add(new Scoped(s, scope.get().begin.line, scope.get().end.line)));
        }
    }

    private static List<String> values(AnnotationExpr annotation) {
        Expression value = null;
        if (annotation instanceof SingleMemberAnnotationExpr single) {
            value = single.getMemberValue();
        } else if (annotation instanceof NormalAnnotationExpr normal) {
            value = normal.getPairs().stream().filter(p -> p.getNameAsString().equals("value"))
                    .map(p -> p.getValue()).findFirst().orElse(null);
        }
        if (value instanceof ArrayInitializerExpr array) {
            return array.getValues().stream().map(JavaSource::stringValue).flatMap(Optional::stream).toList();
        }
        return value == null ? List.of() : stringValue(value).stream().toList();
    }

    /** An annotation attribute as a string; {@code value} stands for the first attribute when allowed. */
    private static String attribute(AnnotationExpr annotation, String name, boolean orValue) {
        if (annotation instanceof NormalAnnotationExpr normal) {
            return normal.getPairs().stream()
                    .filter(p -> p.getNameAsString().equals(name) || (orValue && p.getNameAsString().equals("value")))
                    .map(p -> stringValue(p.getValue()).orElse(p.getValue().toString())).findFirst().orElse("");
        }
        if (orValue && annotation instanceof SingleMemberAnnotationExpr single) {
            return stringValue(single.getMemberValue()).orElse(single.getMemberValue().toString());
        }
        return "";
    }

    private static Optional<String> stringValue(Expression e) {
        if (e instanceof StringLiteralExpr s) {
            return Optional.of(s.asString());
        }
        if (e instanceof TextBlockLiteralExpr t) {
            return Optional.of(t.asString());
        }
        if (e instanceof BinaryExpr b && b.getOperator() == BinaryExpr.Operator.PLUS) {
            Optional<String> left = stringValue(b.getLeft());
            Optional<String> right = stringValue(b.getRight());
            if (left.isPresent() && right.isPresent()) {
                return Optional.of(left.get() + right.get());
            }
        }
        return Optional.empty();
    }

    private Optional<Statement> innermostStatement(int line) {
        if (statementByLine == null) {
            // Computed once (a scan of every statement per finding is quadratic in a big file).
            Statement[] byLine = new Statement[lines.size() + 2];
            int[] sizes = new int[byLine.length];
            for (Statement s : statements) {
                Optional<Range> r = s.getRange();
                if (r.isEmpty()) {
                    continue;
                }
                int size = r.get().end.line - r.get().begin.line;
                for (int l = Math.max(1, r.get().begin.line); l <= Math.min(r.get().end.line, byLine.length - 1); l++) {
                    // Of equal spans the later in the list is the nested one (findAll is pre-order).
                    if (byLine[l] == null || size <= sizes[l]) {
                        byLine[l] = s;
                        sizes[l] = size;
                    }
                }
            }
            statementByLine = byLine;
        }
        return line >= 1 && line < statementByLine.length ? Optional.ofNullable(statementByLine[line]) : Optional.empty();
    }

    /**
     * The lines of the statement on {@code line}; of a compound statement only its head's lines, so that a
     * suppression in its body does not reach a finding on its head.
     */
    private Optional<Range> statementRange(int line) {
        Optional<Statement> statement = innermostStatement(line);
        if (statement.isEmpty() || statement.get().getRange().isEmpty()) {
            return Optional.empty();
        }
        Statement s = statement.get();
        Range range = s.getRange().get();
        Optional<? extends Node> headEnd = headEnd(s);
        if (s instanceof DoStmt) {
            return headEnd.flatMap(Node::getRange);
        }
        if (headEnd.isPresent() && headEnd.get().getRange().isPresent()) {
            return Optional.of(new Range(range.begin, headEnd.get().getRange().get().end));
        }
        boolean compound = s instanceof ForStmt || s instanceof TryStmt;
        return Optional.of(compound ? new Range(range.begin, range.begin) : range);
    }

    /** The last node of a compound statement's head, or empty for a simple statement. */
    private static Optional<? extends Node> headEnd(Statement s) {
        if (s instanceof IfStmt i) {
            return Optional.of(i.getCondition());
        } else if (s instanceof WhileStmt w) {
            return Optional.of(w.getCondition());
        } else if (s instanceof ForEachStmt f) {
            return Optional.of(f.getIterable());
        } else if (s instanceof SwitchStmt sw) {
            return Optional.of(sw.getSelector());
        } else if (s instanceof SynchronizedStmt sy) {
            return Optional.of(sy.getExpression());
        } else if (s instanceof ForStmt f) {
            return f.getUpdate().getLast().<Node>map(n -> n).or(() -> f.getCompare().map(n -> n));
        } else if (s instanceof TryStmt t) {
            return t.getResources().getLast();
        } else if (s instanceof DoStmt d) {
            return Optional.of(d.getCondition());
        }
        return Optional.empty();
    }

    /** A compound statement's head: what identifies it without its body. */
    private static String head(Statement s) {
        if (s instanceof IfStmt i) {
            return "if (" + print(i.getCondition()) + ")";
        } else if (s instanceof WhileStmt w) {
            return "while (" + print(w.getCondition()) + ")";
        } else if (s instanceof DoStmt d) {
            return "do while (" + print(d.getCondition()) + ")";
        } else if (s instanceof ForStmt f) {
            return "for (" + f.getInitialization().stream().map(JavaSource::print).collect(Collectors.joining(", "))
                    + "; " + f.getCompare().map(JavaSource::print).orElse("") + "; "
                    + f.getUpdate().stream().map(JavaSource::print).collect(Collectors.joining(", ")) + ")";
        } else if (s instanceof ForEachStmt f) {
            return "for (" + print(f.getVariable()) + " : " + print(f.getIterable()) + ")";
        } else if (s instanceof SwitchStmt sw) {
            return "switch (" + print(sw.getSelector()) + ")";
        } else if (s instanceof SynchronizedStmt sy) {
            return "synchronized (" + print(sy.getExpression()) + ")";
        } else if (s instanceof TryStmt t) {
            return "try (" + t.getResources().stream().map(JavaSource::print).collect(Collectors.joining("; ")) + ")";
        }
        return print(s);
    }

    /** The code of a node without comments, and without the bodies of its multi-line lambdas and anonymous classes. */
    private static String print(Node node) {
        DefaultPrinterConfiguration config = new DefaultPrinterConfiguration();
        config.removeOption(new DefaultConfigurationOption(ConfigOption.PRINT_COMMENTS));
        config.removeOption(new DefaultConfigurationOption(ConfigOption.PRINT_JAVADOC));
        return new DefaultPrettyPrinter(BodilessPrinter::new, config).print(node);
    }

    /**
     * Prints a multi-line lambda body or anonymous class body as {@code { }}: like an {@code if}'s body, it is not
     * what a finding on the statement around it is about, and an edit inside it is an unrelated edit. (A finding
     * inside such a body lies in one of its own statements, whose code is printed in full.)
     */
    private static final class BodilessPrinter extends DefaultPrettyPrinterVisitor {

        BodilessPrinter(PrinterConfiguration configuration) {
            super(configuration);
        }

        @Override
        public void visit(BlockStmt n, Void arg) {
            if (n.getParentNode().orElse(null) instanceof LambdaExpr && multiLine(n)) {
                printer.print("{ }");
                return;
            }
            super.visit(n, arg);
        }

        @Override
        public void visit(ObjectCreationExpr n, Void arg) {
            if (n.getAnonymousClassBody().isEmpty() || !multiLine(n)) {
                super.visit(n, arg);
                return;
            }
            n.getScope().ifPresent(scope -> {
                scope.accept(this, arg);
                printer.print(".");
            });
            printer.print("new ");
            printTypeArgs(n, arg);
            n.getType().accept(this, arg);
            printArguments(n.getArguments(), arg);
            printer.print(" { }");
        }

        private static boolean multiLine(Node n) {
            return n.getRange().map(r -> r.begin.line != r.end.line).orElse(false);
        }
    }

    static String normalize(String code) {
        return WHITESPACE.matcher(code).replaceAll(" ").strip();
    }

    private void scanLineComments() {
        for (int i = 0; i < lines.size(); i++) {
            String text = lines.get(i);
            if (IGNORE_COMMENT.matcher(text).find()) {
                lineSuppressions.addAll(Markers.ignores(text.substring(text.indexOf("//") + 2), i + 1));
            }
        }
    }

    private static String describe(List<Problem> problems) {
        if (problems.isEmpty()) {
            return "does not parse";
        }
        Problem first = problems.get(0);
        String where = first.getLocation().flatMap(t -> t.getBegin().getRange()).map(r -> "line " + r.begin.line + ": ")
                .orElse("");
        String message = first.getMessage();
        int nl = message.indexOf('\n');
        return where + (nl < 0 ? message : message.substring(0, nl));
    }
}
