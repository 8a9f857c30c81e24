// Records every file of the project before the build (path and SHA-256): verify.groovy checks that the builds changed
// nothing outside target/ and that GenGuard wrote only its reports under target/genguard.
import java.security.MessageDigest

def root = basedir.toPath()
def lines = []
root.toFile().eachFileRecurse(groovy.io.FileType.FILES) { f ->
    def rel = root.relativize(f.toPath()).toString().replace('\\', '/')
    if (!rel.startsWith('target/') && !rel.startsWith('build')) { // build*.log: the invoker writes them
        lines << rel + '\t' + MessageDigest.getInstance('SHA-256').digest(f.bytes).encodeHex().toString()
    }
}
new File(basedir.parentFile, 'check-clean.snapshot').text = lines.sort().join('\n')
return true
