package dev.genguard.spotbugs.taint;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AnnotationNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;

/**
 * What a call does to taint: the rules of {@link TaintRules} that match it (through the class hierarchy, cached
 * per called method), the models of strings, builders and collections, the summaries of the analysed code's
 * methods, and the default for everything else: the result carries the taint of the receiver and the arguments
 * (a number or boolean carries none), and a followed object that receives tainted arguments becomes tainted.
 */
final class Calls implements Opcodes {

    private static final Set<String> BUILDERS = Set.of(
            "java/lang/StringBuilder", "java/lang/StringBuffer", "java/lang/AbstractStringBuilder");
    private static final Type STRING = Type.getType(String.class);

    private final TaintAnalysis analysis;
    private final TaintRules rules;
    private final Map<String, Matched> matched = new HashMap<>();

    /** The rules that match one called method. */
    private record Matched(List<TaintRules.Source> sources, List<TaintRules.Sink> sinks,
                           List<TaintRules.Sanitizer> sanitizers, List<TaintRules.Validator> validators) {
        boolean isEmpty() {
            return sources.isEmpty() && sinks.isEmpty() && sanitizers.isEmpty() && validators.isEmpty();
        }
    }

    private static final Matched NONE = new Matched(List.of(), List.of(), List.of(), List.of());

    Calls(TaintAnalysis analysis, TaintRules rules) {
        this.analysis = analysis;
        this.rules = rules;
    }

    private Matched rulesFor(String owner, String name, String desc) {
        String key = owner + '.' + name + desc;
        Matched known = matched.get(key);
        if (known == null) {
            known = new Matched(match(owner, name, desc, TaintRules.Source.class, TaintRules.Source::member),
                    match(owner, name, desc, TaintRules.Sink.class, TaintRules.Sink::member),
                    match(owner, name, desc, TaintRules.Sanitizer.class, TaintRules.Sanitizer::member),
                    match(owner, name, desc, TaintRules.Validator.class, TaintRules.Validator::member));
            if (known.isEmpty()) {
                known = NONE;
            }
            matched.put(key, known);
        }
        return known;
    }

    private <T> List<T> match(String owner, String name, String desc, Class<T> kind,
                              java.util.function.Function<T, TaintRules.Member> member) {
        List<T> result = List.of();
        for (T rule : rules.named(name, kind)) {
            TaintRules.Member m = member.apply(rule);
            if (m.matchesNameAndDesc(name, desc) && analysis.isSubtype(owner, m.owner())
                    && (!(rule instanceof TaintRules.Source s) || s.kind().equals("call"))) {
                if (result.isEmpty()) {
                    result = new ArrayList<>(1);
                }
                result.add(rule);
            }
        }
        return result;
    }

    private static boolean needsSummary(TaintFrame frame, List<? extends Taint> values, Type returnType) {
        if (TaintInterpreter.isData(returnType) && returnType.getSort() != Type.VOID) {
            return true;
        }
        for (Taint value : values) {
            if (frame.effective(value).isTainted()) {
                return true;
            }
        }
        return false;
    }

    /** Whether a call is a sink by the rules (through the class hierarchy). */
    boolean isSink(MethodInsnNode call) {
        return !rulesFor(call.owner, call.name, call.desc).sinks().isEmpty();
    }

    /** Whether a call is a source by the rules. */
    boolean isSource(MethodInsnNode call) {
        return !rulesFor(call.owner, call.name, call.desc).sources().isEmpty();
    }

