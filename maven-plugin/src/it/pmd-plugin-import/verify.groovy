// Both PMD versions report the same GenGuard findings through maven-pmd-plugin.
def check(String logName, String pmdVersion) {
    def log = new File(basedir, logName).text
    assert log.contains("PMD version: ${pmdVersion}") : "${logName} did not run PMD ${pmdVersion}"
    ['HardcodedCredential', 'FailOpenSecurityCheck', 'TrustAllCertificates'].each { rule ->
        assert log.contains("Rule:${rule}") : "${logName} lacks ${rule}"
    }
    assert log.contains('com.example.LegacyClient:14 Rule:HardcodedCredential')
    assert !log.contains('Exception applying rule') && !log.contains('Error while processing')
}
check('build.log', '7.17.0')
// The PMD version of the override, as the (filtered) pom states it.
def pom = new groovy.xml.XmlSlurper().parse(new File(basedir, 'pom.xml'))
def overridden = pom.profiles.profile.build.plugins.plugin.dependencies.dependency.find { it.artifactId == 'pmd-core' }.version.text()
assert overridden ==~ /7\.\d+\.\d+/ && overridden != '7.17.0'
check('build-pmd727.log', overridden)
return true
