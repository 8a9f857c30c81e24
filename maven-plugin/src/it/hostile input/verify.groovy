import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text
// Every input analysed or reported, the build finished, no stack trace.
assert log.contains('BUILD SUCCESS')
assert !(log =~ /(?m)^\s+at (dev\.genguard|net\.sourceforge\.pmd|edu\.umd)/) : 'a stack trace reached the build log'
// The source that does not parse: named, with its line, and the other files still analysed.
assert log =~ /GenGuard could not analyse pmd: src\/main\/java\/com\/example\/generated\/Broken\.java: .*line 4/
assert log.contains("in file 'src/main/java/com/example/generated/Broken.java'") : 'processing errors name files relative to the project'
// The corrupt and truncated class files are reported by name; the good classes were still analysed.
assert log =~ /GenGuard could not analyse spotbugs: .*Corrupt/
assert log =~ /GenGuard could not analyse spotbugs: .*Truncated/
assert log.contains('in target/classes:com/example/Corrupt.class') : 'class file errors name files relative to the project'
// A class SpotBugs leaves out as too big is said, with its source file, not silently skipped.
assert log.contains('GenGuard could not analyse spotbugs: src/main/java/com/example/wide/Wide.java: SpotBugs skipped'
        + ' class com.example.wide.Wide: too big (over 1,000,000 bytes or 1,000 methods) or unreadable, no detector'
        + ' analysed it')

def out = new File(basedir, 'target/genguard')
def json = new JsonSlurper().parse(new File(out, 'genguard.json'))
def files = json.findings*.finding*.file as Set
// Findings in the file with a space and non-ASCII name, and in the generated 1 MB constant and Latin-1 source.
assert files.contains('src/main/java/com/example/with space/Grüße.java')
assert files.contains('src/main/java/com/example/generated/Constant.java')
assert files.contains('src/main/java/com/example/generated/Latin1.java')

// Every report stays valid and escaped.
def sarif = new JsonSlurper().parse(new File(out, 'genguard.sarif'))
assert sarif.runs[0].results.any { it.locations[0].physicalLocation.artifactLocation.uri == 'src/main/java/com/example/with%20space/Gr%C3%BC%C3%9Fe.java' }
def html = new File(out, 'genguard.html').text
new groovy.xml.XmlSlurper(false, false, true).parseText(html)   // well-formed (XHTML; its DOCTYPE allowed)
assert !html.contains('<script') && !html.contains('<img') && !html.contains('\u001b')
assert html.contains('&lt;/script&gt;')
assert !log.contains('\u001b[31m') : 'an ANSI escape from the analysed code reached the console'
return true
