package dev.genguard.engine.governance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.genguard.engine.AiPolicy;
import dev.genguard.engine.ScanRequest;
import dev.genguard.engine.SourceFilter;
import dev.genguard.engine.catalog.Catalog;
import dev.genguard.engine.catalog.Profile;
import dev.genguard.engine.governance.git.GitHistory;
import dev.genguard.engine.governance.git.GitLineHistory;
import dev.genguard.engine.governance.sensitive.SensitiveApis;
import dev.genguard.engine.report.Reports;
import java.io.IOException;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.Socket;
import java.net.SocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.tools.ToolProvider;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Nothing goes to the network during analysis: the whole pipeline (git history, PMD, the approval gate's class
 * scan, every report) runs with every {@link Socket} and every proxy lookup (URL connections, HTTP clients) made to
 * fail and recorded. A SecurityManager would be the classic guard, but JDK 24 removed it; sockets and proxy
 * selection are where Java's network APIs begin.
 */
class NoNetworkTest {

    private static final List<String> ATTEMPTS = new ArrayList<>();

    @Test
    void theWholePipelineOpensNoConnection(@TempDir Path project) throws Exception {
        Path src = project.resolve("src/main/java/app");
        Files.createDirectories(src);
        Files.writeString(src.resolve("Client.java"), """
                package app;

                public class Client {
                    private static final String API_KEY = "YOUR_API_KEY";

                    /** @ai-generated tool=Copilot */
                    public java.net.URLConnection open(String host) throws Exception {
                        return java.net.URI.create("https://" + host + "/api").toURL().openConnection();
                    }
                }
                """);
        Path classes = project.resolve("target/classes");
        Files.createDirectories(classes);
        assertThat(ToolProvider.getSystemJavaCompiler().run(null, null, null, "-g", "-d", classes.toString(),
                src.resolve("Client.java").toString())).isZero();
        try (Git git = Git.init().setDirectory(project.toFile()).call()) {
            git.add().addFilepattern("src").call();
            git.commit().setMessage("client\n\nCo-authored-by: Claude <noreply@anthropic.com>\n").setSign(false).call();
        }

        guardNetwork();
        ScanRequest request = new ScanRequest(project, List.of(project.resolve("src/main/java")), List.of(classes),
                List.of(), Profile.DEFAULT, List.of(), StandardCharsets.UTF_8, 1, SourceFilter.ALL, null, AiPolicy.DEFAULT);
        Catalog catalog = Catalog.load();
        Assessment a;
        try (GitHistory history = GitHistory.open(project, GitHistory.Options.defaults())) {
            a = new Governance(catalog).assess(request, new Governance.Options("client",
                    new GitLineHistory(history, project), SensitiveApis.load(), null));
        }
        Reports.write(a, catalog, project, project.resolve("target/genguard"), Reports.formats(List.of("sarif,json,html")), "0.1.0");

        assertThat(a.findings()).isNotEmpty();
        assertThat(a.inventory()).isNotEmpty();
        assertThat(ATTEMPTS).as("network attempts").isEmpty();
    }

    private static synchronized void guardNetwork() throws IOException {
        ProxySelector.setDefault(new ProxySelector() {
            @Override
            public List<Proxy> select(URI uri) {
                ATTEMPTS.add("proxy lookup for " + uri);
                throw new IllegalStateException("network access during analysis: " + uri);
            }

            @Override
            public void connectFailed(URI uri, SocketAddress sa, IOException ioe) {
            }
        });
        try {
            Socket.setSocketImplFactory(() -> {
                ATTEMPTS.add("socket");
                throw new IllegalStateException("network access during analysis: a socket");
            });
        } catch (java.net.SocketException alreadySet) {
            // Set by an earlier run in this JVM: the guard is in place.
        }
    }
}
