// The GenGuard plugin loads in spotbugs-maven-plugin, reports its bug types, and SpotBugs shows their descriptions.
def types = ['GENGUARD_WEAK_CIPHER', 'GENGUARD_STATIC_IV', 'GENGUARD_PREDICTABLE_RANDOM_SECRET']
['build-spotbugs-4.8.log', 'build-spotbugs-4.9.log', 'build.log'].each { name ->
    def log = new File(basedir, name).text
    types.each { assert log.contains(it) : "${name} lacks ${it}" }
    assert !log.contains('Unable to load plugin') && !log.contains('PluginException') : "${name}: plugin did not load"
}
def xml = new groovy.xml.XmlSlurper().parse(new File(basedir, 'target/spotbugsXml.xml'))
types.each { type ->
    def pattern = xml.BugPattern.find { it.@type == type }
    assert pattern.size() == 1 : "no BugPattern ${type} in spotbugsXml.xml"
    assert pattern.ShortDescription.text().length() > 10
    assert pattern.Details.text().contains('CWE')
    assert xml.BugInstance.find { it.@type == type }.LongMessage.text().length() > 10
}
return true
