// The GenGuard plugin loads in spotbugs-maven-plugin, reports its bug types, and SpotBugs shows their descriptions.
def log = new File(basedir, 'build.log').text
def types = ['GENGUARD_WEAK_CIPHER', 'GENGUARD_STATIC_IV', 'GENGUARD_PREDICTABLE_RANDOM_SECRET']
types.each { assert log.contains(it) : "log lacks ${it}" }
def xml = new groovy.xml.XmlSlurper().parse(new File(basedir, 'target/spotbugsXml.xml'))
types.each { type ->
    def pattern = xml.BugPattern.find { it.@type == type }
    assert pattern.size() == 1 : "no BugPattern ${type} in spotbugsXml.xml"
    assert pattern.ShortDescription.text().length() > 10
    assert pattern.Details.text().contains('CWE')
    assert xml.BugInstance.find { it.@type == type }.LongMessage.text().length() > 10
}
assert !log.contains('Unable to load plugin') && !log.contains('PluginException')
return true