    Taint invoke(TaintInterpreter in, MethodInsnNode call, List<? extends Taint> values) {
        TaintFrame frame = in.frame;
        boolean hasReceiver = call.getOpcode() != INVOKESTATIC;
        Taint receiver = hasReceiver ? values.get(0) : null;
        List<? extends Taint> args = hasReceiver ? values.subList(1, values.size()) : values;
        Type returnType = Type.getReturnType(call.desc);
        Matched rules = rulesFor(call.owner, call.name, call.desc);
        // A summary matters for what the method returns or does with tainted arguments: a void call with clean
        // arguments (doGet calling doPost(request, response)) needs none, which saves analysing the callee twice.
        TaintAnalysis.Summary summary = rules.isEmpty() && needsSummary(frame, values, returnType)
                ? analysis.summary(call) : null;
        TaintAnalysis.MethodRun run = in.run();
        checkSinks(frame, run, call, rules, receiver, args);
        if (summary != null) {
            for (TaintAnalysis.ParameterSink sink : summary.sinks()) {
                if (sink.parameter() < values.size()) {
                    run.check(sink.sink(), frame.effective(values.get(sink.parameter())), call, sink.where());
                }
            }
        }
        if ("<init>".equals(call.name)) {
            construct(frame, call, receiver, args);
            return null;
        }
        if (!rules.sources().isEmpty()) {
            TaintRules.Source source = rules.sources().get(0);
            return TaintInterpreter.isData(returnType) ? Taint.tainted(returnType, source.label().bit(),
                    simpleName(call.owner) + "." + call.name) : Taint.of(returnType);
        }
        if (!rules.sanitizers().isEmpty()) {
            Taint result = propagate(frame, receiver, args, returnType);
            for (TaintRules.Sanitizer sanitizer : result == null ? List.<TaintRules.Sanitizer>of() : rules.sanitizers()) {
                if (sanitizer.argument() == null || argumentHolds(args, sanitizer.argument())) {
                    result = result.cleaned(sanitizer.kinds(), sanitizer.marks());
                }
            }
            // file.getCanonicalPath().startsWith(base) validates file.
            return projected(call, receiver, args, result);
        }
        if (!rules.validators().isEmpty() && returnType.getSort() == Type.BOOLEAN) {
            for (TaintRules.Validator validator : rules.validators()) {
                Taint guarded = validate(validator, receiver, args);
                if (guarded.guard() != null) {
                    return guarded;
                }
            }
            return Taint.of(returnType);
        }
        if (!rules.sinks().isEmpty()) {
            // What a query, a command, a file or a remote call returns is its own data, not the argument it consumed;
            // the other arguments and the receiver still pass their taint (text.split(regex) is the text's).
            return sinkResult(frame, call, rules.sinks(), receiver, args, returnType);
        }
        if (BUILDERS.contains(call.owner)) {
            return builder(frame, call, receiver, args, returnType);
        }
        if ("java/lang/String".equals(call.owner)) {
            Taint folded = string(call, receiver, args, returnType);
            if (folded != null) {
                return folded;
            }
        }
        if (receiver != null && frame.contents(receiver) != null && receiver.object() != TaintFrame.THIS
                && analysis.isCollection(call.owner)) {
            return collection(frame, call, receiver, args, returnType);
        }
        // A created bean's properties before its summary: a summary does not say what a setter stored.
        Taint property = property(frame, call, receiver, args, returnType);
        if (property != null) {
            return property == NO_RESULT ? null : property;
        }
        if (summary != null) {
            validatedBy(frame, summary, values);
            return guardedBy(summary, values, summarised(frame, summary, values, returnType));
        }
        Taint result = propagate(frame, receiver, args, returnType);
        sideEffects(frame, receiver, args);
        return projected(call, receiver, args, result);
    }

    private static final Taint NO_RESULT = Taint.of(Type.VOID_TYPE);

    private static Taint sinkResult(TaintFrame frame, MethodInsnNode call, List<TaintRules.Sink> sinks, Taint receiver,
                                    List<? extends Taint> args, Type returnType) {
        if (returnType.getSort() == Type.VOID) {
            return null;
        }
        boolean[] consumed = new boolean[args.size() + 1];
        for (TaintRules.Sink sink : sinks) {
            // A request to a URL (a destination sink) returns the remote content: none of its arguments is in it.
            if (sink.arguments().length == 0 || sink.destination()) {
                java.util.Arrays.fill(consumed, 1, consumed.length, true);
            }
            for (int argument : sink.arguments()) {
                if (argument + 1 < consumed.length) {
                    consumed[argument + 1] = true;
                }
            }
        }
        Taint result = Taint.of(returnType);
        if (TaintInterpreter.isData(returnType)) {
            if (receiver != null && !consumed[0] && receiver.object() != TaintFrame.THIS) {
                result = result.plus(frame.effective(receiver));
            }
            for (int i = 0; i < args.size(); i++) {
                if (!consumed[i + 1]) {
                    result = result.plus(frame.effective(args.get(i)));
                }
            }
        }
        // A writer's format returns the writer itself: keep its marks so that chained calls stay sinks.
        if (receiver != null && returnType.getSort() == Type.OBJECT && returnType.getInternalName().equals(call.owner)) {
            result = result.cleaned(0, receiver.marks());
        }
        return result;
    }

