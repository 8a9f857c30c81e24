package dev.genguard.pmd.web;

import dev.genguard.pmd.internal.SourceKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import net.sourceforge.pmd.lang.java.ast.ASTAssignableExpr.ASTNamedReferenceExpr;
import net.sourceforge.pmd.lang.java.ast.ASTCompilationUnit;
import net.sourceforge.pmd.lang.java.ast.ASTConstructorCall;
import net.sourceforge.pmd.lang.java.ast.ASTExpression;
import net.sourceforge.pmd.lang.java.ast.ASTMethodCall;
import net.sourceforge.pmd.lang.java.ast.ASTReturnStatement;
import net.sourceforge.pmd.lang.java.ast.ASTVariableId;
import net.sourceforge.pmd.lang.java.ast.InvocationNode;
import net.sourceforge.pmd.lang.java.rule.AbstractJavaRulechainRule;
import net.sourceforge.pmd.lang.java.symbols.JTypeDeclSymbol;
import net.sourceforge.pmd.lang.java.types.InvocationMatcher;
import net.sourceforge.pmd.lang.java.types.InvocationMatcher.CompoundInvocationMatcher;
import net.sourceforge.pmd.lang.java.types.TypeTestUtil;

/**
 * Finds outbound HTTP clients created without timeouts, so that a slow or silent server blocks the calling
 * thread forever: an {@code HttpURLConnection} opened and used in a method that sets no connect or read
 * timeout, a {@code java.net.http} request without {@code timeout(...)} sent through a client built without
 * {@code connectTimeout(...)}, a {@code RestTemplate} on its default request factory, and Apache HttpClient 4/5
 * clients made by {@code HttpClients.createDefault()} or by a builder without request configuration. Reports
 * the call that creates the connection or client (the request, for {@code java.net.http}).
 *
 * <p>Precision over recall: a value handed to a helper (which may configure it), a client received as a
 * parameter or a builder assembled across statements is unknown, and unknown values are left alone.
 */
public class MissingHttpTimeoutRule extends AbstractJavaRulechainRule {

    private static final InvocationMatcher OPEN_CONNECTION = InvocationMatcher.parse("java.net.URL#openConnection(_*)");
    private static final String HTTP_URL_CONNECTION = "java.net.HttpURLConnection";
    /** Calls that make the request: a connection used in the method, not only prepared and handed on. */
    private static final Set<String> CONNECTION_IO = Set.of(
            "connect", "getInputStream", "getOutputStream", "getResponseCode", "getResponseMessage", "getContent",
            "getErrorStream");

    private static final CompoundInvocationMatcher JDK_SEND = InvocationMatcher.parseAll(
            "java.net.http.HttpClient#send(_*)",
            "java.net.http.HttpClient#sendAsync(_*)");
    private static final InvocationMatcher JDK_NEW_CLIENT = InvocationMatcher.parse("java.net.http.HttpClient#newHttpClient()");
    private static final InvocationMatcher JDK_CLIENT_BUILDER = InvocationMatcher.parse("java.net.http.HttpClient#newBuilder()");
    private static final InvocationMatcher JDK_REQUEST_BUILDER = InvocationMatcher.parse("java.net.http.HttpRequest#newBuilder(_*)");

    private static final InvocationMatcher NEW_REST_TEMPLATE = InvocationMatcher.parse("org.springframework.web.client.RestTemplate#new(_*)");
    private static final String REQUEST_FACTORY = "org.springframework.http.client.ClientHttpRequestFactory";

