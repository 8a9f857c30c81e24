package dev.genguard.spotbugs.taint.samples;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Flows the taint analysis must find ({@code bad*}) and must not ({@code good*}), with stand-ins for the request
 * ({@link Request#param}: the source), the database ({@link Db#query}: the sink), and an encoder (the sanitizer) that
 * {@code TaintAnalysisTest} declares as rules. Each method is one case.
 */
@SuppressWarnings({"unused", "UnusedAssignment", "ConstantConditions", "MismatchedQueryAndUpdateOfCollection"})
public class TaintSamples {

    public interface Request {
        String param(String name);
    }

    public interface Db {
        void query(String sql);

        void run(String[] command);

        String lookup(String sql);
    }

    /** A bean the method creates: its properties are followed by name. */
    public static final class Profile {
        private String name;
        private String bio;

        public void setName(String name) {
            this.name = name;
        }

        public String getName() {
            return name;
        }

        public void setBio(String bio) {
            this.bio = bio;
        }

        public String getBio() {
            return bio;
        }
    }

    public static final class Encoder {
        public static String sql(String s) {
            return s.replace("'", "''");
        }
    }

    public interface Thing {
        String doSomething(String s);
    }

    private static final Set<String> ALLOWED = Set.of("name", "date");
    private static final String TABLE = "users";

    private Request request;
    private Db db;
    private String remembered;

    // ---- direct flows ----

    void badDirect(Request r, Db db) {
        db.query("SELECT * FROM t WHERE a='" + r.param("a") + "'");
    }

    void goodConstant(Request r, Db db) {
        db.query("SELECT * FROM " + TABLE);
    }

    void goodNumber(Request r, Db db) {
        int id = Integer.parseInt(r.param("id"));
        db.query("SELECT * FROM t WHERE id=" + id);
    }

    void goodSanitized(Request r, Db db) {
        db.query("SELECT * FROM t WHERE a='" + Encoder.sql(r.param("a")) + "'");
    }

    void badSanitizedThenConcatenated(Request r, Db db) {
        db.query(Encoder.sql(r.param("a")) + r.param("b"));
    }

    // ---- builders and strings ----

    void badBuilder(Request r, Db db) {
        StringBuilder sql = new StringBuilder("SELECT * FROM t WHERE a='");
        sql.append(r.param("a"));
        sql.append("'");
        db.query(sql.toString());
    }

    void goodBuilder(Request r, Db db) {
        StringBuilder sql = new StringBuilder("SELECT * FROM t WHERE a=");
        sql.append(42).append(" ORDER BY 1");
        String unused = r.param("a");
        db.query(sql.toString());
    }

    void badStringMethods(Request r, Db db) {
        String p = r.param("a");
        String bar = p.substring(1).toLowerCase().trim().split(",")[0];
        db.query(bar);
    }

    // ---- constant branches, switches and ternaries ----

    void goodConstantBranch(Request r, Db db) {
        String param = r.param("a");
        String bar;
        int num = 86;
        if ((7 * 42) - num > 200) {
            bar = "This_should_always_happen";
        } else {
            bar = param;
        }
        db.query(bar);
    }

    void badConstantBranch(Request r, Db db) {
        String param = r.param("a");
        String bar;
        int num = 106;
        if ((7 * 42) - num > 200) {
            bar = "This should never happen";
        } else {
            bar = param;
        }
        db.query(bar);
    }

    void goodTernary(Request r, Db db) {
        String param = r.param("a");
        int num = 106;
        String bar = (7 * 18) + num > 200 ? "This_should_always_happen" : param;
        db.query(bar);
    }

    void goodSwitchOnConstant(Request r, Db db) {
        String param = r.param("a");
        String bar;
        String guess = "ABC";
        char switchTarget = guess.charAt(1);
        switch (switchTarget) {
            case 'A':
                bar = param;
                break;
            case 'B':
                bar = "bob";
                break;
            case 'C':
            case 'D':
                bar = param;
                break;
            default:
                bar = "bob's your uncle";
                break;
        }
        db.query(bar);
    }

    void badSwitchOnConstant(Request r, Db db) {
        String param = r.param("a");
        String bar;
        String guess = "ABC";
        char switchTarget = guess.charAt(2);
        switch (switchTarget) {
            case 'A':
                bar = param;
                break;
            case 'B':
                bar = "bob";
                break;
            case 'C':
            case 'D':
                bar = param;
                break;
            default:
                bar = "bob's your uncle";
                break;
        }
        db.query(bar);
    }

    // ---- collections ----

    void goodListConstantIndex(Request r, Db db) {
        List<String> values = new ArrayList<>();
        values.add("safe");
        values.add(r.param("a"));
        values.add("moresafe");
        values.remove(0);
        db.query(values.get(1));
    }

    void badListConstantIndex(Request r, Db db) {
        List<String> values = new ArrayList<>();
        values.add("safe");
        values.add(r.param("a"));
        values.add("moresafe");
        values.remove(0);
        db.query(values.get(0));
    }

    void goodMapConstantKey(Request r, Db db) {
        Map<String, Object> map = new HashMap<>();
        map.put("keyA", "a_Value");
        map.put("keyB", r.param("a"));
        map.put("keyC", "another_Value");
        db.query((String) map.get("keyA"));
    }

    void badMapConstantKey(Request r, Db db) {
        Map<String, Object> map = new HashMap<>();
        map.put("keyA", "a_Value");
        map.put("keyB", r.param("a"));
        db.query((String) map.get("keyB"));
    }

    void badListInLoop(Request r, Db db, int n) {
        List<String> values = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            values.add(r.param("a" + i));
        }
        db.query(values.get(0));
    }

    void badArray(Request r, Db db) {
        String[] command = {"sh", "-c", "ls " + r.param("dir")};
        db.run(command);
    }

    void goodArrayConstantElement(Request r, Db db) {
        String[] parts = {"safe", r.param("a")};
        db.query(parts[0]);
    }

    // ---- helpers: summaries ----

    private static String passThrough(String s) {
        return "x" + s;
    }

    private static String constantHelper(String s) {
        return "bar";
    }

    private static void helperSink(Db db, String sql) {
        db.query(sql);
    }

    void badThroughHelper(Request r, Db db) {
        db.query(passThrough(r.param("a")));
    }

    void goodConstantHelper(Request r, Db db) {
        db.query(constantHelper(r.param("a")));
    }

    void badHelperSink(Request r, Db db) {
        helperSink(db, r.param("a"));
    }

    void goodHelperSinkConstant(Request r, Db db) {
        helperSink(db, "SELECT 1");
    }

    void badInterface(Request r, Db db, Thing thing) {
        db.query(thing.doSomething(r.param("a")));
    }

    void badInnerClass(Request r, Db db) {
        db.query(new Inner().doSomething(r.param("a")));
    }

    void goodInnerClass(Request r, Db db) {
        db.query(new Inner().constant(r.param("a")));
    }

    private static final class Inner {
        String doSomething(String param) {
            String bar = param;
            if (param != null && param.length() > 1) {
                bar = param.substring(0, param.length() - 1);
            }
            return bar;
        }

        String constant(String param) {
            String bar = "safe!";
            Map<String, Object> map = new HashMap<>();
            map.put("keyA", "a-Value");
            map.put("keyB", param);
            bar = (String) map.get("keyA");
            return bar;
        }
    }

    // ---- fields ----

    void badThisField(Db db) {
        this.remembered = request.param("a");
        db.query(remembered);
    }

    void badFieldFromOtherMethod(Db db) {
        db.query(remembered);
    }

    // ---- validators ----

    void goodAllowlist(Request r, Db db) {
        String column = r.param("sort");
        if (!ALLOWED.contains(column)) {
            throw new IllegalArgumentException("bad column");
        }
        db.query("SELECT * FROM t ORDER BY " + column);
    }

    void badAllowlistOtherBranch(Request r, Db db) {
        String column = r.param("sort");
        if (ALLOWED.contains(column)) {
            return;
        }
        db.query("SELECT * FROM t ORDER BY " + column);
    }

    void goodNormalizedPath(Request r, Db db, Path base) {
        Path p = base.resolve(r.param("file")).normalize();
        if (!p.startsWith(base)) {
            throw new SecurityException("outside");
        }
        db.query(p.toString());
    }

    void badPathCheckedWithoutNormalize(Request r, Db db, Path base) {
        Path p = base.resolve(r.param("file"));
        if (!p.startsWith(base)) {
            throw new SecurityException("outside");
        }
        db.query(p.toString());
    }

    // ---- what sinks return, bean properties, checks of a part ----

    void sinkResultIsNotTheQuery(Request r, Db db) {
        String row = db.lookup("SELECT name FROM t WHERE a='" + r.param("a") + "'");
        db.run(new String[] {"echo", row});
    }

    void goodOtherProperty(Request r, Db db) {
        Profile profile = new Profile();
        profile.setName("fixed");
        profile.setBio(r.param("bio"));
        db.query("SELECT * FROM t WHERE name='" + profile.getName() + "'");
    }

    void badSameProperty(Request r, Db db) {
        Profile profile = new Profile();
        profile.setName(r.param("name"));
        db.query("SELECT * FROM t WHERE name='" + profile.getName() + "'");
    }

    void goodParentChecked(Request r, Db db, Path root) {
        Path target = root.resolve(r.param("file")).normalize().toAbsolutePath();
        if (!target.getParent().equals(root)) {
            throw new SecurityException("outside");
        }
        db.query(target.toString());
    }

    void goodDotDotRejected(Request r, Db db) {
        String name = r.param("file");
        if (name.contains("..")) {
            throw new SecurityException("traversal");
        }
        db.query(name);
    }

    void badOtherTextRejected(Request r, Db db) {
        String name = r.param("file");
        if (name.contains("x")) {
            throw new SecurityException("x");
        }
        db.query(name);
    }

    // ---- checks in helpers, checks of what a value built ----

    private static boolean isAllowed(String column) {
        return ALLOWED.contains(column);
    }

    private static void requireAllowed(String column) {
        if (!ALLOWED.contains(column)) {
            throw new IllegalArgumentException(column);
        }
    }

    void goodBooleanHelperCheck(Request r, Db db) {
        String column = r.param("sort");
        if (!isAllowed(column)) {
            return;
        }
        db.query("SELECT * FROM t ORDER BY " + column);
    }

    void badBooleanHelperOtherBranch(Request r, Db db) {
        String column = r.param("sort");
        if (isAllowed(column)) {
            return;
        }
        db.query("SELECT * FROM t ORDER BY " + column);
    }

    void goodThrowingHelperCheck(Request r, Db db) {
        String column = r.param("sort");
        requireAllowed(column);
        db.query("SELECT * FROM t ORDER BY " + column);
    }

    void goodBuiltObjectChecked(Request r, Db db, java.io.File base) throws java.io.IOException {
        String name = r.param("file");
        java.io.File file = new java.io.File(base, name);
        if (!file.getCanonicalPath().startsWith(base.getCanonicalPath())) {
            throw new SecurityException(name);
        }
        db.query(name.substring(0, 3));
    }

    private static void requireInside(Path path, Path base) {
        if (!path.startsWith(base)) {
            throw new SecurityException("outside");
        }
    }

    void goodHelperPathCheckAfterNormalize(Request r, Db db, Path base) {
        Path path = base.resolve(r.param("file")).normalize();
        requireInside(path, base);
        db.query(path.toString());
    }

    void badHelperPathCheckWithoutNormalize(Request r, Db db, Path base) {
        Path path = base.resolve(r.param("file"));
        requireInside(path, base);
        db.query(path.toString());
    }

    // ---- joins, reassignments and odd shapes (found in review) ----

    void badBuilderFromEitherBranch(Request r, Db db, boolean f) {
        StringBuilder sql = f ? new StringBuilder("SELECT a FROM t WHERE x=") : new StringBuilder("SELECT b FROM t WHERE x=");
        sql.append(r.param("x"));
        db.query(sql.toString());
    }

    void badLazyBuilder(Request r, Db db, int n) {
        StringBuilder sql = null;
        for (int i = 0; i < n; i++) {
            if (sql == null) {
                sql = new StringBuilder("SELECT * FROM t WHERE a IN (");
            }
            sql.append(r.param("a" + i));
        }
        db.query(String.valueOf(sql));
    }

    void badPrefixOnOnePathOnly(Request r, Db db) {
        String target = r.param("target");
        String url;
        if (r.param("mode") == null) {
            url = target;
        } else {
            url = "/posts/" + target;
        }
        db.query(url);
    }

    void badCheckOfAnOldValue(Request r, Db db) {
        String name = r.param("a");
        boolean ok = ALLOWED.contains(name);
        name = r.param("b");
        if (ok) {
            db.query("SELECT * FROM t ORDER BY " + name);
        }
    }

    private String cache;

    private String remember(String p, boolean f) {
        if (f) {
            this.cache = p;
        }
        return this.cache;
    }

    void badFieldStoredOnOnePath(Request r, Db db) {
        db.query(remember(r.param("a"), true));
    }

    /** A collection whose two-argument add returns itself. */
    public static final class Tags extends ArrayList<String> {
        public Tags add(String a, String b) {
            super.add(a);
            super.add(b);
            return this;
        }
    }

    void badCollectionSubclass(Request r, Db db) {
        Tags tags = new Tags().add("a", r.param("b"));
        db.query(String.join(",", tags));
    }
}
