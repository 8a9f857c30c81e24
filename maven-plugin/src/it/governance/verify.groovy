import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text
def out = new File(basedir, 'target/genguard')

// The approval gate: AI code touching crypto and process execution without review; the reviewed cipher() passes.
assert log.contains('TokenService.java:15 UnreviewedSensitiveAiCode [CRITICAL]') : 'no gate finding on fingerprint()'
assert log.contains('touches crypto (java.security.MessageDigest.') && log.contains(', line 17)')
assert log =~ /ReportExporter\.java:11 UnreviewedSensitiveAiCode \[CRITICAL\].*AI-generated export\(String\), which touches process \(java\.lang\.ProcessBuilder/
assert !log.contains('AI-generated cipher()')

// AI-tagged code gets the strict profile, raised: a strict-only rule in isAdmin(), not in its human twin.
assert log =~ /TokenService\.java:28 TimingUnsafeSecretComparison \[CRITICAL\].*\(AI-generated, comment, Claude\)/
assert !log.contains('TokenService.java:32 TimingUnsafeSecretComparison')

// Suppressions: with a reason it is listed as suppressed; without one it still counts and is itself a finding.
assert log =~ /ReportExporter\.java:8 HardcodedCredential \[[A-Z]+\].*suppressed: sample key, revoked/
assert log =~ /ReportExporter\.java:9 HardcodedCredential \[BLOCKER\]/ : 'reasonless suppression must not apply (AI code: raised)'
assert log.contains('ReportExporter.java:9 SuppressionWithoutReason [MAJOR]')
assert log =~ /GenGuard governance: \d+ new finding\(s\) at or above CRITICAL .* 1 suppressed .* AI-tagged: \d+% of \d+ lines.* risk \d+\/100/

// The inventory: every region with its source, tool, prompt log, owner and review.
def inventory = new JsonSlurper().parse(new File(out, 'ai-inventory.json'))
assert inventory.schemaVersion == 1
def regions = inventory.regions.collectEntries { [(it.member): it] }
assert regions.keySet() == ['TokenService#fingerprint(String)', 'TokenService#cipher()', 'TokenService#isAdmin(String)',
                            'ReportExporter'] as Set : regions.keySet()
def fp = regions['TokenService#fingerprint(String)']
assert fp.source == 'annotation' && fp.tool == 'Copilot' && fp.model == 'gpt-4o' && fp.review.state == 'unreviewed'
assert fp.owner == '@acme/platform'
def cipher = regions['TokenService#cipher()']
assert cipher.review.state == 'reviewed' && cipher.review.by == 'alice' && cipher.review.ticket == 'SEC-142'
assert regions['TokenService#isAdmin(String)'].source == 'comment' && regions['TokenService#isAdmin(String)'].tool == 'Claude'
def exporter = regions['ReportExporter']
assert exporter.source == 'trailer' && exporter.tool == 'Claude' && exporter.promptLog == 'https://prompts.example/42'
assert exporter.owner == '@acme/reports' && exporter.commit ==~ /[0-9a-f]{40}/
assert exporter.findings.any { it.ruleId == 'UnreviewedSensitiveAiCode' }
assert log.contains('GenGuard inventory of governance: 4 AI-tagged region(s)')

// SARIF: fingerprints, provenance and suppressions as GitHub code scanning reads them.
def sarif = new JsonSlurper().parse(new File(out, 'genguard.sarif'))
def results = sarif.runs[0].results
assert results.every { it.partialFingerprints['genguard/v1'] ==~ /[0-9a-f]{32}/ }
def timing = results.find { it.ruleId == 'TimingUnsafeSecretComparison' }
assert timing.properties.aiGenerated == true && timing.properties.aiSource == 'comment'
def suppressed = results.find { it.ruleId == 'HardcodedCredential' && it.locations[0].physicalLocation.region.startLine == 8 }
assert suppressed.suppressions[0].justification == 'sample key, revoked'

// HTML: self-contained, and the prompt's markup escaped.
def html = new File(out, 'genguard.html').text
assert !html.contains('<script') : 'markup from the analysed code reached the HTML report'
assert html.contains('&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;')
// Self-contained: no stylesheet, script or image is loaded from anywhere.
assert !html.contains('<link') && !(html =~ /src="/) && html.contains('<style')

def json = new JsonSlurper().parse(new File(out, 'genguard.json'))
assert json.schemaVersion == 1 && json.module == 'governance'
return true
