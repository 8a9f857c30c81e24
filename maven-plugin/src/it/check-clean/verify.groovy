def log = new File(basedir, 'build.log').text
assert log.contains('GenGuard check-clean: no findings')
def json = new groovy.json.JsonSlurper().parse(new File(basedir, 'target/genguard/genguard.sarif'))
assert json.version == '2.1.0'
assert json.runs[0].results == null || json.runs[0].results.isEmpty()
assert json.runs[0].tool.driver.rules.find { it.id == 'HardcodedCredential' }.properties.tags.contains('external/cwe/cwe-798')
// Neither engine nor governance ran the analysed code (StartupHook writes this file when initialized).
assert !new File(basedir, 'target/genguard-executed-analysed-code.txt').exists()
return true
