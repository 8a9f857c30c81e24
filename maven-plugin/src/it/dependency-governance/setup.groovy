// History: a person writes the module with commons-codec; an AI-assisted commit then adds guava to the pom.
import org.eclipse.jgit.api.Git
import org.eclipse.jgit.lib.PersonIdent

def when = new Date(1763632800000L)
def pom = new File(basedir, 'pom.xml')
def original = pom.text
def git = Git.init().setDirectory(basedir).setInitialBranch('main').call()
try {
    def human = new PersonIdent('Dana Human', 'dana@example.com', when, TimeZone.getTimeZone('UTC'))
    ['pom.xml', 'src/main/java/com/example/Checksums.java'].each { git.add().addFilepattern(it).call() }
    git.commit().setMessage('Checksums').setAuthor(human).setCommitter(human).setSign(false).call()
    pom.text = original.replace('''    </dependency>
  </dependencies>''', '''    </dependency>
    <dependency>
      <groupId>com.google.guava</groupId>
      <artifactId>guava</artifactId>
      <version>33.4.8-jre</version>
    </dependency>
  </dependencies>''')
    git.add().addFilepattern('pom.xml').call()
    git.commit().setMessage('Add guava for caching\n\nCo-authored-by: Claude <noreply@anthropic.com>\n')
            .setAuthor(human).setCommitter(human).setSign(false).call()
} finally {
    git.close()
}
return true