    /**
     * Bean properties of an object the method created: {@code setName(v)} stores {@code v} under "name" and
     * {@code getName()}/{@code isName()} reads it back (with what the constructor and other calls gave the object
     * as a whole). Null when the call is no property access of a followed object.
     */
    private static Taint property(TaintFrame frame, MethodInsnNode call, Taint receiver, List<? extends Taint> args,
                                  Type returnType) {
        Contents contents = receiver == null || receiver.object() == TaintFrame.THIS ? null : frame.contents(receiver);
        if (contents == null || contents.entries() == null) {
            return null;
        }
        String name = call.name;
        if (name.length() > 3 && name.startsWith("set") && args.size() == 1) {
            frame.put(receiver.object(), contents.put(propertyName(name.substring(3)), stored(frame, args.get(0))));
            return returnType.getSort() == Type.VOID ? NO_RESULT : Taint.of(returnType);
        }
        String property = name.length() > 3 && name.startsWith("get") ? name.substring(3)
                : name.length() > 2 && name.startsWith("is") ? name.substring(2) : null;
        if (property != null && args.isEmpty() && returnType.getSort() != Type.VOID) {
            return result(returnType, contents.entry(propertyName(property)));
        }
        return null;
    }

    private static String propertyName(String suffix) {
        return Character.toLowerCase(suffix.charAt(0)) + suffix.substring(1);
    }

    /**
     * A part of a variable stays linked to it, so that a check of the part validates the variable:
     * {@code target.getParent().equals(root)}, {@code ALLOWED_HOSTS.contains(uri.getHost())},
     * {@code SAFE.matcher(name).matches()}. The result of a call without arguments keeps the variable and the marks
     * of its receiver (a normalized path's parent, absolute form or text is normalized).
     */
    private static Taint projected(MethodInsnNode call, Taint receiver, List<? extends Taint> args, Taint result) {
        if (result == null || !TaintInterpreter.isData(result.type())) {
            return result;
        }
        if ("java/util/regex/Pattern".equals(call.owner) && "matcher".equals(call.name) && args.size() == 1
                && args.get(0).local() >= 0) {
            return result.withLocal(args.get(0).local());
        }
        if (args.isEmpty() && receiver != null && receiver.object() != TaintFrame.THIS) {
            Taint kept = result.cleaned(0, receiver.marks()).withOrigin(receiver.origin());
            return receiver.local() >= 0 ? kept.withLocal(receiver.local()) : kept;
        }
        // A parse of a variable (URI.create(url), Paths.get(name)): checking the parsed form checks the variable.
        if (call.getOpcode() == INVOKESTATIC && args.size() == 1 && TaintInterpreter.isData(args.get(0).type())) {
            Taint arg = args.get(0);
            int variable = arg.local() >= 0 ? arg.local() : arg.origin();
            return variable >= 0 ? result.withOrigin(variable) : result;
        }
        return result;
    }

    private void checkSinks(TaintFrame frame, TaintAnalysis.MethodRun run, MethodInsnNode call, Matched rules,
                            Taint receiver, List<? extends Taint> args) {
        for (TaintRules.Sink sink : rules.sinks()) {
            if (sink.receiverMarks() != 0 && (receiver == null || (receiver.marks() & sink.receiverMarks()) != sink.receiverMarks())) {
                continue;
            }
            String name = simpleName(call.owner) + "." + call.name;
            if (sink.arguments().length == 0) {
                for (Taint arg : args) {
                    run.check(sink, frame.effective(arg), call, name);
                }
            }
            for (int argument : sink.arguments()) {
                Taint value = argument < 0 ? receiver : argument < args.size() ? args.get(argument) : null;
                if (value != null) {
                    run.check(sink, frame.effective(value), call, name);
                }
            }
        }
    }

    static String simpleName(String internalName) {
        return internalName.substring(internalName.lastIndexOf('/') + 1).replace('$', '.');
    }

    /** The default: a data-typed result carries the receiver's and the arguments' taint. */
    private static Taint propagate(TaintFrame frame, Taint receiver, List<? extends Taint> args, Type returnType) {
        if (returnType.getSort() == Type.VOID) {
            return null;
        }
        Taint result = Taint.of(returnType);
        if (!TaintInterpreter.isData(returnType)) {
            return result;
        }
        if (receiver != null) {
            result = result.plus(receiver.object() == TaintFrame.THIS ? receiver : frame.effective(receiver));
        }
        for (Taint arg : args) {
            result = result.plus(frame.effective(arg));
        }
        return result;
    }

