/**
 * The value analysis GenGuard's detectors share, plus the older helpers some detectors still use
 * ({@link dev.genguard.spotbugs.dataflow.ValueTrackingDetector}, {@link dev.genguard.spotbugs.dataflow.ConstantArrayFields}).
 *
 * <h2>Use</h2>
 * <pre>{@code
 * ValueAnalysis values = ValueAnalysis.of(new SpotBugsClassSource());   // one per detector instance
 * for (CallSite call : values.analyze(classNode, methodNode).calls("javax/servlet/http/HttpServletResponse", "addCookie")) {
 *     AbstractValue cookie = call.argument(0);
 *     if (cookie.isTracked() && !cookie.escaped() && !cookie.hasFact("setSecure", true)) { ... report ... }
 * }
 * }</pre>
 * At each reachable call the analysis knows, per argument and receiver: the string or integer constant and its
 * {@link dev.genguard.spotbugs.dataflow.Origin}, the static type, and for a tracked object (allocated or returned
 * by a call in the method) its {@link dev.genguard.spotbugs.dataflow.AbstractValue#creation() creation}, the calls
 * made on it on every path ({@link dev.genguard.spotbugs.dataflow.AbstractValue#facts() facts}) and whether it
 * {@link dev.genguard.spotbugs.dataflow.AbstractValue#escaped() escaped}. See {@code WeakCipherDetector}.
 *
 * <h2>Why ASM's analyzer</h2>
 * An intra-procedural abstract interpretation on {@code org.objectweb.asm.tree.analysis.Analyzer} with a custom
 * {@code Interpreter} ({@code ValueInterpreter}) and a {@code Frame} subclass ({@code ValueFrame}) that carries
 * object states merged at joins. Chosen over SpotBugs' dataflow framework because it is small and well known,
 * runs on a plain {@code ClassNode} so that unit tests analyse compiled samples without a SpotBugs run, and its
 * API has been stable across the ASM 9 releases that SpotBugs 4.8.6 to 4.10.x ship (ASM is provided by SpotBugs;
 * the plugin bundles nothing). SpotBugs' own {@code OpcodeStack} (the older {@code ValueTrackingDetector}) is a
 * single forward pass that forgets values at joins and cannot attach per-object state that survives aliasing.
 *
 * <h2>Semantics</h2>
 * <ul>
 *   <li>Constants: literals, locals, {@code static final} fields of any class on the classpath (their
 *       {@code ConstantValue}, or what a simple {@code <clinit>} stores), {@code int}/{@code long} arithmetic,
 *       indy string concatenation, {@code StringBuilder} contents (a property of the builder object, so
 *       statement-style appends count), {@code String.format}/{@code formatted}, case conversion, trimming,
 *       {@code valueOf}, boxing, {@code parseInt}. A join keeps a constant only if both paths agree.</li>
 *   <li>Facts are a must-analysis: at a join only calls made on both paths remain; a call made on both paths
 *       with different arguments remains with those arguments unknown. Objects are identified by the
 *       instruction that made them; an object made in a loop starts with no facts each time round.</li>
 *   <li>Escape is a may-analysis: passing a tracked object to a method the analysis does not model, storing it
 *       in a field or array, or capturing it in a lambda marks it escaped (its facts stay true but may be
 *       incomplete); so does passing more than {@code ObjectState.MAX_FACTS} facts.</li>
 *   <li>Properties: a {@code java.util.Properties} loaded from {@code getResourceAsStream} of a constant name
 *       (through {@code Class}, with package-relative names only for class literals, or a {@code ClassLoader},
 *       directly or through {@code InputStreamReader}/{@code BufferedReader}) is read from the analysed
 *       code's classpath, never executed; {@code getProperty} with a constant key gives the resource's value,
 *       or the default when the key or the resource is missing ({@code Origin.RESOURCE}). A load is assumed to
 *       succeed on the paths that attempt it. Properties of unknown origin (a file, a field, an escaped object)
 *       and {@code System.getProperty(key, default)} give the default as {@code Origin.DEFAULT}: what runs
 *       unless configured otherwise.</li>
 *   <li>Summaries: a call to a method of the analysed code whose target is fixed (static, private, final, or of
 *       a final class) is replaced by the method's summary: its constant return value, or the object it returns
 *       with the facts it has at every return (a factory hardened by a helper). Summaries are computed with
 *       unknown parameters, cached per depth, and nest at most {@code ValueAnalysis.SUMMARY_DEPTH} deep, which
 *       also bounds recursion. Conversely, a private method's parameters take the merged arguments of all its
 *       call sites in its nest, unless its handle is taken (a method reference).</li>
 *   <li>Limits: intra-procedural apart from the above; instance fields are unknown; fluent builders returning
 *       {@code this} (other than {@code StringBuilder}) give a new object per call, linked to its receiver
 *       through {@link dev.genguard.spotbugs.dataflow.Invocation#receiver()}; floating point is not followed;
 *       where the exception path of a load reaches a {@code getProperty} first (a swallowed
 *       {@code IOException}) the value is unknown. Every limit errs towards unknown.</li>
 *   <li>Cost: {@link dev.genguard.spotbugs.dataflow.AnalysisBudget} bounds the frames of a method, the fixpoint
 *       visits of a method (instructions executed), and the visits one detector spends on a class, summaries and
 *       call-site arguments included. An analysis over its budget reports nothing for that method (or the rest of
 *       that class), and the detector logs one line; what an analysis learns after the class budget ran out is not
 *       cached. The taint analysis keeps the same budgets.</li>
 * </ul>
 */
package dev.genguard.spotbugs.dataflow;
