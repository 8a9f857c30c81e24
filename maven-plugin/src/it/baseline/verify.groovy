import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text
// Run 1: the three remaining old findings match the baseline recorded before lines were added above them.
assert log.contains('| 0 new, 3 baseline, 0 suppressed | 1 baseline finding(s) fixed')
assert log.contains('GenGuard: 1 baseline finding(s) no longer found; -Dgenguard.pruneBaseline removes them from')
// Run 2: pruned.
assert log.contains('GenGuard: removed 1 fixed finding(s) from')
def pruned = new JsonSlurper().parse(new File(basedir, 'genguard-baseline.json'))
assert pruned.findings.size() == 3 && !pruned.findings.any { it.member == 'Legacy#API_KEY' }
// Run 3: the risk gate.
assert log =~ /GenGuard risk score of baseline is \d+, at or above failOnRiskScore 5/
// Run 4: without a baseline.
assert log.contains('GenGuard found 3 new finding(s) at or above CRITICAL in baseline')
// Run 5: a recorded baseline has the current findings, with line-independent fingerprints.
def recorded = new JsonSlurper().parse(new File(basedir, 'target/recorded-baseline.json'))
assert recorded.findings*.fingerprint as Set == pruned.findings*.fingerprint as Set
assert recorded.findings*.line != pruned.findings*.line : 'lines moved; fingerprints must not have'
// PMD's analysis cache was used.
assert new File(basedir, 'target/genguard/pmd.cache').isFile()
return true
