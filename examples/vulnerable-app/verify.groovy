// Checks the bundled example's scan, as a user sees it: findings in the log and in the SARIF file.
def log = new File(basedir, 'build.log').text
def sarif = new File(basedir, 'target/genguard/genguard.sarif')
assert sarif.isFile() : 'no SARIF report written'
def json = new groovy.json.JsonSlurper().parse(sarif)

def expected = ['HardcodedCredential', 'FailOpenSecurityCheck', 'TrustAllCertificates', 'SqlQueryConcatenation',
                'SensitiveDataLogged', 'GENGUARD_INSECURE_TLS', 'GENGUARD_WEAK_CIPHER', 'GENGUARD_STATIC_IV', 'GENGUARD_PREDICTABLE_RANDOM_SECRET',
                'GENGUARD_SQL_INJECTION', 'GENGUARD_PATH_TRAVERSAL']
def reported = json.runs[0].results.collect { it.ruleId } as Set
assert reported == expected as Set : "SARIF rules: ${reported}"
expected.each { id -> assert log.contains(" ${id} [") : "log lacks ${id}" }
assert log.contains('src/main/java/com/example/orders/PaymentCrypto.java')
assert log.contains('GenGuard found') && log.contains('the build fails')
assert log.contains('CWE-798')
// A MAJOR finding is printed but does not fail the build at the default threshold (CRITICAL).
assert log.contains(' SensitiveDataLogged [MAJOR] CWE-532')
// The taint engine follows the request parameter into OrderDatabase.findOrders, where the query is built.
assert log.contains('OrderServlet.java:24 GENGUARD_SQL_INJECTION [CRITICAL] CWE-89 HttpServletRequest.getParameter reaches Statement.executeQuery (through OrderDatabase.findOrders, line 34)')
assert log.contains('GenGuard found 11 new finding(s) at or above CRITICAL')
return true
