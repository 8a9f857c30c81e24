// Checks the bundled example's scan, as a user sees it: findings in the log and in the SARIF file.
def log = new File(basedir, 'build.log').text
def sarif = new File(basedir, 'target/genguard/genguard.sarif')
assert sarif.isFile() : 'no SARIF report written'
def json = new groovy.json.JsonSlurper().parse(sarif)

def expected = ['HardcodedCredential', 'FailOpenSecurityCheck', 'TrustAllCertificates', 'SqlQueryConcatenation',
                'SensitiveDataLogged', 'GENGUARD_INSECURE_TLS', 'GENGUARD_WEAK_CIPHER', 'GENGUARD_STATIC_IV', 'GENGUARD_PREDICTABLE_RANDOM_SECRET',
                'GENGUARD_SQL_INJECTION', 'GENGUARD_PATH_TRAVERSAL', 'UnreviewedSensitiveAiCode']
def reported = json.runs[0].results.collect { it.ruleId } as Set
assert reported == expected as Set : "SARIF rules: ${reported}"
expected.each { id -> assert log.contains(" ${id} [") : "log lacks ${id}" }
// The AI-tagged HMAC method is correct code, but AI-written cryptography needs a person's review.
assert log =~ /ReceiptSigner\.java:\d+ UnreviewedSensitiveAiCode \[CRITICAL\] .*sign\(String\), which touches crypto \(javax\.crypto\.Mac\./
assert new groovy.json.JsonSlurper().parse(new File(basedir, 'target/genguard/genguard.json')).inventory*.member == ['ReceiptSigner#sign(String)']
assert new File(basedir, 'target/genguard/genguard.html').isFile()
assert log.contains('src/main/java/com/example/orders/PaymentCrypto.java')
assert log.contains('GenGuard found') && log.contains('the build fails')
assert log.contains('CWE-798')
// A MAJOR finding is printed but does not fail the build at the default threshold (CRITICAL).
assert log.contains(' SensitiveDataLogged [MAJOR] CWE-532')
// The taint engine follows the request parameter into OrderDatabase.findOrders, where the query is built.
assert log.contains('OrderServlet.java:24 GENGUARD_SQL_INJECTION [CRITICAL] CWE-89 HttpServletRequest.getParameter reaches Statement.executeQuery (through OrderDatabase.findOrders, line 34)')
assert log.contains('GenGuard found 12 new finding(s) at or above CRITICAL')
return true
