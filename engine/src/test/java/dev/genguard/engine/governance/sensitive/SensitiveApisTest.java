package dev.genguard.engine.governance.sensitive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringReader;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SensitiveApisTest {

    private static final SensitiveApis SHIPPED = SensitiveApis.load();

    @Test
    void shippedTableCoversEveryArea() {
        assertThat(SHIPPED.areas()).containsExactly("auth", "crypto", "deserialization", "process", "sql", "tls");
    }

    @ParameterizedTest(name = "{0}.{1} -> {2}")
    @CsvSource(delimiter = ' ', value = {
            // exact classes, every member
            "java/security/MessageDigest getInstance crypto",
            "java.security.SecureRandom nextBytes crypto",
            // package prefixes reach subpackages and nested classes, but not a package that merely starts alike
            "javax/crypto/Cipher getInstance crypto",
            "javax/crypto/spec/SecretKeySpec <init> crypto",
            "javax/net/ssl/SSLEngineResult$Status values tls",
            "io/netty/handler/ssl/SslContextBuilder forClient tls",
            "javax/cryptography/Cipher getInstance -",
            // a nested class written with $ in the table, matched in internal and dotted form
            "java/net/http/HttpClient$Builder sslContext tls",
            "java.net.http.HttpClient$Builder sslParameters tls",
            "java/net/http/HttpClient$Builder connectTimeout -",
            "java/net/http/HttpClient sslContext -",
            // member lists
            "java/sql/Connection prepareStatement sql",
            "java/sql/Connection close -",
            "java/sql/PreparedStatement executeQuery sql",
            "java/sql/PreparedStatement setString -",
            "java/sql/ResultSet getString -",
            "java/io/ObjectInputStream <init> deserialization",
            "java/io/ObjectInputStream readObject deserialization",
            "java/io/ObjectInputStream available -",
            "java/lang/ProcessBuilder <init> process",
            "java/lang/Runtime exec process",
            "java/lang/Runtime availableProcessors -",
            "com/google/common/hash/Hashing sha256 crypto",
            "com/google/common/hash/Hashing murmur3_128 -",
            "jakarta/servlet/http/HttpServletRequest isUserInRole auth",
            "jakarta/servlet/http/HttpServletRequest getParameter -",
            // first match wins: the narrower line of another area comes before the broad one
            "org/springframework/security/crypto/bcrypt/BCryptPasswordEncoder encode crypto",
            "org/springframework/security/authentication/AuthenticationManager authenticate auth",
            "org/apache/shiro/crypto/hash/Sha256Hash <init> crypto",
            "org/apache/shiro/SecurityUtils getSubject auth",
            "org/bouncycastle/tls/TlsClientProtocol connect tls",
            "org/bouncycastle/crypto/engines/AESEngine init crypto",
            // not an API at all
            "[Ljava/lang/String; clone -",
            "java/lang/String trim -",
    })
    void looksUpShippedApis(String owner, String method, String area) {
        assertThat(SHIPPED.area(owner, method)).isEqualTo(area.equals("-") ? Optional.empty() : Optional.of(area));
    }

    @Test
    void firstMatchingLineWinsAndCommentsBlankLinesAndCrlfAreIgnored() throws IOException {
        SensitiveApis apis = parse("# comment\r\n\r\ncrypto\tcom.acme.vault.Keys\tunseal\r\n"
                + "payments\tcom.acme.*\t*\r\n");
        assertThat(apis.area("com/acme/vault/Keys", "unseal")).contains("crypto");
        assertThat(apis.area("com/acme/vault/Keys", "seal")).contains("payments");
        assertThat(apis.area("com/acme/Pay$Inner$1", "run")).contains("payments");
        assertThat(apis.area("com/acme", "run")).isEmpty();
        assertThat(apis.areas()).containsExactly("crypto", "payments");
    }

    @Test
    void prefixOnAClassMatchesItsNestedClassesOnly() throws IOException {
        SensitiveApis apis = parse("tls\tokhttp3.OkHttpClient.*\t*\n");
        assertThat(apis.area("okhttp3/OkHttpClient$Builder", "sslSocketFactory")).contains("tls");
        assertThat(apis.area("okhttp3/OkHttpClient", "newCall")).isEmpty();
    }

    @Test
    void aLineAnEarlierOneCoversFailsWithBothLines() {
        assertThatThrownBy(() -> parse("# header\nauth\torg.springframework.security.*\t*\n"
                + "crypto\torg.springframework.security.crypto.*\t*\n"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("test.tsv:3: never matches: line 2 (auth org.springframework.security.*)");
        assertThatThrownBy(() -> parse("sql\tjava.sql.Connection\tprepareStatement,prepareCall\n"
                + "sql\tjava.sql.Connection\tprepareCall\n"))
                .hasMessageStartingWith("test.tsv:2: never matches: line 1");
    }

    @Test
    void partlyOverlappingLinesAreAllowed() throws IOException {
        // Each line still matches something the one before does not.
        SensitiveApis apis = parse("sql\tjava.sql.Connection\tprepareStatement\nauth\tjava.sql.Connection\t*\n"
                + "tls\tjava.sql.*\t*\n");
        assertThat(apis.area("java/sql/Connection", "prepareStatement")).contains("sql");
        assertThat(apis.area("java/sql/Connection", "close")).contains("auth");
        assertThat(apis.area("java/sql/Statement", "close")).contains("tls");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', ignoreLeadingAndTrailingWhitespace = false, value = {
            "crypto\tjavax.crypto.*|expected 3 tab-separated columns (area, type, members), found 2",
            "Crypto\tjavax.crypto.*\t*|area \"Crypto\" is not a lowercase id",
            "crypto\tjavax..crypto.*\t*|type \"javax..crypto.*\" is neither",
            "crypto\tjavax.*.Cipher\t*|type \"javax.*.Cipher\" is neither",
            "crypto\tjavax/crypto/Cipher\t*|type \"javax/crypto/Cipher\" is neither",
            "crypto\tjavax.crypto.Cipher\tget-Instance|member \"get-Instance\" is not a method name",
            "crypto\tjavax.crypto.Cipher\tinit,,doFinal|member \"\" is not a method name",
            "crypto\tjavax.crypto.Cipher\t|member \"\" is not a method name",
    })
    void malformedDataLineNamesFileAndLine(String line, String message) {
        assertThatThrownBy(() -> parse("# columns\n\nprocess\tjava.lang.Runtime\texec\n" + line + "\n"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("test.tsv:4: " + message)
                .hasMessageEndingWith(" in \"" + line + "\"");
    }

    @Test
    void userEntriesComeFirstAndLeaveTheShippedTableAlone() {
        SensitiveApis apis = SHIPPED.withExtra(List.of("payments=com.acme.pay.*",
                "payments = javax.crypto.Cipher # getInstance, unwrap", "crypto=com.acme.Vault#unseal,seal"));
        assertThat(apis.area("com/acme/pay/Gateway$Charge", "submit")).contains("payments");
        assertThat(apis.area("javax/crypto/Cipher", "getInstance")).contains("payments");
        assertThat(apis.area("javax/crypto/Cipher", "doFinal")).contains("crypto");
        assertThat(apis.area("com.acme.Vault", "seal")).contains("crypto");
        assertThat(apis.area("com.acme.Vault", "open")).isEmpty();
        assertThat(apis.areas()).contains("payments", "tls");
        assertThat(SHIPPED.area("javax/crypto/Cipher", "getInstance")).contains("crypto");
        assertThat(SHIPPED.areas()).doesNotContain("payments");
        assertThat(SHIPPED.withExtra(List.of())).isSameAs(SHIPPED);
    }

    @ParameterizedTest
    @ValueSource(strings = {"payments", "=com.acme.*", "payments=", "Payments=com.acme.*", "payments=com.acme.*#",
            "payments=com.acme.Pay#a,,b", "payments=com acme", "payments=com.acme.Pay#run#stop", " "})
    void malformedUserEntryIsQuotedWithTheExpectedForm(String entry) {
        assertThatThrownBy(() -> SHIPPED.withExtra(List.of("crypto=com.acme.Vault", entry)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("sensitiveApis entry \"" + entry + "\": ")
                .hasMessageEndingWith("expected area=type[#member,member], e.g. payments=com.acme.pay.* or "
                        + "crypto=com.acme.Vault#unseal,seal");
    }

    @Test
    void userEntryAnEarlierUserEntryCoversFails() {
        assertThatThrownBy(() -> SHIPPED.withExtra(List.of("crypto=com.acme.*", "payments=com.acme.pay.Gateway")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("sensitiveApis entry \"payments=com.acme.pay.Gateway\": never matches: sensitiveApis entry"
                        + " \"crypto=com.acme.*\" (crypto com.acme.*) comes first and covers it; put the narrower entry"
                        + " first");
    }

    private static SensitiveApis parse(String text) throws IOException {
        return SensitiveApis.parse("test.tsv", new StringReader(text));
    }
}
