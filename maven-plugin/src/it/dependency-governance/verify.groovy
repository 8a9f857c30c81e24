import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text
def json = new JsonSlurper().parse(new File(basedir, 'target/genguard/genguard.json'))
def findings = json.findings*.finding
def byRule = findings.groupBy { it.ruleId }

// guava: added by an AI-assisted commit, not allowed, unused; its transitive dependencies are not allowed either.
assert byRule.AiIntroducedDependency*.message.any { it.contains('com.google.guava:guava') && it.contains('(Claude)') }
assert byRule.UnusedDeclaredDependency*.message == ['Remove com.google.guava:guava: no compiled class uses it (declare runtime-only dependencies with scope runtime)']
assert byRule.DependencyNotAllowed*.message.any { it.startsWith('Get com.google.guava:guava approved') }
assert byRule.DependencyNotAllowed*.message.any { it.contains('com.google.guava:failureaccess (brought in by com.google.guava:guava)') }
// All at guava's declaration in pom.xml.
def guavaLine = new File(basedir, 'pom.xml').readLines().findIndexOf { it.contains('<groupId>com.google.guava</groupId>') }
assert findings.findAll { it.ruleId != 'SuppressionWithoutReason' }.every { it.file == 'pom.xml' && it.line == guavaLine }
// commons-codec: allowed, used, written by a person: silent.
assert !findings.any { it.message.contains('commons-codec') }
assert !byRule.containsKey('LookalikeDependency')

// genguard:allowlist wrote the current dependencies.
def allow = new File(basedir, 'target/genguard-dependencies.txt').readLines().findAll { !it.startsWith('#') }
assert allow.contains('commons-codec:commons-codec') && allow.contains('com.google.guava:guava')
assert allow == allow.sort(false)
return true
