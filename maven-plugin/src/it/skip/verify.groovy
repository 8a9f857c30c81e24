def log = new File(basedir, 'build.log').text
assert log.contains('GenGuard: skipped (genguard.skip)')
assert !new File(basedir, 'target/genguard').exists()
return true