    /** What the arguments carry, joined (their objects' contents included). */
    private static Taint incoming(TaintFrame frame, List<? extends Taint> args) {
        Taint incoming = Taint.of(null);
        for (Taint arg : args) {
            incoming = incoming.plus(frame.effective(arg));
        }
        return incoming;
    }

    /** A followed object that receives tainted data keeps it; a buffer a tainted receiver fills becomes tainted. */
    private static void sideEffects(TaintFrame frame, Taint receiver, List<? extends Taint> args) {
        Taint incoming = incoming(frame, args);
        if (receiver != null && receiver.object() != TaintFrame.THIS && incoming.isTainted()) {
            Contents contents = frame.contents(receiver);
            if (contents != null) {
                frame.put(receiver.object(), contents.absorbed(incoming));
            }
        }
        Taint source = receiver == null ? null : receiver.object() == TaintFrame.THIS ? null : frame.effective(receiver);
        if (source != null && source.isTainted()) {
            for (Taint arg : args) {
                Contents contents = frame.contents(arg);
                if (contents != null && arg.type() != null && arg.type().getSort() == Type.ARRAY) {
                    frame.put(arg.object(), contents.collapsed(source));
                }
            }
        }
    }

    private void construct(TaintFrame frame, MethodInsnNode call, Taint receiver, List<? extends Taint> args) {
        Contents contents = frame.contents(receiver);
        if (contents == null || receiver.object() == TaintFrame.THIS) {
            return;
        }
        if (BUILDERS.contains(call.owner)) {
            Taint text = args.isEmpty() || !TaintInterpreter.isData(args.get(0).type()) || call.desc.startsWith("(I")
                    ? Taint.constant(STRING, "") : frame.effective(args.get(0)).taintOnly(STRING)
                    .withPrefix(args.get(0).prefix());
            if (!args.isEmpty() && args.get(0).constant() instanceof String s) {
                text = Taint.constant(STRING, s);
            }
            frame.put(receiver.object(), Contents.text(text));
            return;
        }
        Taint incoming = Taint.of(null);
        int variable = -1;
        int taintedArguments = 0;
        for (Taint arg : args) {
            Taint effective = frame.effective(arg);
            incoming = incoming.plus(effective);
            if (effective.isTainted()) {
                taintedArguments++;
                variable = arg.local() >= 0 ? arg.local() : arg.origin();
            }
        }
        if (incoming.isTainted()) {
            Contents built = analysis.isCollection(call.owner) ? contents.collapsed(incoming) : contents.absorbed(incoming);
            // new File(base, name) checked is name checked (one tainted argument, held in a variable).
            frame.put(receiver.object(), taintedArguments == 1 && variable >= 0 ? built.withOrigin(variable) : built);
        }
    }

    /**
     * Whether the first argument's constant holds {@code text}: a string that contains it, written as is or escaped
     * ({@code "[\\r\\n]"} for a line feed), or a {@code char} equal to it ({@code replace('\n', ' ')}).
     */
    private static boolean argumentHolds(List<? extends Taint> args, String text) {
        Object constant = args.isEmpty() ? null : args.get(0).constant();
        if (constant instanceof String s) {
            return s.contains(text) || s.contains(TaintRules.escape(text));
        }
        return constant instanceof Integer c && text.length() == 1 && text.charAt(0) == (char) (int) c;
    }

    private Taint validate(TaintRules.Validator validator, Taint receiver, List<? extends Taint> args) {
        Taint checked = validator.checked() < 0 ? receiver
                : validator.checked() < args.size() ? args.get(validator.checked()) : null;
        Taint result = Taint.of(Type.BOOLEAN_TYPE);
        if (checked == null || checked.local() < 0
                || (checked.marks() & validator.requires()) != validator.requires()) {
            return result;
        }
        if (validator.argument() != null) {
            Taint other = validator.checked() < 0 ? (args.isEmpty() ? null : args.get(0)) : receiver;
            if (other == null || !argumentHolds(List.of(other), validator.argument())) {
                return result;
            }
        }
        return result.withGuard(new Taint.Guard(checked.local(), checked.origin(), validator.whenTrue(), validator.kinds(),
                validator.requires()));
    }

