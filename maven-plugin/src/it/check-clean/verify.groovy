import java.security.MessageDigest

for (name in ['build.log', 'build-offline.log']) {
    assert new File(basedir, name).text.contains('GenGuard check-clean: no findings') : name
}
def json = new groovy.json.JsonSlurper().parse(new File(basedir, 'target/genguard/genguard.sarif'))
assert json.version == '2.1.0'
assert json.runs[0].results == null || json.runs[0].results.isEmpty()
assert json.runs[0].tool.driver.rules.find { it.id == 'HardcodedCredential' }.properties.tags.contains('external/cwe/cwe-798')
// Neither engine nor governance ran the analysed code (StartupHook writes this file when initialized).
assert !new File(basedir, 'target/genguard-executed-analysed-code.txt').exists()

// Reports only under the output directory: outside target/ nothing changed but the build logs; under target/ there is
// what Maven's compiler and jar plugins write, and GenGuard's three reports.
def root = basedir.toPath()
def before = new File(basedir.parentFile, 'check-clean.snapshot').readLines() as Set
def after = [] as Set
def targetFiles = []
root.toFile().eachFileRecurse(groovy.io.FileType.FILES) { f ->
    def rel = root.relativize(f.toPath()).toString().replace('\\', '/')
    if (rel.startsWith('target/')) {
        targetFiles << rel
    } else if (!rel.startsWith('build')) {
        after << rel + '\t' + MessageDigest.getInstance('SHA-256').digest(f.bytes).encodeHex().toString()
    }
}
assert after == before
def maven = ~/target\/(classes|maven-status|maven-archiver)\/.+|target\/check-clean-1\.0\.jar/
def unexpected = targetFiles.findAll { !(it ==~ maven) && !it.startsWith('target/genguard/') }
assert unexpected.isEmpty() : unexpected
assert targetFiles.findAll { it.startsWith('target/genguard/') }.sort() ==
        ['target/genguard/genguard.html', 'target/genguard/genguard.json', 'target/genguard/genguard.sarif']
return true
