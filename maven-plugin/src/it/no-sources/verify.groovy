def log = new File(basedir, 'build.log').text
assert log.contains('GenGuard: skipping no-sources: no Java sources or compiled classes')
assert log.contains('GenGuard: skipping empty-module: no Java sources or compiled classes')
assert !log.contains('[ERROR]')
return true