    private Taint builder(TaintFrame frame, MethodInsnNode call, Taint receiver, List<? extends Taint> args, Type returnType) {
        Contents contents = frame.contents(receiver);
        Taint text = contents == null ? null : contents.text();
        if (contents == null || text == null) {
            Taint result = propagate(frame, receiver, args, returnType);
            sideEffects(frame, receiver, args);
            return result;
        }
        switch (call.name) {
            case "append": {
                Taint arg = args.get(0);
                Taint appended = appendText(text, frame.effective(arg), arg, call.desc);
                frame.put(receiver.object(), contents.withText(appended));
                return receiver.withLocal(-1);
            }
            case "toString":
                return text.withType(STRING).withLocal(-1);
            case "insert": case "replace": case "reverse": case "delete": case "deleteCharAt": case "setCharAt":
            case "setLength": {
                Taint changed = text.taintOnly(STRING);
                for (Taint arg : args) {
                    changed = changed.plus(frame.effective(arg));
                }
                frame.put(receiver.object(), contents.withText(changed));
                return returnType.getSort() == Type.VOID ? null
                        : BUILDERS.contains(returnType.getInternalName()) ? receiver.withLocal(-1) : Taint.of(returnType);
            }
            default:
                if (!TaintInterpreter.isData(returnType)) {
                    return returnType.getSort() == Type.VOID ? null : Taint.of(returnType);
                }
                return text.taintOnly(returnType);
        }
    }

    private static Taint appendText(Taint text, Taint effective, Taint arg, String desc) {
        Type argType = Type.getArgumentTypes(desc)[0];
        if (text.constant() instanceof String s && arg.constant() != null && !effective.isTainted()) {
            String joined = TaintInterpreter.bounded(s + TaintInterpreter.renderConstant(arg.withType(argType)));
            if (joined != null) {
                return Taint.constant(STRING, joined);
            }
        }
        String prefix = text.constant() instanceof String s ? s : text.prefix();
        return Taint.of(STRING).plus(text).plus(effective).withPrefix(prefix);
    }

    /** Constant folding of the String methods a branch or a key may depend on; null when not folded here. */
    private Taint string(MethodInsnNode call, Taint receiver, List<? extends Taint> args, Type returnType) {
        String s = receiver == null ? null : receiver.constant() instanceof String c ? c : null;
        boolean argsConstant = args.stream().allMatch(a -> a.constant() != null && !a.isTainted());
        if (call.getOpcode() == INVOKESTATIC) {
            if ("valueOf".equals(call.name) && args.size() == 1 && argsConstant
                    && !call.desc.startsWith("([C") && !call.desc.startsWith("(Ljava/lang/Object;")) {
                return Taint.constant(STRING, TaintInterpreter.renderConstant(args.get(0)
                        .withType(Type.getArgumentTypes(call.desc)[0])));
            }
            return null;
        }
        if (s == null || !argsConstant) {
            return null;
        }
        Object a0 = args.isEmpty() ? null : args.get(0).constant();
        Object folded = switch (call.name) {
            case "charAt" -> a0 instanceof Integer i && i >= 0 && i < s.length() ? (int) s.charAt(i) : null;
            case "length" -> s.length();
            case "isEmpty" -> s.isEmpty() ? 1 : 0;
            case "equals" -> a0 instanceof String o ? (s.equals(o) ? 1 : 0) : null;
            case "toString", "trim", "intern" -> "trim".equals(call.name) ? s.trim() : s;
            case "toUpperCase" -> args.isEmpty() ? s.toUpperCase(java.util.Locale.ROOT) : null;
            case "toLowerCase" -> args.isEmpty() ? s.toLowerCase(java.util.Locale.ROOT) : null;
            case "substring" -> substring(s, args);
            case "concat" -> a0 instanceof String o ? s + o : null;
            default -> null;
        };
        if (folded == null) {
            return null;
        }
        return folded instanceof String text ? Taint.constant(STRING, text) : Taint.constant(returnType, folded);
    }

    private static String substring(String s, List<? extends Taint> args) {
        Object begin = args.get(0).constant();
        Object end = args.size() > 1 ? args.get(1).constant() : s.length();
        if (begin instanceof Integer b && end instanceof Integer e && b >= 0 && b <= e && e <= s.length()) {
            return s.substring(b, e);
        }
        return null;
    }

