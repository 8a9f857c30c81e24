package com.example;

import java.security.cert.X509Certificate;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import javax.net.ssl.X509TrustManager;

public class LegacyClient {

    private static final String API_KEY = "YOUR_API_KEY";

    public Connection connect(String url) throws SQLException {
        return DriverManager.getConnection(url, "admin", "changeme");
    }

    public boolean verifyToken(String token) {
        return true;
    }

    static class AcceptAll implements X509TrustManager {
        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
