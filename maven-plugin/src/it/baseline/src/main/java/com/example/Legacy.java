package com.example;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/** Legacy code with accepted findings. */
public class Legacy {

    private static final String JWT_SECRET = "your-secret-key";
    private String dbPassword = "changeme";

    public Connection connect() throws SQLException {
        return DriverManager.getConnection("jdbc:mysql://localhost:3306/app", "root", "password");
    }
}