    private Taint collection(TaintFrame frame, MethodInsnNode call, Taint receiver, List<? extends Taint> args, Type returnType) {
        int object = receiver.object();
        Contents contents = frame.contents(receiver);
        Type[] argTypes = Type.getArgumentTypes(call.desc);
        Object key = args.isEmpty() ? null : args.get(0).constant();
        Taint element;
        boolean fluent = returnType.getSort() == Type.OBJECT && returnType.getInternalName().equals(call.owner);
        if (fluent && !call.name.equals("get") && !call.name.equals("remove")) {
            // A collection's own fluent method (Tags add(a, b) returning this): the same object, with what it got.
            Taint incoming = incoming(frame, args);
            if (incoming.isTainted()) {
                frame.put(object, contents.collapsed(incoming));
            }
            return receiver.withLocal(-1);
        }
        switch (call.name + argTypes.length) {
            case "add1", "addLast1", "offer1", "offerLast1", "push1" -> {
                frame.put(object, contents.added(stored(frame, args.get(0))));
                return result(returnType, null);
            }
            case "add2" -> {
                frame.put(object, argTypes[0].getSort() == Type.INT && key instanceof Integer i
                        ? contents.inserted(i, stored(frame, args.get(1))) : contents.collapsed(stored(frame, args.get(1))));
                return result(returnType, null);
            }
            case "set2" -> {
                element = argTypes[0].getSort() == Type.INT ? contents.element(key instanceof Integer i ? i : null) : contents.all();
                frame.put(object, key instanceof Integer i ? contents.set(i, stored(frame, args.get(1)))
                        : contents.collapsed(stored(frame, args.get(1))));
                return result(returnType, element);
            }
            case "get1" -> {
                element = contents.entries() != null ? contents.entry(key)
                        : contents.element(argTypes[0].getSort() == Type.INT && key instanceof Integer i ? i : null);
                return result(returnType, element);
            }
            case "getOrDefault2" -> {
                return result(returnType, contents.entry(key) == null ? null : contents.entry(key).plus(frame.effective(args.get(1))));
            }
            case "remove1" -> {
                if (argTypes[0].getSort() == Type.INT) {
                    element = contents.element(key instanceof Integer i ? i : null);
                    frame.put(object, key instanceof Integer i ? contents.removed(i) : contents.collapsed(null));
                } else if (contents.entries() != null) {
                    element = contents.entry(key);
                    frame.put(object, contents.removedKey(key));
                } else {
                    element = null;
                }
                return result(returnType, element);
            }
            case "put2", "putIfAbsent2" -> {
                element = contents.entry(key);
                Taint value = stored(frame, args.get(1));
                Taint keyTaint = frame.effective(args.get(0));
                Contents updated = key != null && !keyTaint.isTainted() ? contents.put(key, value)
                        : contents.collapsed(value.plus(keyTaint));
                frame.put(object, updated);
                return result(returnType, element);
            }
            case "clear0" -> {
                frame.put(object, contents.cleared());
                return result(returnType, null);
            }
            default -> {
                Taint incoming = incoming(frame, args);
                if (incoming.isTainted()) {
                    frame.put(object, contents.collapsed(incoming));
                }
                Taint all = frame.contents(receiver).all();
                return result(returnType, all == null ? incoming : incoming.plus(all));
            }
        }
    }

    private static Taint stored(TaintFrame frame, Taint value) {
        return frame.effective(value).withLocal(-1).withObject(-1).withGuard(null);
    }

    private static Taint result(Type returnType, Taint element) {
        if (returnType.getSort() == Type.VOID) {
            return null;
        }
        if (!TaintInterpreter.isData(returnType) || element == null) {
            return Taint.of(returnType);
        }
        return element.constant() != null && !element.isTainted() ? Taint.constant(returnType, element.constant())
                : element.taintOnly(returnType);
    }

    /** After a call to a checking helper that throws otherwise ({@code requireInside(file)}), its arguments are safe. */
    private static void validatedBy(TaintFrame frame, TaintAnalysis.Summary summary, List<? extends Taint> values) {
        int[] clean = summary.cleanOnReturn();
        for (int p = 0; clean != null && p < clean.length && p < values.size(); p++) {
            Taint arg = values.get(p);
            if (clean[p] != 0 && (arg.isTainted() || frame.contents(arg) != null) && hasRequiredMarks(summary, p, arg)) {
                for (int local : new int[] {arg.local(), arg.origin()}) {
                    if (local >= 0 && local < frame.getLocals()) {
                        TaintAnalysis.clean(frame, local, clean[p]);
                    }
                }
            }
        }
    }