    /** Apache clients with the library's defaults: no connect timeout (4.x) and no response timeout (4.x and 5.x). */
    private static final CompoundInvocationMatcher APACHE_DEFAULT_CLIENTS = InvocationMatcher.parseAll(
            "org.apache.http.impl.client.HttpClients#createDefault()",
            "org.apache.http.impl.client.HttpClients#createSystem()",
            "org.apache.http.impl.client.HttpClients#createMinimal()",
            "org.apache.hc.client5.http.impl.classic.HttpClients#createDefault()",
            "org.apache.hc.client5.http.impl.classic.HttpClients#createSystem()",
            "org.apache.hc.client5.http.impl.classic.HttpClients#createMinimal()",
            "org.apache.hc.client5.http.impl.async.HttpAsyncClients#createDefault()",
            "org.apache.hc.client5.http.impl.async.HttpAsyncClients#createSystem()");
    private static final CompoundInvocationMatcher APACHE_BUILDER_STARTS = InvocationMatcher.parseAll(
            "org.apache.http.impl.client.HttpClientBuilder#create()",
            "org.apache.http.impl.client.HttpClients#custom()",
            "org.apache.hc.client5.http.impl.classic.HttpClientBuilder#create()",
            "org.apache.hc.client5.http.impl.classic.HttpClients#custom()",
            "org.apache.hc.client5.http.impl.async.HttpAsyncClientBuilder#create()",
            "org.apache.hc.client5.http.impl.async.HttpAsyncClients#custom()");
    private static final CompoundInvocationMatcher APACHE_BUILD = InvocationMatcher.parseAll(
            "org.apache.http.impl.client.HttpClientBuilder#build()",
            "org.apache.hc.client5.http.impl.classic.HttpClientBuilder#build()",
            "org.apache.hc.client5.http.impl.async.HttpAsyncClientBuilder#build()");
    /**
     * Builder calls that carry timeouts: the request configuration, socket configuration (4.x), or a connection
     * manager, which holds the connection and socket configuration in 5.x and may in 4.x.
     */
    private static final Set<String> APACHE_TIMEOUT_CONFIG = Set.of(
            "setDefaultRequestConfig", "setDefaultSocketConfig", "setConnectionManager");
    /** Per-request configuration: code that sets it gives its requests their own timeouts. */
    private static final CompoundInvocationMatcher APACHE_REQUEST_CONFIG = InvocationMatcher.parseAll(
            "org.apache.http.client.methods.HttpRequestBase#setConfig(_)",
            "org.apache.http.client.protocol.HttpClientContext#setRequestConfig(_)",
            "org.apache.hc.client5.http.classic.methods.HttpUriRequestBase#setConfig(_)",
            "org.apache.hc.client5.http.protocol.HttpClientContext#setRequestConfig(_)",
            "org.apache.hc.core5.http.HttpRequest#setConfig(_)");

    public MissingHttpTimeoutRule() {
        super(ASTMethodCall.class, ASTConstructorCall.class);
    }

    @Override
    public Object visit(ASTMethodCall call, Object data) {
        if (OPEN_CONNECTION.matchesCall(call)) {
            checkUrlConnection(call, data);
        } else if (JDK_SEND.anyMatch(call)) {
            checkJdkSend(call, data);
        } else if (APACHE_DEFAULT_CLIENTS.anyMatch(call)) {
            if (!configuresRequests(call) && !WebAst.isReplaceableDefault(call) && !isLibraryInternal(call)
                    && !SourceKind.isTestSource(call)) {
                asCtx(data).addViolation(call, "Apache HttpClient", "a RequestConfig with connect and response timeouts");
            }
        } else if (APACHE_BUILD.anyMatch(call)) {
            List<ASTMethodCall> chain = WebAst.chain(call);
            if (APACHE_BUILDER_STARTS.anyMatch(chain.get(0))
                    && chain.stream().noneMatch(c -> APACHE_TIMEOUT_CONFIG.contains(c.getMethodName()))
                    && !configuresRequests(call) && !WebAst.isReplaceableDefault(call) && !isLibraryInternal(call)
                    && !SourceKind.isTestSource(call)) {
                asCtx(data).addViolation(call, "Apache HttpClient",
                        "setDefaultRequestConfig(...) with connect and response timeouts");
            }
        }
        return data;
    }

