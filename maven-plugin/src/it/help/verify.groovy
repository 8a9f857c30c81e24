// mvn genguard:help -Ddetail documents every goal and parameter.
def log = new File(basedir, 'build.log').text
['genguard:check', 'genguard:dependencies', 'genguard:baseline', 'genguard:inventory', 'genguard:allowlist', 'genguard:help'].each { assert log.contains(it) : "no ${it}" }
['skip', 'failOnViolation', 'failOnSeverity', 'failOnRiskScore', 'includeTests', 'includes', 'excludes', 'profile',
 'aiProfile', 'aiSeverityRaise', 'baselineFile', 'pruneBaseline', 'formats', 'outputDirectory', 'aiTrailers',
 'aiAssistants', 'gitHistory', 'sensitiveApis', 'analysisCache', 'analysisCacheLocation', 'aggregate', 'dependencyChecks', 'allowedDependencies',
 'allowlistFile', 'popularArtifacts', 'overwrite', 'threads'].each { p ->
    // The help goal logs one multi-line message: parameter names are indented, defaults may wrap.
    assert log =~ /(?m)^\s+${p}( \(Default:.*)?$/ : "parameter ${p} is not documented"
}
assert log.contains('User property: genguard.failOnRiskScore')
assert log.contains('payments=com.acme.pay.*')
return true
