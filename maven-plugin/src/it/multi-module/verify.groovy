import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text
assert log.contains('GenGuard alpha:') && log.contains('GenGuard beta:')
def alpha = new JsonSlurper().parse(new File(basedir, 'alpha/target/genguard/genguard.json'))
def beta = new JsonSlurper().parse(new File(basedir, 'beta/target/genguard/genguard.json'))
assert alpha.findings*.finding*.ruleId == ['HardcodedCredential']
assert !beta.findings.isEmpty()

// The aggregate at the top: every module's findings, paths relative to the top.
def agg = new File(basedir, 'target/genguard/aggregate')
assert log.contains('GenGuard: aggregate of 3 modules in')
def all = new JsonSlurper().parse(new File(agg, 'genguard.json'))
def files = all.findings*.finding*.file as Set
assert files.contains('alpha/src/main/java/com/example/AlphaClient.java')
assert files.any { it.startsWith('beta/src/main/java/com/example/BetaStore.java') }
assert all.findings.size() == alpha.findings.size() + beta.findings.size()
def sarif = new JsonSlurper().parse(new File(agg, 'genguard.sarif'))
assert sarif.runs[0].results.size() == all.findings.size()
assert new File(agg, 'genguard.html').text.contains('alpha/src/main/java/com/example/AlphaClient.java')
return true