    @Override
    public Object visit(ASTConstructorCall call, Object data) {
        if (!NEW_REST_TEMPLATE.matchesCall(call) || call.isAnonymousClass()) {
            return data;
        }
        boolean takesFactory = call.getArguments().toStream().any(a -> TypeTestUtil.isA(REQUEST_FACTORY, a));
        if (takesFactory || WebAst.isReplaceableDefault(call) || isLibraryInternal(call) || SourceKind.isTestSource(call)) {
            return data;
        }
        ASTVariableId variable = WebAst.storedIn(call);
        if (variable != null) {
            for (ASTNamedReferenceExpr use : variable.getLocalUsages()) {
                boolean configured = use.getParent() instanceof ASTMethodCall c && c.getQualifier() == use
                        && c.getMethodName().equals("setRequestFactory");
                // Handed to a customizer or wrapper we cannot see, it may get its factory there. Returned (a @Bean
                // method), it is handed out as it is.
                boolean handedOn = WebAst.escapes(use, n -> false) && !(WebAst.outerCast(use).getParent() instanceof ASTReturnStatement);
                if (configured || handedOn) {
                    return data;
                }
            }
        }
        asCtx(data).addViolation(call, "RestTemplate", "a request factory with connect and read timeouts");
        return data;
    }

    /**
     * Whether the call sits in the package of the API it calls: the client library's own factories
     * ({@code HttpClients.createDefault()} is {@code HttpClientBuilder.create().build()}) define the defaults
     * that application code is asked to override.
     */
    private static boolean isLibraryInternal(InvocationNode call) {
        JTypeDeclSymbol api = call.getMethodType().getDeclaringType().getSymbol();
        ASTCompilationUnit unit = call.getRoot();
        return api != null && api.getPackageName().equals(unit.getPackageName());
    }

    private void checkUrlConnection(ASTMethodCall open, Object data) {
        ASTVariableId connection = WebAst.storedIn(open);
        if (connection == null || !connection.isLocalVariable()
                || !TypeTestUtil.isA(HTTP_URL_CONNECTION, connection.getTypeMirror())
                || SourceKind.isTestSource(open)) {
            return;
        }
        boolean connectTimeout = false;
        boolean readTimeout = false;
        boolean used = false;
        for (ASTNamedReferenceExpr use : connection.getLocalUsages()) {
            if (use.getParent() instanceof ASTMethodCall call && call.getQualifier() == use) {
                String name = call.getMethodName();
                connectTimeout |= name.equals("setConnectTimeout");
                readTimeout |= name.equals("setReadTimeout");
                used |= CONNECTION_IO.contains(name);
            } else if (WebAst.escapes(use, n -> false)) {
                return;
            }
        }
        if (!used || connectTimeout && readTimeout) {
            return;
        }
        List<String> missing = new ArrayList<>();
        if (!connectTimeout) {
            missing.add("setConnectTimeout");
        }
        if (!readTimeout) {
            missing.add("setReadTimeout");
        }
        asCtx(data).addViolation(open, "HttpURLConnection", String.join(" and ", missing));
    }

    /** A request without its own timeout, sent through a client built here without a connect timeout. */
    private void checkJdkSend(ASTMethodCall send, Object data) {
        if (send.getArguments().isEmpty() || send.getQualifier() == null) {
            return;
        }
        ASTExpression requestArg = send.getArguments().get(0);
        ASTExpression request = WebAst.resolve(requestArg);
        if (!(request instanceof ASTMethodCall built)) {
            return;
        }
        List<ASTMethodCall> requestChain = WebAst.chain(built);
        if (!JDK_REQUEST_BUILDER.matchesCall(requestChain.get(0)) || WebAst.anyNamed(requestChain, "timeout")) {
            return;
        }
        ASTExpression client = WebAst.resolve(send.getQualifier());
        if (!(client instanceof ASTMethodCall clientCall)) {
            return;
        }
        List<ASTMethodCall> clientChain = WebAst.chain(clientCall);
        boolean untimed = JDK_NEW_CLIENT.matchesCall(clientCall)
                || JDK_CLIENT_BUILDER.matchesCall(clientChain.get(0)) && clientCall.getMethodName().equals("build")
                        && !WebAst.anyNamed(clientChain, "connectTimeout");
        if (untimed && !SourceKind.isTestSource(send)) {
            asCtx(data).addViolation(requestArg, "HttpClient request", "HttpRequest.Builder.timeout(...)");
        }
    }

    /** Whether the file sets per-request configuration on Apache requests, which carries its own timeouts. */
    private static boolean configuresRequests(ASTExpression anyNode) {
        ASTCompilationUnit unit = anyNode.getRoot();
        return unit.descendants(ASTMethodCall.class).crossFindBoundaries().any(APACHE_REQUEST_CONFIG::anyMatch);
    }
}
