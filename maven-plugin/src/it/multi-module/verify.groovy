import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text
assert log.contains('GenGuard alpha:') && log.contains('GenGuard beta:')
def alpha = new JsonSlurper().parse(new File(basedir, 'alpha/target/genguard/genguard.json'))
def beta = new JsonSlurper().parse(new File(basedir, 'beta/target/genguard/genguard.json'))
assert alpha.findings*.finding*.ruleId == ['HardcodedCredential']
assert !beta.findings.isEmpty()

// Run 1 completed the aggregate.
assert log.contains('GenGuard: aggregate of 4 modules in')

// Runs 2 and 3: serial with one PMD thread and parallel with two give byte-identical reports.
['alpha', 'beta', 'gamma'].each { m ->
    ['genguard.json', 'genguard.sarif'].each { f ->
        def serial = new File(basedir, "${m}/target/genguard-serial/${f}")
        def parallel = new File(basedir, "${m}/target/genguard-parallel/${f}")
        assert serial.isFile() && parallel.isFile() : "${m}: ${f} missing"
        assert serial.bytes == parallel.bytes : "${m}/${f} differs between serial and parallel runs"
    }
}

// Run 4: alpha failed and gamma was skipped; the aggregate has alpha and beta and names what is missing.
def agg = new File(basedir, 'target/genguard/aggregate')
def all = new JsonSlurper().parse(new File(agg, 'genguard.json'))
assert all.notes.any { it.startsWith('incomplete: 1 module(s) not analysed (yet): it.genguard:gamma') } : all.notes
def files = all.findings*.finding*.file as Set
assert files.contains('alpha/src/main/java/com/example/AlphaClient.java')
assert files.any { it.startsWith('beta/src/main/java/com/example/BetaStore.java') }
assert all.findings.size() == alpha.findings.size() + beta.findings.size()
def sarif = new JsonSlurper().parse(new File(agg, 'genguard.sarif'))
assert sarif.runs[0].results.size() == all.findings.size()
assert new File(agg, 'genguard.html').text.contains('alpha/src/main/java/com/example/AlphaClient.java')
return true
