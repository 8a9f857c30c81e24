package dev.genguard.spotbugs.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The value tables of {@link InsecureTlsDetector} and {@link NullCipherOrNoIntegrityDetector}; where they fire in
 * code is checked by the fixtures ({@code InsecureTls*}, {@code NullCipher*}).
 */
class TlsAndIntegrityRulesTest {

    @Test
    void obsoleteProtocols() {
        assertThat(InsecureTlsDetector.isWeak("SSLv3")).isTrue();
        assertThat(InsecureTlsDetector.isWeak(" tlsv1 ")).isTrue();
        assertThat(InsecureTlsDetector.isWeak("TLSv1.1")).isTrue();
        assertThat(InsecureTlsDetector.isWeak("SSL")).isTrue();
        assertThat(InsecureTlsDetector.isWeak("TLS")).isFalse();
        assertThat(InsecureTlsDetector.isWeak("TLSv1.2")).isFalse();
        assertThat(InsecureTlsDetector.isWeak("TLSv1.3")).isFalse();
        assertThat(InsecureTlsDetector.isWeak("DTLSv1.2")).isFalse();
        assertThat(InsecureTlsDetector.isWeak("SSLv2Hello")).isFalse();
    }

    @Test
    void testClassesByTopLevelName() {
        assertThat(InsecureTlsDetector.isTestClass("com.example.TlsClientTest")).isTrue();
        assertThat(InsecureTlsDetector.isTestClass("com.example.TlsClientIT$1")).isTrue();
        assertThat(InsecureTlsDetector.isTestClass("com.example.TlsClientTests$AcceptAll")).isTrue();
        assertThat(InsecureTlsDetector.isTestClass("TlsTestCase")).isTrue();
        assertThat(InsecureTlsDetector.isTestClass("com.example.TestimonialService")).isFalse();
        assertThat(InsecureTlsDetector.isTestClass("com.example.Client$InnerTest")).isFalse();
    }

    @Test
    void unauthenticatedModesOfGcmCapableCiphers() {
        assertThat(NullCipherOrNoIntegrityDetector.unauthenticatedMode("AES/CBC/PKCS5Padding")).isEqualTo("CBC");
        assertThat(NullCipherOrNoIntegrityDetector.unauthenticatedMode("aes/ctr/NoPadding")).isEqualTo("CTR");
        assertThat(NullCipherOrNoIntegrityDetector.unauthenticatedMode("AES_256/CFB8/NoPadding")).isEqualTo("CFB8");
        assertThat(NullCipherOrNoIntegrityDetector.unauthenticatedMode("Camellia/OFB/NoPadding")).isEqualTo("OFB");
        assertThat(NullCipherOrNoIntegrityDetector.unauthenticatedMode("AES/PCBC/PKCS5Padding")).isEqualTo("PCBC");
    }

    @Test
    void authenticatedWeakOrUnknownTransformationsAreNotThisRules() {
        assertThat(NullCipherOrNoIntegrityDetector.unauthenticatedMode("AES/GCM/NoPadding")).isNull();
        assertThat(NullCipherOrNoIntegrityDetector.unauthenticatedMode("ChaCha20-Poly1305")).isNull();
        assertThat(NullCipherOrNoIntegrityDetector.unauthenticatedMode("AES/KW/NoPadding")).isNull();
        assertThat(NullCipherOrNoIntegrityDetector.unauthenticatedMode("AES/CTS/NoPadding")).isNull();
        assertThat(NullCipherOrNoIntegrityDetector.unauthenticatedMode("AESWrap")).isNull();
        // GENGUARD_WEAK_CIPHER's: ECB, a missing mode, broken ciphers.
        assertThat(NullCipherOrNoIntegrityDetector.unauthenticatedMode("AES")).isNull();
        assertThat(NullCipherOrNoIntegrityDetector.unauthenticatedMode("AES/ECB/PKCS5Padding")).isNull();
        assertThat(NullCipherOrNoIntegrityDetector.unauthenticatedMode("DES/CBC/PKCS5Padding")).isNull();
        assertThat(NullCipherOrNoIntegrityDetector.unauthenticatedMode("DESede/CBC/PKCS5Padding")).isNull();
        // No GCM for 64-bit block ciphers.
        assertThat(NullCipherOrNoIntegrityDetector.unauthenticatedMode("IDEA/CBC/PKCS5Padding")).isNull();
    }
}