    /** Whether an argument carries the marks the helper's check relied on ({@code normalized} for a path check). */
    private static boolean hasRequiredMarks(TaintAnalysis.Summary summary, int parameter, Taint arg) {
        int[] required = summary.requiredMarks();
        int marks = required == null || parameter >= required.length ? 0 : required[parameter];
        return (arg.marks() & marks) == marks;
    }

    /** The result of a boolean checking helper ({@code isAllowed(url)}) guards the argument it checked. */
    private static Taint guardedBy(TaintAnalysis.Summary summary, List<? extends Taint> values, Taint result) {
        int[] clean = summary.cleanWhenTrue();
        if (result == null || result.type() == null || result.type().getSort() != Type.BOOLEAN || clean == null) {
            return result;
        }
        for (int p = 0; p < clean.length && p < values.size(); p++) {
            Taint arg = values.get(p);
            if (clean[p] != 0 && (arg.local() >= 0 || arg.origin() >= 0)) {
                int local = arg.local() >= 0 ? arg.local() : arg.origin();
                if (!hasRequiredMarks(summary, p, arg)) {
                    continue;
                }
                return result.withGuard(new Taint.Guard(local, arg.origin(), true, clean[p], 0));
            }
        }
        return result;
    }

    private static Taint summarised(TaintFrame frame, TaintAnalysis.Summary summary, List<? extends Taint> values,
                                    Type returnType) {
        if (returnType.getSort() == Type.VOID) {
            return null;
        }
        if (summary.returnConstant() != null && summary.returnLabels() == 0) {
            return Taint.constant(returnType, summary.returnConstant());
        }
        if (!TaintInterpreter.isData(returnType)) {
            return Taint.of(returnType);
        }
        Taint result = Taint.of(returnType).plus(summary.returnLabels() & Taint.SOURCE_MASK, summary.returnClean(),
                summary.returnSource());
        long parameters = summary.returnLabels() >>> Taint.PARAMETER_BASE;
        for (int p = 0; parameters != 0 && p < values.size(); p++, parameters >>>= 1) {
            if ((parameters & 1) != 0) {
                Taint arg = frame.effective(values.get(p));
                result = result.plus(arg.labels(), arg.cleanFor() | summary.returnClean(), arg.source());
            }
        }
        return result;
    }

    // ---- sources at the method entry and sinks at its return ----

    /** The source labels of parameter {@code argument} of a method analysed as itself. */
    long parameterSource(ClassNode owner, MethodNode method, int argument, Type type) {
        long labels = 0;
        List<AnnotationNode> annotations = parameterAnnotations(method, argument);
        for (TaintRules.Source source : rules.sources()) {
            String annotation = "L" + source.member().owner() + ";";
            switch (source.kind()) {
                case "parameter-annotation" -> {
                    if (annotations.stream().anyMatch(a -> a.desc.equals(annotation))) {
                        labels |= source.label().bit();
                    }
                }
                case "handler-parameter" -> {
                    if (annotations.isEmpty() && (STRING.equals(type) || "[Ljava/lang/String;".equals(type.getDescriptor()))
                            && hasAnnotation(method.visibleAnnotations, annotation)) {
                        labels |= source.label().bit();
                    }
                }
                case "main-arguments" -> {
                    if (method.name.equals("main") && method.desc.equals("([Ljava/lang/String;)V")
                            && (method.access & ACC_STATIC) != 0 && (method.access & ACC_PUBLIC) != 0) {
                        labels |= source.label().bit();
                    }
                }
                default -> {
                }
            }
        }
        return labels;
    }

    private static List<AnnotationNode> parameterAnnotations(MethodNode method, int argument) {
        List<AnnotationNode> result = new ArrayList<>();
        for (List<AnnotationNode>[] table : List.of(
                method.visibleParameterAnnotations == null ? new List[0] : method.visibleParameterAnnotations,
                method.invisibleParameterAnnotations == null ? new List[0] : method.invisibleParameterAnnotations)) {
            if (argument < table.length && table[argument] != null) {
                result.addAll(table[argument]);
            }
        }
        return result;
    }

    private static boolean hasAnnotation(List<AnnotationNode> annotations, String desc) {
        return annotations != null && annotations.stream().anyMatch(a -> a.desc.equals(desc));
    }

