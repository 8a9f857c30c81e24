def log = new File(basedir, 'build.log').text
// Run 1: the look-alike and the http repository, at their pom lines; the build stops before downloading.
assert log =~ /pom\.xml:\d+ LookalikeDependency \[BLOCKER\] CWE-1357 Check com\.fasterxml\.jackson\.core:jackson-databinds: it is .* com\.fasterxml\.jackson\.core:jackson-databind/
assert log =~ /pom\.xml:1[0-9] InsecureRepository \[CRITICAL\] CWE-319 Use https for repository vendor \(http:\/\/repo\.vendor\.example\/maven2\)/
assert log.contains('(declared dependencies): the build stops before they are downloaded')
assert !(log =~ /LookalikeDependency.*commons-validation-utils/) : 'an invented name that resembles nothing popular is not a look-alike'
// Run 2: both invented artifacts are reported as unresolvable, by name, at their declarations.
assert log =~ /pom\.xml:\d+ UnresolvableDependency \[CRITICAL\] CWE-1357 org\.apache\.commons:commons-validation-utils:1\.0\.0 cannot be resolved/
assert log =~ /UnresolvableDependency .*com\.fasterxml\.jackson\.core:jackson-databinds:2\.18\.2 cannot be resolved/
return true
