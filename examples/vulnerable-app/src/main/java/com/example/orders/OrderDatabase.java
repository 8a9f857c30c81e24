package com.example.orders;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/** Connects to the orders database. */
public class OrderDatabase {

    private static final String DB_URL = "jdbc:postgresql://localhost:5432/orders";
    private static final String DB_USER = "orders";
    private static final String DB_PASSWORD = "changeme";

    public Connection connect() throws SQLException {
        return DriverManager.getConnection(DB_URL, DB_USER, DB_PASSWORD);
    }
}