    /**
     * The sinks a method's returned {@code String} reaches: rules whose method is {@code @return}, for an
     * annotation on the method or its class ({@code @ResponseBody}, {@code @RestController}, a request mapping).
     */
    List<TaintRules.Sink> returnSinks(ClassNode owner, MethodNode method) {
        // A ResponseEntity<String> is a response body whatever the controller's annotations: the HTML-body sinks apply.
        boolean entity = method.signature != null && method.signature.endsWith(")" + STRING_ENTITY);
        if (!STRING.equals(Type.getReturnType(method.desc)) && !entity) {
            return List.of();
        }
        List<TaintRules.Sink> result = new ArrayList<>();
        for (TaintRules.Sink sink : rules.named("@return", TaintRules.Sink.class)) {
            String annotation = "L" + sink.member().owner() + ";";
            boolean annotated = hasAnnotation(method.visibleAnnotations, annotation)
                    || hasAnnotation(owner.visibleAnnotations, annotation);
            if ((entity ? sink.html() && !result.contains(sink) && result.stream().noneMatch(TaintRules.Sink::html)
                    : annotated) && isHandler(method)) {
                result.add(sink);
            }
        }
        return result;
    }

    private static final String STRING_ENTITY = "Lorg/springframework/http/ResponseEntity<Ljava/lang/String;>;";

    /**
     * Whether a method declares a response type that is not HTML: a {@code setContentType} (or a response entity's
     * {@code contentType}) call whose constant, concatenation's constant start or {@code MediaType} constant names
     * another type ({@code "text/plain; charset=" + CHARSET}, {@code MediaType.APPLICATION_JSON}), or a mapping
     * whose {@code produces} names only other types ({@code produces = "application/json"}), on the method or its
     * class. What such a method writes cannot script a page.
     */
    static boolean declaresNonHtmlResponse(ClassNode owner, MethodNode method) {
        Boolean produces = producesHtml(method.visibleAnnotations);
        if (produces == null) {
            produces = producesHtml(owner.visibleAnnotations);
        }
        if (produces != null) {
            return !produces;
        }
        boolean nonHtml = false;
        for (org.objectweb.asm.tree.AbstractInsnNode insn = method.instructions.getFirst(); insn != null; insn = insn.getNext()) {
            if (insn instanceof MethodInsnNode call && ("setContentType".equals(call.name) || "contentType".equals(call.name))
                    && insn.getPrevious() != null) {
                // A constant, a concatenation's recipe, or a MediaType constant (TEXT_HTML, APPLICATION_JSON).
                String type = insn.getPrevious() instanceof org.objectweb.asm.tree.LdcInsnNode ldc && ldc.cst instanceof String s ? s
                        : insn.getPrevious() instanceof org.objectweb.asm.tree.InvokeDynamicInsnNode indy && indy.bsmArgs.length > 0
                        && indy.bsmArgs[0] instanceof String recipe ? recipe
                        : insn.getPrevious() instanceof org.objectweb.asm.tree.FieldInsnNode field
                        && field.getOpcode() == GETSTATIC ? field.name : null;
                if (type == null || type.toLowerCase(java.util.Locale.ROOT).contains("html")) {
                    return false;
                }
                nonHtml = true;
            }
        }
        return nonHtml;
    }

    /** True or false when some annotation has a {@code produces} attribute (whether one value is HTML), else null. */
    private static Boolean producesHtml(List<AnnotationNode> annotations) {
        if (annotations == null) {
            return null;
        }
        for (AnnotationNode annotation : annotations) {
            if (annotation.values == null) {
                continue;
            }
            for (int i = 0; i + 1 < annotation.values.size(); i += 2) {
                if ("produces".equals(annotation.values.get(i)) && annotation.values.get(i + 1) instanceof List<?> types
                        && !types.isEmpty()) {
                    return types.stream().anyMatch(t -> String.valueOf(t).toLowerCase(java.util.Locale.ROOT).contains("html")
                            || String.valueOf(t).contains("*"));
                }
            }
        }
        return null;
    }

    /** A request-handling method: one some {@code handler-parameter} source names (a request mapping). */
    private boolean isHandler(MethodNode method) {
        for (TaintRules.Source source : rules.sources()) {
            if (source.kind().equals("handler-parameter")
                    && hasAnnotation(method.visibleAnnotations, "L" + source.member().owner() + ";")) {
                return true;
            }
        }
        return false;
    }
}
